import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// BuildKit's ExposeProtoCasing: https://docs.docker.com/reference/build-checks/expose-proto-casing/
describe('DO411 expose-proto-casing', () => {
  ruleCases('DO411', [
    { name: 'docs: 80/TcP', text: 'FROM alpine\nEXPOSE 80/TcP\n', findings: [[2, 11]], fixed: 'FROM alpine\nEXPOSE 80/tcp\n' },
    { name: 'docs: 80/tcp', text: 'FROM alpine\nEXPOSE 80/tcp\n', findings: [] },
    { name: 'each port', text: 'FROM alpine\nEXPOSE 53/UDP 80 8000-8010/TCP\n', findings: [[2, 11], [2, 28]], fixed: 'FROM alpine\nEXPOSE 53/udp 80 8000-8010/tcp\n' },
  ]);
});
