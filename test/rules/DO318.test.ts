import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3037: specify version with zypper install.
describe('DO318 unpinned-zypper-package', () => {
  ruleCases('DO318', [
    { name: 'hadolint example', text: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd && zypper clean\n', findings: [[2, 23]], noFix: true },
    { name: 'hadolint example, correct', text: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.46 && zypper clean\n', findings: [] },
    { name: 'comparisons', text: 'FROM opensuse/leap:15.6\nRUN zypper in -y "httpd>=2.4" foo.rpm\n', findings: [] },
    { name: 'patterns have no version', text: 'FROM opensuse/leap:15.6\nRUN zypper in -y -t pattern devel_basis\n', findings: [] },
  ]);
});
