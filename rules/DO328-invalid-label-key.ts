import { defineRule } from '../src/types.ts';
import { labelPairs } from '../src/label-schema.ts';

const RESERVED = /^(com\.docker\.|io\.docker\.|org\.dockerproject\.)/;

/** Why a label key breaks Docker's key format recommendations, or null. */
function problem(key: string): string | null {
  if (RESERVED.test(key)) return 'uses a namespace reserved for Docker';
  if (!/^[a-z]/.test(key)) return 'does not start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'does not end with a lower-case letter or digit';
  if (/[^a-z0-9.-]/.test(key)) return 'has characters other than lower-case letters, digits, `.` and `-`';
  if (/\.\.|--/.test(key)) return 'has two separators in a row';
  return null;
}

export default defineRule({
  meta: {
    code: 'DO328',
    name: 'invalid-label-key',
    category: 'style',
    severity: 'style',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3048'],
    docs: {
      summary: 'A LABEL key does not follow Docker\'s key format: lower-case letters, digits, `.` and `-`, in reverse-DNS form, outside Docker\'s reserved namespaces.',
      rationale:
        'Tools that read labels (registries, scanners, orchestrators) expect keys like `org.opencontainers.image.source`: lower case, starting with a letter, ending with a letter or digit, with single `.` or `-` separators. The `com.docker.*`, `io.docker.*` and `org.dockerproject.*` namespaces are reserved for Docker.',
      bad: 'FROM alpine:3.20\nLABEL Version=1.0\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.version=1.0\n',
    },
  },
  create(context) {
    return {
      LABEL(inst) {
        for (const p of labelPairs(inst, () => null)) {
          if (/[$]/.test(p.key)) continue;
          const why = problem(p.key);
          if (!why) continue;
          context.report({ message: `Label key "${p.key}" ${why}.`, at: { start: p.keyStart, end: p.keyEnd } });
        }
      },
    };
  },
});
