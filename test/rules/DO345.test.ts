import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL4005: use SHELL to change the default shell.
describe('DO345 symlinked-default-shell', () => {
  ruleCases('DO345', [
    { name: 'hadolint example', text: 'FROM debian:bookworm\nRUN ln -sfv /bin/bash /bin/sh\n', findings: [[2, 5]], noFix: true },
    { name: 'hadolint example, correct', text: 'FROM debian:bookworm\nSHELL ["/bin/bash", "-c"]\n', findings: [] },
    { text: 'FROM debian:bookworm\nRUN rm /bin/sh && ln -s /bin/bash /bin/sh\n', findings: [[2, 19]] },
    { name: 'other links are fine', text: 'FROM debian:bookworm\nRUN ln -s /usr/bin/python3 /usr/bin/python\n', findings: [] },
  ]);
});
