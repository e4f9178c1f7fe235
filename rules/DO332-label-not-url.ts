import { defineRule } from '../src/types.ts';
import { labelFormatCheck } from '../src/label-schema.ts';

export default defineRule({
  meta: {
    code: 'DO332',
    name: 'label-not-url',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3052'],
    docs: {
      summary: 'A label whose `labelSchema` type is `url` is not a valid URL.',
      rationale: 'The label schema (hadolint\'s `label-schema`) gives each required label a format so that tools reading the image metadata can rely on it. Values set from a build argument without a known default cannot be checked: give such labels the type `text`.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source=github.com/acme/app\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source=https://github.com/acme/app\n',
      settings: { labelSchema: { 'org.opencontainers.image.source': 'url' } },
    },
  },
  create(context) {
    return labelFormatCheck(context, 'url');
  },
});
