import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3018: pin versions in apk add.
describe('DO306 unpinned-apk-package', () => {
  ruleCases('DO306', [
    { name: 'hadolint example', text: 'FROM alpine:3.7\nRUN apk --no-cache add foo\n', findings: [[2, 24]], noFix: true },
    { name: 'hadolint example, correct', text: 'FROM alpine:3.7\nRUN apk --no-cache add foo=~1.23\n', findings: [] },
    { name: 'a virtual package name is not a package', text: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc=13.2.1_git20240309-r0\n', findings: [] },
    { text: 'FROM alpine:3.20\nRUN apk add --no-cache curl~8.9 bash\n', findings: [[2, 33]] },
  ]);
});
