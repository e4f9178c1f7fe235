import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3050: superfluous label(s) present (with strict labels).
describe('DO330 superfluous-label', () => {
  const settings = { labelSchema: { maintainer: 'text' }, strictLabels: true };
  ruleCases('DO330', [
    { name: 'hadolint example', text: 'FROM debian:bookworm\nLABEL maintainer=me other=x\n', findings: [[2, 21]], settings, noFix: true },
    { name: 'hadolint example, correct', text: 'FROM debian:bookworm\nLABEL maintainer=me\n', findings: [], settings },
    { name: 'strict labels without a schema report every label', text: 'FROM debian:bookworm\nLABEL a=1\n', findings: [[2, 7]], settings: { strictLabels: true } },
    { name: 'without strict labels nothing is superfluous', text: 'FROM debian:bookworm\nLABEL other=x\n', findings: [], settings: { labelSchema: { maintainer: 'text' } } },
  ]);
});
