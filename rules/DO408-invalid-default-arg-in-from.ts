import { defineRule } from '../src/types.ts';
import { defaultFromEnv, isValidImageReference, processWord } from '../src/variables.ts';

export default defineRule({
  meta: {
    code: 'DO408',
    name: 'invalid-default-arg-in-from',
    category: 'correctness',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    buildkit: ['InvalidDefaultArgInFrom'],
    docs: {
      summary: 'With the default values of its ARGs, a FROM line names no valid image.',
      rationale:
        'A build should work without `--build-arg`. When an ARG used in FROM has no default, the image name comes out empty or broken (`busybox:`), and a plain `docker build` fails. Give the ARG a default (`ARG TAG=1.36`) or use a fallback (`${TAG:-1.36}`); an ARG that may be empty is fine where the name stays valid (`busybox:stable${VARIANT}`).',
      bad: 'ARG TAG\nFROM busybox:${TAG}\n',
      good: 'ARG TAG=1.36\nFROM busybox:${TAG}\n',
    },
  },
  create(context) {
    const { model } = context;
    return {
      FROM(inst) {
        const span = inst.stage?.imageSpan;
        if (!span) return;
        const raw = model.text.slice(span.start, span.end);
        if (!raw.includes('$')) return;
        const env = defaultFromEnv(model);
        const word = processWord(raw, env, { escapeChar: model.escapeChar });
        if (isValidImageReference(word.result)) return;
        const empty = [...new Set(word.refs.map((r) => r.name))].filter((n) => !env.get(n));
        const which = empty.length ? ` because ${empty.join(', ')} ${empty.length === 1 ? 'has' : 'have'} no default` : '';
        context.report({
          message: `Without --build-arg, this FROM ${word.result ? `names "${word.result}", which is not a valid image` : 'names no image at all'}${which}. Give the ARG a default or use \${NAME:-default}.`,
          at: span,
        });
      },
    };
  },
});
