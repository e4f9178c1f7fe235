import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO207 sudo-in-run', () => {
  ruleCases('DO207', [
    { name: 'sudo apt-get', text: 'FROM debian:bookworm-slim\nRUN sudo apt-get update\n', findings: [[2, 5]], message: /Do not use sudo/, noFix: true },
    { name: 'sudo later in the RUN', text: 'FROM debian:bookworm-slim\nRUN make && sudo make install\n', findings: [[2, 13]] },
    { name: 'sudo with options', text: 'FROM debian:bookworm-slim\nRUN sudo -u app -E whoami\n', findings: [[2, 5]] },
    { name: 'sudo by path', text: 'FROM debian:bookworm-slim\nRUN /usr/bin/sudo chown app /data\n', findings: [[2, 5]] },
    { name: 'sudo after an assignment', text: 'FROM debian:bookworm-slim\nRUN X=1 sudo make install\n', findings: [[2, 9]] },
    { name: 'each sudo', text: 'FROM debian:bookworm-slim\nRUN sudo a; sudo b\n', findings: [[2, 5], [2, 13]] },

    { name: 'installing the sudo package', text: 'FROM debian:bookworm-slim\nRUN apt-get install -y sudo\n', findings: [] },
    { name: 'configuring sudoers', text: 'FROM debian:bookworm-slim\nRUN echo "app ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/app && chmod 0440 /etc/sudoers.d/app\n', findings: [] },
    { name: 'sudo as a word', text: 'FROM debian:bookworm-slim\nRUN echo sudo && usermod -aG sudo app\n', findings: [] },
    { name: 'USER instead', text: 'FROM debian:bookworm-slim\nUSER root\nRUN apt-get update\n', findings: [] },
    { name: 'exec form', text: 'FROM debian:bookworm-slim\nRUN ["sudo", "true"]\n', findings: [] },
  ]);
});
