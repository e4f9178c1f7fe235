import { defineRule } from '../src/types.ts';
import { hasOption, positionals } from '../src/shell.ts';
import { everyRun, isDynamic, nameList, spanOf } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';
import { ZYPPER_VALUED } from '../src/rpm-tools.ts';

export default defineRule({
  meta: {
    code: 'DO318',
    name: 'unpinned-zypper-package',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    enabledByDefault: false,
    hadolint: ['DL3037'],
    docs: {
      summary: '`zypper install` names packages without a version (`httpd` instead of `httpd=2.4.58`).',
      rationale:
        'Without a version the build installs whatever the repository has that day, so two builds of the same Dockerfile can differ. Repositories drop old versions, though, so exact pins break builds; this rule is off by default. Pin the base image by digest for reproducibility and turn this rule on where you build from a snapshot or an internal mirror.',
      bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd && zypper clean\n',
      good: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.58 && zypper clean\n',
    },
  },
  create(context) {
    return everyRun((inst) => {
      for (const cmd of runCommands(inst)) {
        if (cmd.name !== 'zypper') continue;
        const words = positionals(cmd, ZYPPER_VALUED);
        if (words[0]?.value !== 'install' && words[0]?.value !== 'in') continue;
        // Patterns, patches and products (`-t pattern devel_basis`) have no package version.
        if (hasOption(cmd, ['-t', '--type'])) continue;
        const unpinned = words.slice(1).filter((w) => !isDynamic(w.value) && !/[=<>]/.test(w.value) && !w.value.endsWith('.rpm'));
        if (unpinned.length === 0) continue;
        context.report({
          message: `Pin the version of ${nameList(unpinned)} (\`${unpinned[0].value}=<version>\`): without one the build installs whatever the repository has that day.`,
          at: spanOf(unpinned),
        });
      }
    });
  },
});
