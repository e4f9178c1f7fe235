import { defineRule } from '../src/types.ts';
import { packageManagerUses } from '../src/package-managers.ts';
import { commandLabel } from '../src/rule-helpers.ts';
import { mergeUpdateFix } from '../src/fix/layer-order.ts';

export default defineRule({
  meta: {
    code: 'DO104',
    name: 'lone-package-index-update',
    category: 'performance',
    severity: 'warning',
    status: 'stable',
    fixable: 'sometimes',
    docs: {
      summary: '`apt-get update` (or `apk update`) runs in a RUN of its own, apart from the install.',
      rationale:
        'The layer holding the package index is cached indefinitely, so a later `RUN apt-get install` that changes gets a stale index and fails on packages that have moved. Update and install in the same RUN (with a cache mount for /var/lib/apt the update stays fast).',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    },
  },
  create(context) {
    return {
      RUN(inst) {
        const uses = packageManagerUses(inst);
        const updates = uses.filter((u) => u.action === 'update-index' && (u.manager === 'apt' || u.manager === 'apk'));
        if (updates.length === 0) return;
        if (uses.some((u) => u.action !== 'update-index')) return;
        const u = updates[0];
        context.report({
          message: `\`${commandLabel(u.command)}\` alone in its RUN is cached forever; later installs use a stale package index. Run it in the same RUN as the install.`,
          at: { start: u.command.start, end: u.command.end },
          fix: mergeUpdateFix(context.model, inst, u),
        });
      },
    };
  },
});
