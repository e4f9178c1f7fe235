import { defineRule } from '../src/types.ts';

// Reported by the suppression filter (src/suppression.ts).
export default defineRule({
  meta: {
    code: 'DO002',
    name: 'unknown-suppression-code',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    docs: {
      summary: 'A suppression pragma names a code that no dockopt rule has or declares as an equivalent.',
      rationale:
        'A typo in a pragma silently suppresses nothing. Codes are dockopt codes (DO101) or rule names (missing-cache-mount) in `# dockopt ignore=`, hadolint codes in `# hadolint ignore=`, and BuildKit check names in `# check=skip=`.',
      bad: 'FROM alpine:3.20\n# dockopt ignore=DO9999\nRUN echo hi\n',
      good: 'FROM alpine:3.20\nRUN echo hi\n',
    },
  },
  create() {
    return {};
  },
});
