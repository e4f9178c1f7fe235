import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3034: non-interactive switch missing from zypper.
describe('DO315 zypper-missing-yes', () => {
  ruleCases('DO315', [
    {
      name: 'hadolint example',
      text: 'FROM opensuse/leap:15.6\nRUN zypper install httpd=2.4.46 && zypper clean\n',
      findings: [[2, 5]],
      fixed: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.46 && zypper clean\n',
    },
    { name: 'hadolint example, correct', text: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.46 && zypper clean\n', findings: [] },
    { name: 'global --non-interactive', text: 'FROM opensuse/leap:15.6\nRUN zypper --non-interactive in httpd=2.4.46\n', findings: [] },
    { name: 'global -n', text: 'FROM opensuse/leap:15.6\nRUN zypper -n rm vim\n', findings: [] },
    { text: 'FROM opensuse/leap:15.6\nRUN zypper --no-confirm remove vim\n', findings: [] },
    { text: 'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper in -t pattern devel_basis\n', findings: [[2, 23]], fixed: 'FROM opensuse/leap:15.6\nRUN zypper refresh && zypper in -y -t pattern devel_basis\n' },
  ]);
});
