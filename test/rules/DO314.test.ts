import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3033: specify version with yum install.
describe('DO314 unpinned-yum-package', () => {
  ruleCases('DO314', [
    { name: 'hadolint example', text: 'FROM centos:7\nRUN yum install -y httpd && yum clean all\n', findings: [[2, 20]], noFix: true },
    { name: 'hadolint example, correct', text: 'FROM centos:7\nRUN yum install -y httpd-2.24.2 && yum clean all\n', findings: [] },
    { name: 'a dash before letters is part of the name', text: 'FROM centos:7\nRUN yum install -y python3-devel\n', findings: [[2, 20]] },
    { name: 'rpm files and URLs', text: 'FROM centos:7\nRUN yum install -y https://example.com/x.rpm ./y.rpm\n', findings: [] },
    { name: 'module without a stream', text: 'FROM centos:8\nRUN yum module install -y nodejs\n', findings: [[2, 27]], message: /stream/ },
    { name: 'module with a stream', text: 'FROM centos:8\nRUN yum module install -y nodejs:20\n', findings: [] },
  ]);
});
