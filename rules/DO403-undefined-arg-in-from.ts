import { defineRule } from '../src/types.ts';
import { globalArgNames, PLATFORM_ARGS, processWord, suggestName } from '../src/variables.ts';

export default defineRule({
  meta: {
    code: 'DO403',
    name: 'undefined-arg-in-from',
    category: 'correctness',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    buildkit: ['UndefinedArgInFrom'],
    docs: {
      summary: 'A FROM line uses a variable that no ARG before the first FROM declares.',
      rationale:
        'FROM can only use build arguments declared before the first FROM (plus BuildKit\'s platform arguments such as `TARGETARCH`). Anything else is always empty, even with `--build-arg`, so `FROM node:${NODE_VERSON}` silently builds `node:` or fails. Declare the ARG before the first FROM, or fix the name.',
      bad: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSON}-alpine\n',
      good: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-alpine\n',
    },
  },
  create(context) {
    const { model } = context;
    const declared = globalArgNames(model);
    const known = new Set([...declared, ...PLATFORM_ARGS.keys()]);
    const check = (start: number, end: number) => {
      const raw = model.text.slice(start, end);
      if (!raw.includes('$')) return;
      const seen = new Set<string>();
      for (const ref of processWord(raw, new Map(), { escapeChar: model.escapeChar }).refs) {
        if (known.has(ref.name) || seen.has(ref.name) || !/^[A-Za-z_]/.test(ref.name)) continue;
        seen.add(ref.name);
        const hint = suggestName(ref.name, known);
        context.report({
          message: `FROM uses "${ref.name}", which is not declared by an ARG before the first FROM${hint ? ` (did you mean ${hint}?)` : ''}: it is always empty here, even with --build-arg.`,
          at: { start: start + ref.start, end: start + ref.end },
        });
      }
    };
    return {
      FROM(inst) {
        const platform = inst.flag('platform');
        if (platform) check(platform.valueStart, platform.valueEnd);
        const span = inst.stage?.imageSpan;
        if (span) check(span.start, span.end);
      },
    };
  },
});
