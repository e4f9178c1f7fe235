import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3066: non-numeric user id may not be resolvable by the host.
describe('DO342 non-numeric-user', () => {
  ruleCases('DO342', [
    { name: 'hadolint example', text: 'FROM debian:bookworm\nUSER app\n', findings: [[2, 6]], noFix: true },
    { name: 'hadolint example, correct', text: 'FROM debian:bookworm\nUSER 1000\n', findings: [] },
    { name: 'uid and gid', text: 'FROM debian:bookworm\nUSER 1000:1000\nUSER app:1000\n', findings: [[3, 6]] },
    { name: 'a known ARG', text: 'FROM debian:bookworm\nARG UID=1000\nUSER ${UID}\n', findings: [] },
    { name: 'an unknown ARG is not judged', text: 'FROM debian:bookworm\nARG UID\nUSER ${UID}\n', findings: [] },
  ]);
});
