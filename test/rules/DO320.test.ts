import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3040: dnf clean all missing; dockopt also accepts (and recommends) a cache mount.
describe('DO320 dnf-cache-kept', () => {
  ruleCases('DO320', [
    { name: 'hadolint example', text: 'FROM fedora:32\nRUN dnf install -y httpd-2.24.2\n', findings: [[2, 5]], noFix: true, message: /target=\/var\/cache\/dnf,sharing=locked/ },
    { name: 'hadolint example, correct', text: 'FROM fedora:32\nRUN dnf install -y httpd-2.24.2 && dnf clean all\n', findings: [] },
    { name: 'a cache mount instead', text: 'FROM fedora:32\nRUN --mount=type=cache,target=/var/cache/dnf,sharing=locked dnf install -y httpd-2.24.2\n', findings: [] },
    { name: 'microdnf', text: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y gcc && microdnf clean all\n', findings: [] },
    { name: 'microdnf without clean', text: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y gcc\n', findings: [[2, 5]], message: /microdnf clean all/ },
  ]);
});
