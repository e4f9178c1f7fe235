import { defineRule } from '../src/types.ts';

export default defineRule({
  meta: {
    code: 'DO401',
    name: 'from-as-casing',
    category: 'style',
    severity: 'style',
    status: 'stable',
    fixable: 'always',
    buildkit: ['FromAsCasing'],
    docs: {
      summary: 'The `AS` keyword of a FROM is not in the same case as `FROM`.',
      rationale:
        'Keywords are case-insensitive, but `FROM image as name` mixes styles and makes the stage name harder to spot. Write `AS` in the case of `FROM` (`FROM ... AS`, `from ... as`). A FROM keyword in mixed case (`From`) is left to inconsistent-instruction-casing.',
      bad: 'FROM debian:bookworm-slim as builder\n',
      good: 'FROM debian:bookworm-slim AS builder\n',
    },
  },
  create(context) {
    return {
      FROM(inst) {
        const as = inst.args[1];
        if (!as || inst.args.length < 3 || as.value.toLowerCase() !== 'as') return;
        const kw = inst.keywordText;
        const lower = kw === kw.toLowerCase();
        if (!lower && kw !== kw.toUpperCase()) return;
        const want = lower ? 'as' : 'AS';
        if (as.value === want) return;
        context.report({
          message: `"${as.value}" should be written "${want}" to match "${kw}".`,
          at: as,
          fix: { applicability: 'safe', description: `Write ${want}`, edits: [{ start: as.start, end: as.end, text: want }] },
        });
      },
    };
  },
});
