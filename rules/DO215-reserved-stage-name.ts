import { defineRule } from '../src/types.ts';

const RESERVED = new Set(['scratch', 'context']);

export default defineRule({
  meta: {
    code: 'DO215',
    name: 'reserved-stage-name',
    category: 'correctness',
    severity: 'error',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3063'],
    buildkit: ['ReservedStageName'],
    docs: {
      summary: 'A stage is named `scratch` or `context`, names reserved by BuildKit.',
      rationale: '`scratch` is the empty image and `context` refers to named build contexts: a stage with one of those names cannot be referred to.',
      bad: 'FROM alpine:3.20 AS scratch\n',
      good: 'FROM alpine:3.20 AS base\n',
    },
  },
  create(context) {
    return {
      FROM(inst) {
        const stage = inst.stage;
        if (!stage?.name || !stage.nameSpan || !RESERVED.has(stage.name.toLowerCase())) return;
        context.report({ message: `"${stage.name}" is a reserved name and cannot be used as a stage name.`, at: stage.nameSpan });
      },
    };
  },
});
