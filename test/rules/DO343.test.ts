import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3067: do not copy an entire filesystem from another stage.
describe('DO343 copy-whole-filesystem', () => {
  ruleCases('DO343', [
    { name: 'hadolint example', text: 'FROM alpine:3.20 AS builder\nRUN echo hi\nFROM scratch\nCOPY --from=builder / /\n', findings: [[4, 1]], noFix: true },
    { name: 'hadolint example, correct', text: 'FROM alpine:3.20 AS builder\nRUN echo hi\nFROM scratch\nCOPY --from=builder /app /app\n', findings: [] },
    { name: 'from the context', text: 'FROM scratch\nCOPY / /\n', findings: [] },
    { name: 'tonistiigi/xx is meant to be copied whole', text: 'FROM --platform=$BUILDPLATFORM tonistiigi/xx:1.5.0 AS xx\nFROM golang:1.23\nCOPY --from=xx / /\n', findings: [] },
    { name: 'quoted', text: 'FROM scratch\nCOPY --from=0 "/" "/"\n', findings: [[2, 1]] },
  ]);
});
