import { defineRule } from '../src/types.ts';
import { copyOperands } from '../src/rule-helpers.ts';
import { unquote } from '../src/model.ts';

export default defineRule({
  meta: {
    code: 'DO343',
    name: 'copy-whole-filesystem',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3067'],
    docs: {
      summary: '`COPY --from=<stage> / /` copies the entire filesystem of another stage.',
      rationale:
        'Copying a whole stage over the root copies its package database, caches and build tools too, and silently overwrites files of the target stage: the point of a multi-stage build is lost. Copy only the artefacts you need, or build FROM that stage.',
      bad: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build / /\n',
      good: 'FROM golang:1.23 AS build\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\n',
    },
  },
  create(context) {
    return {
      COPY(inst) {
        const from = inst.flag('from')?.value;
        if (!from) return;
        // tonistiigi/xx (cross-compilation helpers) is meant to be copied whole: `COPY --from=xx / /`.
        const image = context.model.stages.find((s) => s.name?.toLowerCase() === from.toLowerCase())?.resolvedImage ?? from;
        if (/(^|\/)tonistiigi\/xx(:|@|$)/.test(image)) return;
        const { sources, dest } = copyOperands(inst);
        if (!dest || unquote(dest.value) !== '/' || !sources.some((s) => unquote(s.value) === '/')) return;
        context.report({ message: 'This COPY takes the entire filesystem of another stage: copy only the files you need.', at: inst });
      },
    };
  },
});
