import { defineRule } from '../src/types.ts';
import { labelPairs } from '../src/label-schema.ts';

export default defineRule({
  meta: {
    code: 'DO331',
    name: 'empty-label',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3051'],
    docs: {
      summary: 'A label that `labelSchema` requires is set to an empty value.',
      rationale: 'An empty required label satisfies the letter of the schema but carries no information; it usually comes from a build argument nobody passed.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors=""\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="platform@example.com"\n',
      settings: { labelSchema: { 'org.opencontainers.image.authors': 'text' } },
    },
  },
  create(context) {
    const schema = context.settings.labelSchema ?? {};
    if (Object.keys(schema).length === 0) return {};
    const { model } = context;
    return {
      LABEL(inst) {
        for (const p of labelPairs(inst, (v) => model.expand(v, inst))) {
          if (!(p.key in schema) || p.value.trim() !== '') continue;
          context.report({ message: `Label "${p.key}" is empty.`, at: { start: p.start, end: p.end } });
        }
      },
    };
  },
});
