import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3038: use -y with dnf install.
describe('DO319 dnf-missing-yes', () => {
  ruleCases('DO319', [
    {
      name: 'hadolint example',
      text: 'FROM fedora:32\nRUN dnf install httpd-2.24.2 && dnf clean all\n',
      findings: [[2, 5]],
      fixed: 'FROM fedora:32\nRUN dnf install -y httpd-2.24.2 && dnf clean all\n',
    },
    { name: 'hadolint example, correct', text: 'FROM fedora:32\nRUN dnf install -y httpd-2.24.2 && dnf clean all\n', findings: [] },
    { text: 'FROM fedora:32\nRUN dnf --setopt=install_weak_deps=False --assumeyes install gcc\n', findings: [] },
    { text: 'FROM fedora:32\nRUN dnf --setopt install_weak_deps=False upgrade\n', findings: [[2, 5]], fixed: 'FROM fedora:32\nRUN dnf --setopt install_weak_deps=False upgrade -y\n' },
    { name: 'microdnf does not ask', text: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install gcc\n', findings: [] },
  ]);
});
