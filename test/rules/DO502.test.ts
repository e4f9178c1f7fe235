import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO502 ssh-port-exposed', () => {
  ruleCases('DO502', [
    { name: 'port 22', text: 'FROM ubuntu\nEXPOSE 22 80\n', findings: [[2, 8]] },
    { name: '22/tcp and a range including 22', text: 'FROM ubuntu\nEXPOSE 22/tcp\nEXPOSE 20-25\n', findings: [[2, 8], [3, 8]] },
    { name: 'other ports', text: 'FROM ubuntu\nEXPOSE 2222 220 8022\n', findings: [] },
  ]);
});
