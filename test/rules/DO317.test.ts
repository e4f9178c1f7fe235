import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3036: zypper clean missing; dockopt also accepts (and recommends) a cache mount.
describe('DO317 zypper-cache-kept', () => {
  ruleCases('DO317', [
    { name: 'hadolint example', text: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.46\n', findings: [[2, 5]], noFix: true, message: /target=\/var\/cache\/zypp,sharing=locked/ },
    { name: 'hadolint example, correct', text: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.46 && zypper clean\n', findings: [] },
    { name: 'zypper cc -a', text: 'FROM opensuse/leap:15.6\nRUN zypper -n in httpd && zypper cc -a\n', findings: [] },
    { name: 'a cache mount instead', text: 'FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp,sharing=locked zypper -n in httpd\n', findings: [] },
  ]);
});
