import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3035: do not use zypper dist-upgrade.
describe('DO316 zypper-dist-upgrade', () => {
  ruleCases('DO316', [
    { name: 'hadolint example', text: 'FROM opensuse/leap:15.6\nRUN zypper dist-upgrade\n', findings: [[2, 5]], noFix: true },
    { text: 'FROM opensuse/leap:15.6\nRUN zypper -n dup\n', findings: [[2, 5]] },
    { name: 'hadolint example, correct: install a pinned package', text: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.46\n', findings: [] },
    { name: 'update and patch stay within the release', text: 'FROM opensuse/leap:15.6\nRUN zypper -n update && zypper -n patch\n', findings: [] },
  ]);
});
