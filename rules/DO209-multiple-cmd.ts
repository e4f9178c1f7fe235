import { defineRule } from '../src/types.ts';
import { reportOverridden } from '../src/rule-helpers.ts';

export default defineRule({
  meta: {
    code: 'DO209',
    name: 'multiple-cmd',
    category: 'correctness',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL4003'],
    buildkit: ['MultipleInstructionsDisallowed'],
    docs: {
      summary: 'More than one CMD in a stage: only the last one takes effect.',
      rationale: 'Docker keeps only the last CMD of a stage. Earlier ones are dead code that misleads readers, often left over from an edit.',
      bad: 'FROM alpine:3.20\nCMD ["echo", "one"]\nCMD ["echo", "two"]\n',
      good: 'FROM alpine:3.20\nCMD ["echo", "two"]\n',
    },
  },
  create(context) {
    return reportOverridden('CMD', (inst, last) =>
      context.report({ message: `Multiple CMD instructions in this stage: this one is overridden by the CMD on line ${last.line + 1}.`, at: inst }),
    );
  },
});
