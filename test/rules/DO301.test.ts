import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3008: pin versions in apt-get install.
describe('DO301 unpinned-apt-package', () => {
  ruleCases('DO301', [
    { name: 'hadolint example', text: 'FROM busybox:1.36\nRUN apt-get install python\n', findings: [[2, 21]], noFix: true },
    { name: 'hadolint example, correct', text: 'FROM busybox:1.36\nRUN apt-get install python=2.7\n', findings: [] },
    { text: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends curl git=1:2.39.5-0+deb12u1 \\\n    ca-certificates\n', findings: [[2, 66]], message: /curl and ca-certificates/ },
    { name: 'target release and local .deb', text: 'FROM debian:bookworm\nRUN apt-get install -y -t bookworm-backports foo/bookworm-backports ./pkg.deb\n', findings: [] },
    { name: 'packages from a variable are not judged', text: 'FROM debian:bookworm\nRUN apt-get install -y $PACKAGES\n', findings: [] },
    { name: 'other verbs', text: 'FROM debian:bookworm\nRUN apt-get remove -y curl\n', findings: [] },
  ]);
});
