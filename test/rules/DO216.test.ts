import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// Fixes are being added to this rule separately: these cases check findings and positions.
describe('DO216 maintainer-deprecated', () => {
  ruleCases('DO216', [
    { name: 'MAINTAINER', text: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n', findings: [[2, 1]], message: /MAINTAINER is deprecated/, severity: 'info' },
    { name: 'lower case, quoted', text: 'FROM alpine:3.20\nmaintainer "Jane Doe"\n', findings: [[2, 1]] },
    { name: 'in each stage', text: 'FROM alpine:3.20 AS a\nMAINTAINER a\nFROM alpine:3.20\nMAINTAINER b\n', findings: [[2, 1], [4, 1]] },

    { name: 'an OCI label', text: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n', findings: [] },
    { name: 'a maintainer label', text: 'FROM alpine:3.20\nLABEL maintainer="Jane Doe"\n', findings: [] },
    { name: 'a comment', text: 'FROM alpine:3.20\n# MAINTAINER Jane Doe\n', findings: [] },
  ]);
});
