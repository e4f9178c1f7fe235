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
        cmds.forEach((cmd, i) => {
          if (cmd.name !== 'cd' || cmd.wrappers.length) return;
          // `cd` inside a subshell or as the last command is harmless; hadolint flags any cd too,
          // but only one that is followed by another command in the same RUN matters.
          if (i === cmds.length - 1) return;
          context.report({
            message: 'Use WORKDIR to change the directory instead of `cd` in a RUN.',
            at: { start: cmd.start, end: cmd.end },
          });
        });
      },
    };
  },
});
