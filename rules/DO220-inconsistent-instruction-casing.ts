import { defineRule } from '../src/types.ts';
import type { Instruction } from '../src/model.ts';

export default defineRule({
  meta: {
    code: 'DO220',
    name: 'inconsistent-instruction-casing',
    category: 'style',
    severity: 'style',
    status: 'stable',
    fixable: 'always',
    buildkit: ['ConsistentInstructionCasing'],
    docs: {
      summary: 'Instruction keywords are not all in the same case.',
      rationale: 'Keywords are case-insensitive, but mixing `RUN` and `run` (or writing `Run`) makes files harder to scan. Upper case is the convention; a file written all in lower case is consistent too.',
      bad: 'FROM alpine:3.20\nrun echo hi\n',
      good: 'FROM alpine:3.20\nRUN echo hi\n',
    },
  },
  create(context) {
    const all: Instruction[] = [];
    return {
      instruction(inst) {
        if (!inst.known) return;
        all.push(inst);
        if (inst.trigger?.known) all.push(inst.trigger);
      },
      end() {
        const upper = all.filter((i) => i.keywordText === i.keyword).length;
        const lower = all.filter((i) => i.keywordText === i.keyword.toLowerCase()).length;
        const wantUpper = upper >= lower;
        for (const inst of all) {
          const want = wantUpper ? inst.keyword : inst.keyword.toLowerCase();
          if (inst.keywordText === want) continue;
          context.report({
            message: `"${inst.keywordText}" should be written "${want}" like the ${wantUpper ? 'upper' : 'lower'}-case majority of instructions.`,
            at: { start: inst.keywordStart, end: inst.keywordEnd },
            fix: { applicability: 'safe', description: `Write ${want}`, edits: [{ start: inst.keywordStart, end: inst.keywordEnd, text: want }] },
          });
        }
      },
    };
  },
});
