import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3049: label <label> is missing (with a label schema).
describe('DO329 missing-required-label', () => {
  const settings = { labelSchema: { maintainer: 'text', 'org.opencontainers.image.version': 'semver' } };
  ruleCases('DO329', [
    {
      name: 'hadolint example',
      text: 'FROM debian:bookworm\nLABEL maintainer="me"\n',
      findings: [[1, 1]],
      settings,
      noFix: true,
      message: /org\.opencontainers\.image\.version/,
    },
    { name: 'hadolint example, correct', text: 'FROM debian:bookworm\nLABEL maintainer="me" org.opencontainers.image.version=1.0.0\n', findings: [], settings },
    {
      name: 'every stage, inheriting from its base stage',
      text: 'FROM debian:bookworm AS base\nLABEL maintainer=me org.opencontainers.image.version=1.0.0\nFROM base AS app\nFROM debian:bookworm\nLABEL maintainer=me\n',
      findings: [[4, 1]],
      settings,
    },
    { name: 'two missing labels', text: 'FROM debian:bookworm\n', findings: [[1, 1], [1, 1]], settings },
    { name: 'no schema, no check', text: 'FROM debian:bookworm\n', findings: [] },
  ]);
});
