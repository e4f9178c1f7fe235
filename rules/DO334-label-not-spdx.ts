import { defineRule } from '../src/types.ts';
import { labelFormatCheck } from '../src/label-schema.ts';

export default defineRule({
  meta: {
    code: 'DO334',
    name: 'label-not-spdx',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3054'],
    docs: {
      summary: 'A label whose `labelSchema` type is `spdx` is not an SPDX license identifier.',
      rationale: 'The label schema (hadolint\'s `label-schema`) gives each required label a format so that tools reading the image metadata can rely on it. Values set from a build argument without a known default cannot be checked: give such labels the type `text`.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses="Apache License"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.licenses=Apache-2.0\n',
      settings: { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' } },
    },
  },
  create(context) {
    return labelFormatCheck(context, 'spdx');
  },
});
