import { defineRule } from '../src/types.ts';

const NOT_A_TRIGGER = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export default defineRule({
  meta: {
    code: 'DO323',
    name: 'invalid-onbuild-trigger',
    category: 'correctness',
    severity: 'error',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3043'],
    docs: {
      summary: 'An ONBUILD trigger is ONBUILD, FROM or MAINTAINER, which the builder does not allow as triggers.',
      rationale: 'ONBUILD registers an instruction to run in images built FROM this one; chaining ONBUILD, starting a new stage with FROM, or setting MAINTAINER there is not allowed and the build fails.',
      bad: 'FROM debian:bookworm-slim\nONBUILD FROM debian:bookworm\n',
      good: 'FROM debian:bookworm-slim\nONBUILD RUN echo "building from the base image"\n',
    },
  },
  create(context) {
    return {
      ONBUILD(inst) {
        const trigger = inst.trigger;
        if (!trigger || !NOT_A_TRIGGER.has(trigger.keyword)) return;
        context.report({
          message: `${trigger.keywordText} is not allowed as an ONBUILD trigger: the build fails.`,
          at: { start: trigger.keywordStart, end: trigger.keywordEnd },
        });
      },
    };
  },
});
