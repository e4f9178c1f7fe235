import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO501 package-signature-check-disabled', () => {
  ruleCases('DO501', [
    { name: 'apk --allow-untrusted', text: 'FROM alpine\nRUN apk add --allow-untrusted /tmp/x.apk\n', findings: [[2, 13]] },
    { name: 'apt-get --allow-unauthenticated and --force-yes', text: 'FROM debian\nRUN apt-get install -y --allow-unauthenticated curl && apt-get install --force-yes wget\n', findings: [[2, 24], [2, 72]] },
    { name: 'apt -o APT::Get::AllowUnauthenticated=true', text: 'FROM debian\nRUN apt-get -o APT::Get::AllowUnauthenticated=true install -y curl\n', findings: [[2, 16]] },
    { name: 'a trusted=yes source', text: 'FROM debian\nRUN echo "deb [trusted=yes] http://repo.example/ ./" > /etc/apt/sources.list.d/x.list\n', findings: [[2, 10]] },
    { name: '--nogpgcheck', text: 'FROM fedora:40\nRUN dnf install -y --nogpgcheck x && yum --nogpgcheck install y && rpm -i --nogpgcheck z.rpm\n', findings: [[2, 20], [2, 42], [2, 75]] },
    { name: 'rpm --nosignature and zypper --no-gpg-checks', text: 'FROM opensuse/leap\nRUN rpm -i --nosignature z.rpm && zypper --no-gpg-checks install -y x\n', findings: [[2, 12], [2, 42]] },
    { name: 'gpgcheck=0 written to a repo file', text: 'FROM fedora:40\nRUN printf "[x]\\nbaseurl=https://r.example\\ngpgcheck=0\\n" > /etc/yum.repos.d/x.repo\n', findings: [[2, 12]] },
    { name: 'signatures checked', text: 'FROM debian\nRUN apt-get install -y curl && echo "gpgcheck=1"\n', findings: [] },
  ]);
});
