import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO219 invalid-expose', () => {
  ruleCases('DO219', [
    { name: 'a host IP and port mapping, and a port out of range', text: 'FROM nginx:1.27\nEXPOSE 0.0.0.0:8080:80 70000\n', findings: [[2, 8], [2, 24]], severity: 'error', noFix: true },
    { name: 'a port mapping', text: 'FROM nginx:1.27\nEXPOSE 8080:80\n', findings: [[2, 8]], message: /publish with `docker run -p`/ },
    { name: 'a range that goes down', text: 'FROM nginx:1.27\nEXPOSE 9000-8000\n', findings: [[2, 8]], message: /a range must go upwards/ },
    { name: 'an unknown protocol', text: 'FROM nginx:1.27\nEXPOSE 80/http\n', findings: [[2, 8]], message: /unknown protocol "http"/ },
    { name: 'not a number', text: 'FROM nginx:1.27\nEXPOSE 80 http\n', findings: [[2, 11]], message: /is not a port/ },
    { name: 'a range past 65535', text: 'FROM nginx:1.27\nEXPOSE 65000-70000/udp\n', findings: [[2, 8]], message: /0 to 65535/ },

    { name: 'ports, protocols and ranges', text: 'FROM nginx:1.27\nEXPOSE 80 443/tcp 53/udp 9000-9010 132/sctp 8080/TCP 0 65535\n', findings: [] },
    { name: 'variables', text: 'FROM nginx:1.27\nARG PORT=8080\nEXPOSE $PORT ${METRICS_PORT}/tcp\n', findings: [] },
    { name: 'over lines', text: 'FROM nginx:1.27\nEXPOSE 80 \\\n  443\n', findings: [] },
  ]);
});
