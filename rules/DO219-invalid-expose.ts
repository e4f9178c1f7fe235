import { defineRule } from '../src/types.ts';

export default defineRule({
  meta: {
    code: 'DO219',
    name: 'invalid-expose',
    category: 'correctness',
    severity: 'error',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3011'],
    buildkit: ['ExposeInvalidFormat'],
    docs: {
      summary: 'EXPOSE with a port outside 0-65535, a host mapping or an IP address, or an unknown protocol.',
      rationale: 'EXPOSE documents container ports as `PORT[/PROTOCOL]` or a range `START-END[/PROTOCOL]`. Host mappings (`8080:80`) and IP addresses belong to `docker run -p`, not to the image; ports above 65535 do not exist.',
      bad: 'FROM nginx:1.27\nEXPOSE 0.0.0.0:8080:80 70000\n',
      good: 'FROM nginx:1.27\nEXPOSE 80/tcp\n',
    },
  },
  create(context) {
    return {
      EXPOSE(inst) {
        for (const arg of inst.args) {
          const v = arg.value;
          if (v.includes('$')) continue;
          if (v.includes(':')) {
            context.report({ message: `EXPOSE "${v}" contains a host IP or port mapping: EXPOSE takes only container ports; publish with \`docker run -p\`.`, at: arg });
            continue;
          }
          const m = /^(\d+)(?:-(\d+))?(?:\/([A-Za-z]+))?$/.exec(v);
          if (!m) {
            context.report({ message: `EXPOSE "${v}" is not a port, a port range or PORT/PROTOCOL.`, at: arg });
            continue;
          }
          const [lo, hi] = [Number(m[1]), m[2] === undefined ? Number(m[1]) : Number(m[2])];
          if (lo > 65535 || hi > 65535 || hi < lo) {
            context.report({ message: `EXPOSE "${v}": valid ports are 0 to 65535${hi < lo ? ' and a range must go upwards' : ''}.`, at: arg });
            continue;
          }
          if (m[3] && !['tcp', 'udp', 'sctp'].includes(m[3].toLowerCase())) {
            context.report({ message: `EXPOSE "${v}": unknown protocol "${m[3]}" (tcp, udp or sctp).`, at: arg });
          }
        }
      },
    };
  },
});
