import { defineRule } from '../src/types.ts';
import { labelFormatCheck } from '../src/label-schema.ts';

export default defineRule({
  meta: {
    code: 'DO337',
    name: 'label-not-email',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3058'],
    docs: {
      summary: 'A label whose `labelSchema` type is `email` is not an e-mail address.',
      rationale: 'The label schema (hadolint\'s `label-schema`) gives each required label a format so that tools reading the image metadata can rely on it. Values set from a build argument without a known default cannot be checked: give such labels the type `text`.',
      bad: 'FROM alpine:3.20\nLABEL maintainer="Jane Doe"\n',
      good: 'FROM alpine:3.20\nLABEL maintainer=jane@example.com\n',
      settings: { labelSchema: { 'maintainer': 'email' } },
    },
  },
  create(context) {
    return labelFormatCheck(context, 'email');
  },
});
