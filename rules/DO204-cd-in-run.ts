import { defineRule } from '../src/types.ts';
import { runCommands } from '../src/rule-helpers.ts';

export default defineRule({
  meta: {
    code: 'DO204',
    name: 'cd-in-run',
    category: 'best-practice',
    severity: 'info',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3003'],
    docs: {
      summary: '`cd` in a RUN to change the directory for later commands.',
      rationale: '`cd` only lasts for one RUN; WORKDIR states the directory once, applies to every later instruction, and is easier to read.',
      bad: 'FROM alpine:3.20\nRUN cd /usr/src/app && make\n',
      good: 'FROM alpine:3.20\nWORKDIR /usr/src/app\nRUN make\n',
    },
  },
  create(context) {
    return {
      RUN(inst) {
        const cmds = runCommands(inst);
        // Like hadolint, one finding per RUN. A `cd` in a subshell (`(cd sub && make)`) is what
        // hadolint's own docs recommend, and a trailing `cd` changes nothing: neither is reported.
        const cd = cmds.find((cmd, i) => cmd.name === 'cd' && !cmd.wrappers.length && !cmd.subshell && i < cmds.length - 1);
        if (!cd) return;
        context.report({
          message: 'Use WORKDIR to change the directory instead of `cd` in a RUN.',
          at: { start: cd.start, end: cd.end },
        });
      },
    };
  },
});
