import { defineRule } from '../src/types.ts';
import { everyRun, verbOf } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';

export default defineRule({
  meta: {
    code: 'DO316',
    name: 'zypper-dist-upgrade',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3035'],
    docs: {
      summary: 'A RUN runs `zypper dist-upgrade` (`zypper dup`).',
      rationale:
        'A distribution upgrade inside an image build moves the image to another release than its base image says: the result depends on the day of the build and on the mirror. Use a base image of the release you want; `zypper update` / `zypper patch` for fixes within a release are fine.',
      bad: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive dist-upgrade\n',
      good: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive patch\n',
    },
  },
  create(context) {
    return everyRun((inst) => {
      for (const cmd of runCommands(inst)) {
        if (cmd.name !== 'zypper') continue;
        const verb = verbOf(cmd, ['--root', '-R', '--config', '-c', '--reposd-dir', '-D', '--cache-dir', '-C']);
        if (!verb || (verb.value !== 'dist-upgrade' && verb.value !== 'dup')) continue;
        context.report({
          message: '`zypper dist-upgrade` moves the image to another distribution release than its base image: use a base image of the release you want.',
          at: { start: cmd.start, end: verb.end },
        });
      }
    });
  },
});
