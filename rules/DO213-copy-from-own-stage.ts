import { defineRule } from '../src/types.ts';

export default defineRule({
  meta: {
    code: 'DO213',
    name: 'copy-from-own-stage',
    category: 'correctness',
    severity: 'error',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3023'],
    docs: {
      summary: '`COPY --from` names the stage it is in.',
      rationale: 'A stage cannot copy from itself: the build fails with a circular dependency.',
      bad: 'FROM alpine:3.20 AS app\nCOPY --from=app /etc/hosts /tmp/hosts\n',
      good: 'FROM alpine:3.20 AS base\nFROM alpine:3.20 AS app\nCOPY --from=base /etc/hosts /tmp/hosts\n',
    },
  },
  create(context) {
    return {
      COPY(inst) {
        const from = inst.flag('from');
        const stage = inst.stage;
        if (!from?.value || !stage) return;
        const own = (stage.name && from.value.toLowerCase() === stage.name.toLowerCase()) || from.value === String(stage.index);
        if (own) context.report({ message: `COPY --from=${from.value} refers to the stage it is in.`, at: from });
      },
    };
  },
});
