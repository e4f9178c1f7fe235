import { defineRule } from '../src/types.ts';

export default defineRule({
  meta: {
    code: 'DO502',
    name: 'ssh-port-exposed',
    category: 'security',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    docs: {
      summary: 'EXPOSE lists port 22 (SSH).',
      rationale:
        'An SSH server in a container is one more service to patch and one more way in, with credentials baked into the image. Use `docker exec` (or `kubectl exec`) to get a shell in a running container. (Trivy DS004, Checkov CKV_DOCKER_1.)',
      bad: 'FROM ubuntu:24.04\nEXPOSE 22 8080\n',
      good: 'FROM ubuntu:24.04\nEXPOSE 8080\n',
    },
  },
  create(context) {
    return {
      EXPOSE(inst) {
        for (const arg of inst.args) {
          const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(arg.value);
          if (!m) continue;
          const lo = Number(m[1]);
          const hi = m[2] === undefined ? lo : Number(m[2]);
          if (lo > 22 || hi < 22) continue;
          context.report({
            message: `EXPOSE ${arg.value} ${lo === hi ? 'is' : 'includes'} the SSH port 22: an SSH server in the image is an extra way in. Use docker exec for shell access.`,
            at: arg,
          });
        }
      },
    };
  },
});
