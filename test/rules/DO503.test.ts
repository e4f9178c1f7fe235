import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO503 apt-get-dist-upgrade', () => {
  ruleCases('DO503', [
    { name: 'apt-get dist-upgrade', text: 'FROM debian\nRUN apt-get update && apt-get -y dist-upgrade\n', findings: [[2, 23]] },
    { name: 'apt full-upgrade', text: 'FROM debian\nRUN apt full-upgrade -y\n', findings: [[2, 5]] },
    { name: 'upgrade and install are other rules', text: 'FROM debian\nRUN apt-get upgrade -y && apt-get install -y dist-upgrade\n', findings: [] },
  ]);
});
