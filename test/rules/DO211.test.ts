import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO211 multiple-healthcheck', () => {
  ruleCases('DO211', [
    { name: 'two HEALTHCHECKs', text: 'FROM alpine:3.20\nHEALTHCHECK CMD ["true"]\nHEALTHCHECK CMD ["false"]\n', findings: [[2, 1]], message: /overridden by the HEALTHCHECK on line 3/, noFix: true },
    { name: 'HEALTHCHECK NONE counts too', text: 'FROM alpine:3.20\nHEALTHCHECK --interval=5s CMD wget -q -O- localhost\nHEALTHCHECK NONE\n', findings: [[2, 1]] },
    { name: 'a multi-line HEALTHCHECK', text: 'FROM alpine:3.20\nHEALTHCHECK --interval=30s \\\n  CMD curl -f http://localhost/ || exit 1\nHEALTHCHECK CMD ["true"]\n', findings: [[2, 1]] },

    { name: 'one HEALTHCHECK', text: 'FROM alpine:3.20\nHEALTHCHECK CMD ["true"]\n', findings: [] },
    { name: 'one per stage', text: 'FROM alpine:3.20 AS a\nHEALTHCHECK CMD ["a"]\nFROM a\nHEALTHCHECK NONE\n', findings: [] },
    { name: 'an ONBUILD HEALTHCHECK', text: 'FROM alpine:3.20\nONBUILD HEALTHCHECK CMD ["a"]\nHEALTHCHECK CMD ["b"]\n', findings: [] },
  ]);
});
