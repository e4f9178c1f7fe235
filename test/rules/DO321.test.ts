import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3041: specify version with dnf install.
describe('DO321 unpinned-dnf-package', () => {
  ruleCases('DO321', [
    { name: 'hadolint example', text: 'FROM fedora:32\nRUN dnf install -y httpd && dnf clean all\n', findings: [[2, 20]], noFix: true },
    { name: 'hadolint example, correct', text: 'FROM fedora:32\nRUN dnf install -y httpd-2.24.2 && dnf clean all\n', findings: [] },
    { text: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y gcc-11.4.1 make\n', findings: [[2, 36]] },
    { name: 'module streams', text: 'FROM fedora:40\nRUN dnf module install -y nodejs:20/common\n', findings: [] },
  ]);
});
