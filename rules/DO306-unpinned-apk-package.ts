import { defineRule } from '../src/types.ts';
import { everyRun, isDynamic, nameList, operandsAfterVerb, spanOf, verbOf } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';

const APK_VALUED = ['-t', '--virtual', '-X', '--repository', '-p', '--root', '--cache-dir', '--arch', '--keys-dir', '--repositories-file'];

export default defineRule({
  meta: {
    code: 'DO306',
    name: 'unpinned-apk-package',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    enabledByDefault: false,
    hadolint: ['DL3018'],
    docs: {
      summary: '`apk add` names packages without a version (`curl` instead of `curl=8.9.1-r2`).',
      rationale:
        'Without a version the build installs whatever the Alpine mirror has that day, so two builds of the same Dockerfile can differ. Alpine mirrors keep only the latest build of each package in a release, though, so exact pins break as soon as a fix is published; pinning with `~` to a minor version (`curl~8.9`) breaks less. That is why this rule is off by default; pin the base image by digest for reproducibility and turn this rule on if you want package pins too.',
      bad: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n',
    },
  },
  create(context) {
    return everyRun((inst) => {
      for (const cmd of runCommands(inst)) {
        if (cmd.name !== 'apk' || verbOf(cmd, APK_VALUED)?.value !== 'add') continue;
        const unpinned = operandsAfterVerb(cmd, APK_VALUED).filter((w) => !isDynamic(w.value) && !/[=~<>]/.test(w.value) && !w.value.endsWith('.apk'));
        if (unpinned.length === 0) continue;
        context.report({
          message: `Pin the version of ${nameList(unpinned)} (\`${unpinned[0].value}=<version>\`): without one the build installs whatever the mirror has that day.`,
          at: spanOf(unpinned),
        });
      }
    });
  },
});
