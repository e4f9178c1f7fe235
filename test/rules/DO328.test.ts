import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3048: invalid label key.
describe('DO328 invalid-label-key', () => {
  ruleCases('DO328', [
    { name: 'hadolint example', text: 'FROM debian:bookworm\nLABEL invalid-key.=foo\n', findings: [[2, 7]], noFix: true },
    { name: 'hadolint example, correct', text: 'FROM debian:bookworm\nLABEL org.example.valid-key=foo\n', findings: [] },
    { name: 'upper case', text: 'FROM debian:bookworm\nLABEL Maintainer="me" version=1\n', findings: [[2, 7]] },
    { name: 'reserved namespace', text: 'FROM debian:bookworm\nLABEL com.docker.extension=1\n', findings: [[2, 7]], message: /reserved/ },
    { name: 'double separator', text: 'FROM debian:bookworm\nLABEL org..example=1 org--x=2\n', findings: [[2, 7], [2, 22]] },
    { name: 'quoted key', text: 'FROM debian:bookworm\nLABEL "org.opencontainers.image.title"="app"\n', findings: [] },
    { name: 'legacy form', text: 'FROM debian:bookworm\nLABEL maintainer Jane Doe\n', findings: [] },
  ]);
});
