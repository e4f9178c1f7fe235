import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3045: COPY to a relative destination without WORKDIR set.
describe('DO325 relative-copy-without-workdir', () => {
  ruleCases('DO325', [
    { name: 'hadolint example', text: 'FROM scratch\nCOPY foo bar\n', findings: [[2, 10]], noFix: true },
    { name: 'hadolint example, correct: WORKDIR', text: 'FROM scratch\nWORKDIR /usr/local\nCOPY foo bar\n', findings: [] },
    { name: 'hadolint example, correct: absolute', text: 'FROM scratch\nCOPY foo /usr/local/bar\n', findings: [] },
    { name: 'WORKDIR of the parent stage', text: 'FROM debian:bookworm AS base\nWORKDIR /app\nFROM base\nCOPY . .\n', findings: [] },
    { name: 'WORKDIR of an unrelated stage', text: 'FROM debian:bookworm AS a\nWORKDIR /app\nFROM debian:bookworm\nCOPY . .\n', findings: [[4, 8]] },
    { name: 'variables and Windows paths', text: 'FROM scratch\nCOPY a $DEST\nCOPY b C:\\app\\\nCOPY c "c:/app"\n', findings: [] },
  ]);
});
