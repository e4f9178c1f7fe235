import { defineRule } from '../src/types.ts';

export default defineRule({
  meta: {
    code: 'DO214',
    name: 'duplicate-stage-name',
    category: 'correctness',
    severity: 'error',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3024'],
    buildkit: ['DuplicateStageName'],
    docs: {
      summary: 'Two stages have the same name (names are case-insensitive).',
      rationale: 'BuildKit refuses a file with duplicate stage names; older builders silently used one of them.',
      bad: 'FROM alpine:3.20 AS build\nFROM alpine:3.20 AS Build\n',
      good: 'FROM alpine:3.20 AS build\nFROM alpine:3.20 AS test\n',
    },
  },
  create(context) {
    const seen = new Map<string, number>();
    return {
      FROM(inst) {
        const stage = inst.stage;
        if (!stage?.name || !stage.nameSpan) return;
        const key = stage.name.toLowerCase();
        const first = seen.get(key);
        if (first !== undefined) {
          context.report({ message: `Stage name "${stage.name}" is already used on line ${first + 1}.`, at: stage.nameSpan });
        } else seen.set(key, inst.line);
      },
    };
  },
});
