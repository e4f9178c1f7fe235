import { defineRule } from '../src/types.ts';
import { labelFormatCheck } from '../src/label-schema.ts';

export default defineRule({
  meta: {
    code: 'DO335',
    name: 'label-not-git-hash',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3055'],
    docs: {
      summary: 'A label whose `labelSchema` type is `hash` is not a git commit hash.',
      rationale: 'The label schema (hadolint\'s `label-schema`) gives each required label a format so that tools reading the image metadata can rely on it. Values set from a build argument without a known default cannot be checked: give such labels the type `text`.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision=main\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.revision=0a1b2c3\n',
      settings: { labelSchema: { 'org.opencontainers.image.revision': 'hash' } },
    },
  },
  create(context) {
    return labelFormatCheck(context, 'hash');
  },
});
