import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO213 copy-from-own-stage', () => {
  ruleCases('DO213', [
    { name: 'by name', text: 'FROM alpine:3.20 AS app\nCOPY --from=app /etc/hosts /tmp/hosts\n', findings: [[2, 6]], message: /COPY --from=app refers to the stage it is in/, severity: 'error', noFix: true },
    { name: 'by name in another case', text: 'FROM alpine:3.20 AS App\nCOPY --from=app /a /b\n', findings: [[2, 6]] },
    { name: 'by index', text: 'FROM alpine:3.20 AS base\nFROM alpine:3.20\nCOPY --from=1 /a /b\n', findings: [[3, 6]] },

    { name: 'another stage', text: 'FROM alpine:3.20 AS base\nFROM alpine:3.20 AS app\nCOPY --from=base /etc/hosts /tmp/hosts\n', findings: [] },
    { name: 'an earlier index', text: 'FROM alpine:3.20\nFROM alpine:3.20\nCOPY --from=0 /a /b\n', findings: [] },
    { name: 'an image', text: 'FROM alpine:3.20 AS app\nCOPY --from=app:1.0 /a /b\n', findings: [] },
  ]);
});
