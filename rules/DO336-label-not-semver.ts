import { defineRule } from '../src/types.ts';
import { labelFormatCheck } from '../src/label-schema.ts';

export default defineRule({
  meta: {
    code: 'DO336',
    name: 'label-not-semver',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3056'],
    docs: {
      summary: 'A label whose `labelSchema` type is `semver` is not a semantic version.',
      rationale: 'The label schema (hadolint\'s `label-schema`) gives each required label a format so that tools reading the image metadata can rely on it. Values set from a build argument without a known default cannot be checked: give such labels the type `text`.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version=v1.2\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version=1.2.0\n',
      settings: { labelSchema: { 'org.opencontainers.image.version': 'semver' } },
    },
  },
  create(context) {
    return labelFormatCheck(context, 'semver');
  },
});
