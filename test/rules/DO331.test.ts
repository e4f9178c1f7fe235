import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3051: label <label> is empty.
describe('DO331 empty-label', () => {
  const settings = { labelSchema: { maintainer: 'text' } };
  ruleCases('DO331', [
    { name: 'hadolint example', text: 'FROM debian:bookworm\nLABEL maintainer=""\n', findings: [[2, 7]], settings, noFix: true },
    { name: 'hadolint example, correct', text: 'FROM debian:bookworm\nLABEL maintainer="me"\n', findings: [], settings },
    { name: 'from an empty ARG default', text: 'FROM debian:bookworm\nARG OWNER=""\nLABEL maintainer=$OWNER\n', findings: [[3, 7]], settings },
    { name: 'labels outside the schema may be empty', text: 'FROM debian:bookworm\nLABEL other=""\n', findings: [], settings },
  ]);
});
