import { defineRule } from '../src/types.ts';
import { reportOverridden } from '../src/rule-helpers.ts';

export default defineRule({
  meta: {
    code: 'DO211',
    name: 'multiple-healthcheck',
    category: 'correctness',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3012'],
    buildkit: ['MultipleInstructionsDisallowed'],
    docs: {
      summary: 'More than one HEALTHCHECK in a stage: only the last one takes effect.',
      rationale: 'Docker keeps only the last HEALTHCHECK of a stage. Earlier ones are dead code that misleads readers, often left over from an edit.',
      bad: 'FROM alpine:3.20\nHEALTHCHECK CMD ["true"]\nHEALTHCHECK CMD ["false"]\n',
      good: 'FROM alpine:3.20\nHEALTHCHECK CMD ["false"]\n',
    },
  },
  create(context) {
    return reportOverridden('HEALTHCHECK', (inst, last) =>
      context.report({ message: `Multiple HEALTHCHECK instructions in this stage: this one is overridden by the HEALTHCHECK on line ${last.line + 1}.`, at: inst }),
    );
  },
});
