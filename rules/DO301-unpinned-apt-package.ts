import { defineRule } from '../src/types.ts';
import { everyRun, isDynamic, nameList, operandsAfterVerb, spanOf, verbOf } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';

const APT_VALUED = ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '-a', '--host-architecture'];

export default defineRule({
  meta: {
    code: 'DO301',
    name: 'unpinned-apt-package',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    enabledByDefault: false,
    hadolint: ['DL3008'],
    docs: {
      summary: '`apt-get install` names packages without a version (`curl` instead of `curl=7.88.1-10+deb12u8`).',
      rationale:
        'Without a version the build installs whatever the mirror has that day, so two builds of the same Dockerfile can differ. Pinning has a cost, though: Debian and Ubuntu mirrors drop superseded versions, so pinned builds break when a security update lands unless you build from a snapshot mirror. That is why this rule is off by default; pin the base image by digest for reproducibility and turn this rule on where you use a snapshot or an internal mirror.',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8\n',
    },
  },
  create(context) {
    return everyRun((inst) => {
      for (const cmd of runCommands(inst)) {
        if (cmd.name !== 'apt-get' && cmd.name !== 'apt') continue;
        if (verbOf(cmd, APT_VALUED)?.value !== 'install') continue;
        // name=version, name/release, or a local .deb file
        const unpinned = operandsAfterVerb(cmd, APT_VALUED).filter((w) => !isDynamic(w.value) && !/[=/]/.test(w.value) && !w.value.endsWith('.deb'));
        if (unpinned.length === 0) continue;
        context.report({
          message: `Pin the version of ${nameList(unpinned)} (\`${unpinned[0].value}=<version>\`): without one the build installs whatever the mirror has that day.`,
          at: spanOf(unpinned),
        });
      }
    });
  },
});
