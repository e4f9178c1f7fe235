import { defineRule } from '../src/types.ts';
import { labelFormatCheck } from '../src/label-schema.ts';

export default defineRule({
  meta: {
    code: 'DO333',
    name: 'label-not-rfc3339',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3053'],
    docs: {
      summary: 'A label whose `labelSchema` type is `rfc3339` is not an RFC 3339 time.',
      rationale: 'The label schema (hadolint\'s `label-schema`) gives each required label a format so that tools reading the image metadata can rely on it. Values set from a build argument without a known default cannot be checked: give such labels the type `text`.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created="2024-05-01 12:00"\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.created=2024-05-01T12:00:00Z\n',
      settings: { labelSchema: { 'org.opencontainers.image.created': 'rfc3339' } },
    },
  },
  create(context) {
    return labelFormatCheck(context, 'rfc3339');
  },
});
