import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO504 chpasswd-in-run', () => {
  ruleCases('DO504', [
    { name: 'piped into chpasswd', text: "FROM ubuntu\nRUN echo 'root:toor' | chpasswd\n", findings: [[2, 24]] },
    { name: 'with a path and sudo', text: 'FROM ubuntu\nRUN sudo /usr/sbin/chpasswd < /tmp/p\n', findings: [[2, 5]] },
    { name: 'no chpasswd', text: 'FROM ubuntu\nRUN useradd -m app && echo chpasswd\n', findings: [] },
  ]);
});
