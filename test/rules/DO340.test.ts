import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3061: the Dockerfile must begin with FROM, ARG or a comment.
describe('DO340 instruction-before-from', () => {
  ruleCases('DO340', [
    { name: 'hadolint example', text: 'LABEL foo=bar\nFROM debian:bookworm\n', findings: [[1, 1]], noFix: true },
    { name: 'hadolint example, correct', text: '# comment\nARG TAG=bookworm\nFROM debian:$TAG\nLABEL foo=bar\n', findings: [] },
    { name: 'every instruction before the first FROM', text: 'ENV A=1\nRUN echo\nFROM debian:bookworm\n', findings: [[1, 1], [2, 1]] },
    { name: 'parser directives are not instructions', text: '# syntax=docker/dockerfile:1\nFROM debian:bookworm\n', findings: [] },
  ]);
});
