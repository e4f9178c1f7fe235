import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3001: commands that make no sense in a container.
describe('DO300 pointless-command', () => {
  ruleCases('DO300', [
    { name: 'hadolint example: ssh in a RUN', text: 'FROM busybox:1.36\nRUN apk add openssh-client && ssh user@host uptime\n', findings: [[2, 31]], noFix: true },
    { name: 'hadolint example: vim', text: 'FROM debian:bookworm\nRUN vim /etc/hosts\n', findings: [[2, 5]] },
    { text: 'FROM debian:bookworm\nRUN service nginx start && ps aux | grep nginx\n', findings: [[2, 5], [2, 28]] },
    { name: 'shutdown through sudo', text: 'FROM debian:bookworm\nRUN sudo shutdown -h now\n', findings: [[2, 5]] },
    { name: 'only command names count, not arguments', text: 'FROM debian:bookworm\nRUN apt-get install -y vim top\n', findings: [] },
    { name: 'ONBUILD RUN triggers too', text: 'FROM debian:bookworm\nONBUILD RUN top -b -n1\n', findings: [[2, 13]] },
    { name: 'exec form is not a shell', text: 'FROM debian:bookworm\nRUN ["ps", "aux"]\n', findings: [] },
  ]);
});
