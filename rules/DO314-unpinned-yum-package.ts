import { defineRule } from '../src/types.ts';
import { positionals } from '../src/shell.ts';
import { everyRun, isDynamic, nameList, spanOf } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';
import { RPM_VALUED, rpmPinned } from '../src/rpm-tools.ts';

export default defineRule({
  meta: {
    code: 'DO314',
    name: 'unpinned-yum-package',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    enabledByDefault: false,
    hadolint: ['DL3033'],
    docs: {
      summary: '`yum install` names packages without a version (`httpd` instead of `httpd-2.4.6`); `yum module install` names a module without a stream.',
      rationale:
        'Without a version the build installs whatever the repository has that day, so two builds of the same Dockerfile can differ. Repositories drop old versions, though, so exact pins break builds; this rule is off by default. Pin the base image by digest for reproducibility and turn this rule on where you build from a snapshot or an internal mirror.',
      bad: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n',
      good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    },
  },
  create(context) {
    return everyRun((inst) => {
      for (const cmd of runCommands(inst)) {
        if (cmd.name !== 'yum') continue;
        const words = positionals(cmd, RPM_VALUED);
        const module = words[0]?.value === 'module';
        const verbAt = module ? 1 : 0;
        if (words[verbAt]?.value !== 'install') continue;
        // A module needs a stream (`nodejs:20`); a package a version.
        const unpinned = words.slice(verbAt + 1).filter((w) => !isDynamic(w.value) && (module ? !w.value.includes(':') : !rpmPinned(w.value)));
        if (unpinned.length === 0) continue;
        context.report({
          message: module
            ? `Name the stream of module ${nameList(unpinned)} (\`${unpinned[0].value}:<stream>\`).`
            : `Pin the version of ${nameList(unpinned)} (\`${unpinned[0].value}-<version>\`): without one the build installs whatever the repository has that day.`,
          at: spanOf(unpinned),
        });
      }
    });
  },
});
