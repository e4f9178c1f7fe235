import { defineRule } from '../src/types.ts';

// Reported by the suppression filter (src/suppression.ts), not by a visitor: a pragma is only
// known to be unused after every rule ran.
export default defineRule({
  meta: {
    code: 'DO001',
    name: 'unused-suppression',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    docs: {
      summary: 'A suppression pragma names a rule that reports nothing where the pragma applies.',
      rationale:
        'Stale pragmas hide future problems: once the instruction changes, the rule can no longer warn about it. Remove codes that no longer suppress anything.',
      bad: 'FROM alpine:3.20\n# dockopt ignore=DO204\nRUN apk add --no-cache curl\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    },
  },
  create() {
    return {};
  },
});
