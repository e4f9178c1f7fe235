import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO505 workdir-system-directory', () => {
  ruleCases('DO505', [
    { name: '/usr/bin', text: 'FROM alpine\nWORKDIR /usr/bin\n', findings: [[2, 9]] },
    { name: 'trailing slash, quotes and /etc', text: 'FROM alpine\nWORKDIR "/etc/"\n', findings: [[2, 9]] },
    { name: 'through a variable', text: 'FROM alpine\nENV D=/lib\nWORKDIR $D\n', findings: [[3, 9]] },
    { name: 'inside /proc', text: 'FROM alpine\nWORKDIR /proc/self\n', findings: [[2, 9]] },
    { name: 'own directories, / and subdirectories of /etc or /usr/local', text: 'FROM alpine\nWORKDIR /\nWORKDIR /app\nWORKDIR /etc/nginx\nWORKDIR /usr/local/app\nWORKDIR /root\n', findings: [] },
  ]);
});
