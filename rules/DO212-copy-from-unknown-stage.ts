import { defineRule } from '../src/types.ts';
import { stageNamesBefore } from '../src/rule-helpers.ts';

export default defineRule({
  meta: {
    code: 'DO212',
    name: 'copy-from-unknown-stage',
    category: 'correctness',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3022'],
    docs: {
      summary: '`COPY --from` names a stage that is not defined before it.',
      rationale: 'A `--from` value that is not an earlier stage name or index is pulled as an image. A typo (`--from=biuld`) then fails with a confusing registry error, or silently copies from an unrelated image.',
      bad: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=biuld /app /app\n',
      good: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n',
    },
  },
  create(context) {
    const { model } = context;
    return {
      COPY(inst) {
        const from = inst.flag('from');
        if (!from?.value || from.value.includes('$')) return;
        const value = from.value.toLowerCase();
        if (/^\d+$/.test(value)) {
          const index = Number(value);
          if (inst.stage && index < inst.stage.index) return;
          context.report({ message: `COPY --from=${from.value} refers to stage index ${index}, which is not an earlier stage.`, at: from });
          return;
        }
        // Image references are allowed; a bare name that matches no stage is most likely a typo.
        if (/[:/@.]/.test(value)) return;
        if (stageNamesBefore(model, inst).has(value)) return;
        const later = model.stages.some((s) => s.name?.toLowerCase() === value && inst.stage && s.index > inst.stage.index);
        context.report({
          message: later
            ? `COPY --from=${from.value} refers to a stage defined later in the file; stages can only copy from earlier ones.`
            : `COPY --from=${from.value} is not a stage defined above, so it will be pulled as an image named "${from.value}". Check the name.`,
          at: from,
        });
      },
    };
  },
});
