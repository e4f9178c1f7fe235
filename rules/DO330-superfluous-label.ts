import { defineRule } from '../src/types.ts';
import { labelPairs } from '../src/label-schema.ts';

export default defineRule({
  meta: {
    code: 'DO330',
    name: 'superfluous-label',
    category: 'best-practice',
    severity: 'info',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3050'],
    docs: {
      summary: 'With `strictLabels` on, a LABEL sets a label that `labelSchema` does not list.',
      rationale: '`strictLabels` (hadolint\'s `strict-labels`) makes the label schema the complete list of allowed labels, so that images carry only the metadata the organisation agreed on. With strict labels and no schema, every label is reported.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version=1.2.0 build-host=ci-7\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version=1.2.0\n',
      settings: { labelSchema: { 'org.opencontainers.image.version': 'semver' }, strictLabels: true },
    },
  },
  create(context) {
    if (!context.settings.strictLabels) return {};
    const allowed = new Set(Object.keys(context.settings.labelSchema ?? {}));
    return {
      LABEL(inst) {
        for (const p of labelPairs(inst, () => null)) {
          if (allowed.has(p.key)) continue;
          context.report({ message: `Label "${p.key}" is not in labelSchema, and strictLabels allows no others.`, at: { start: p.keyStart, end: p.keyEnd } });
        }
      },
    };
  },
});
