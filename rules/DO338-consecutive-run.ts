import { defineRule } from '../src/types.ts';
import type { Instruction } from '../src/model.ts';
import { runCommands } from '../src/rule-helpers.ts';

function commandCount(inst: Instruction): number {
  if (inst.json) return 1;
  return Math.max(1, runCommands(inst).length);
}

function flagText(inst: Instruction, text: string): string {
  return inst.flags.map((f) => text.slice(f.start, f.end)).sort().join(' ');
}

export default defineRule({
  meta: {
    code: 'DO338',
    name: 'consecutive-run',
    category: 'style',
    severity: 'info',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3059'],
    docs: {
      summary: 'Two RUN instructions in a row, each with one or two commands and the same flags, could be one.',
      rationale:
        'Every RUN makes a layer; short RUNs that belong together (a download and its unpacking) are clearer, smaller and as cacheable as one RUN with `&&`. RUNs with longer scripts, or with different mounts or network settings, are left alone: splitting them is usually deliberate (for example to cache an expensive step separately). A group of consecutive RUNs is reported once.',
      bad: 'FROM debian:bookworm-slim\nRUN mkdir -p /app\nRUN chown nobody /app\n',
      good: 'FROM debian:bookworm-slim\nRUN mkdir -p /app && chown nobody /app\n',
    },
  },
  create(context) {
    const { model } = context;
    // One finding per run of consecutive RUNs, at its second RUN: a file of a hundred one-line
    // RUNs is one thing to fix, not ninety-nine.
    let streak: { head: Instruction; first: Instruction; last: Instruction } | null = null;
    const flush = () => {
      if (!streak) return;
      const { head, first, last } = streak;
      const more = first === last ? '' : ` (and so do the RUNs up to line ${last.line + 1})`;
      context.report({
        message: `This RUN directly follows the RUN on line ${head.line + 1} with the same flags${more}: consider joining them with && into one layer.`,
        at: first,
      });
      streak = null;
    };
    return {
      instruction(inst) {
        const prev = model.instructions[inst.index - 1];
        const joins =
          inst.keyword === 'RUN' && prev?.keyword === 'RUN' && prev.stage === inst.stage &&
          flagText(prev, model.text) === flagText(inst, model.text) && commandCount(prev) <= 2 && commandCount(inst) <= 2;
        if (!joins) return flush();
        if (streak?.last === prev) streak.last = inst;
        else {
          flush();
          streak = { head: prev, first: inst, last: inst };
        }
      },
      stageEnd: flush,
    };
  },
});
