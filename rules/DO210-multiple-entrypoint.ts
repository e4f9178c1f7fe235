import { defineRule } from '../src/types.ts';
import { reportOverridden } from '../src/rule-helpers.ts';

export default defineRule({
  meta: {
    code: 'DO210',
    name: 'multiple-entrypoint',
    category: 'correctness',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL4004'],
    buildkit: ['MultipleInstructionsDisallowed'],
    docs: {
      summary: 'More than one ENTRYPOINT in a stage: only the last one takes effect.',
      rationale: 'Docker keeps only the last ENTRYPOINT of a stage. Earlier ones are dead code that misleads readers, often left over from an edit.',
      bad: 'FROM alpine:3.20\nENTRYPOINT ["echo", "one"]\nENTRYPOINT ["echo", "two"]\n',
      good: 'FROM alpine:3.20\nENTRYPOINT ["echo", "two"]\n',
    },
  },
  create(context) {
    return reportOverridden('ENTRYPOINT', (inst, last) =>
      context.report({ message: `Multiple ENTRYPOINT instructions in this stage: this one is overridden by the ENTRYPOINT on line ${last.line + 1}.`, at: inst }),
    );
  },
});
