import { defineRule } from '../src/types.ts';

export default defineRule({
  meta: {
    code: 'DO340',
    name: 'instruction-before-from',
    category: 'correctness',
    severity: 'error',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3061'],
    docs: {
      summary: 'An instruction other than ARG comes before the first FROM.',
      rationale: 'A Dockerfile starts with FROM, optionally preceded by ARG instructions for the FROM lines (and by comments and parser directives). Anything else before the first FROM has no stage to run in and the build fails.',
      bad: 'LABEL org.opencontainers.image.title=app\nFROM alpine:3.20\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title=app\n',
    },
  },
  create(context) {
    let sawFrom = false;
    return {
      instruction(inst) {
        if (inst.keyword === 'FROM') sawFrom = true;
        // Unknown keywords are syntax errors (DO000) wherever they are.
        if (sawFrom || inst.keyword === 'ARG' || !inst.known) return;
        context.report({
          message: `${inst.keywordText} before the first FROM: only ARG may come before FROM.`,
          at: { start: inst.keywordStart, end: inst.keywordEnd },
        });
      },
    };
  },
});
