import { defineRule } from '../src/types.ts';
import { unquote } from '../src/model.ts';

export default defineRule({
  meta: {
    code: 'DO342',
    name: 'non-numeric-user',
    category: 'security',
    severity: 'info',
    status: 'stable',
    fixable: 'never',
    enabledByDefault: false,
    hadolint: ['DL3066'],
    docs: {
      summary: 'USER names a user by name instead of by numeric UID.',
      rationale:
        "A user name is resolved through the image's /etc/passwd, which the host does not see: Kubernetes' `runAsNonRoot` cannot verify a named user and refuses to start the pod, and host-side tools show UIDs anyway. `USER 10001` (or `10001:10001`) is unambiguous. Off by default: it matters mostly to Kubernetes deployments.",
      bad: 'FROM node:22-slim\nUSER node\n',
      good: 'FROM node:22-slim\nUSER 1000\n',
    },
  },
  create(context) {
    const { model } = context;
    return {
      USER(inst) {
        const word = inst.args[0];
        if (!word) return;
        const user = unquote(word.value).split(':')[0];
        const value = model.expand(user, inst);
        if (value === null || /^\d+$/.test(value)) return;
        context.report({
          message: `USER "${value}" is a name: use the numeric UID so that the host and Kubernetes' runAsNonRoot can verify it.`,
          at: { start: word.start, end: word.end },
        });
      },
    };
  },
});
