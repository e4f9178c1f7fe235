import { defineRule } from '../src/types.ts';
import { declaredValue, lastBefore, unquote, type Instruction } from '../src/model.ts';

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export default defineRule({
  meta: {
    code: 'DO324',
    name: 'env-self-reference',
    category: 'correctness',
    severity: 'error',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3044'],
    docs: {
      summary: 'An ENV uses a variable that the same ENV instruction defines (`ENV A=1 B=$A`).',
      rationale:
        'All values of one ENV are expanded before any of its variables is set, so `$A` in `ENV A=1 B=$A` is the value A had before this instruction (here: empty), not `1`. Set A in an earlier ENV. A variable that is extended on its own right-hand side (`ENV PATH=/opt/bin:$PATH`) is fine.',
      bad: 'FROM debian:bookworm-slim\nENV APP_HOME=/opt/app APP_BIN=$APP_HOME/bin\n',
      good: 'FROM debian:bookworm-slim\nENV APP_HOME=/opt/app\nENV APP_BIN=$APP_HOME/bin\n',
    },
  },
  create(context) {
    const { model } = context;
    const definedBefore = (inst: Instruction, name: string) =>
      lastBefore(inst, ['ENV', 'ARG'], (c) => declaredValue(c, name) !== undefined) !== undefined ||
      model.globalArgs.some((a) => declaredValue(a, name) !== undefined);
    return {
      ENV(inst) {
        if (inst.args.length < 2 || !inst.args.some((w) => w.value.includes('$'))) return;
        const pairs = inst.args.filter((w) => w.value.indexOf('=') > 0);
        if (pairs.length !== inst.args.length) return;
        const keys = pairs.map((w) => unquote(w.value.slice(0, w.value.indexOf('='))));
        pairs.forEach((word, j) => {
          const raw = word.value.slice(word.value.indexOf('=') + 1);
          if (raw.startsWith("'") || !raw.includes('$')) return; // no expansion inside single quotes
          const used = keys.filter((key, i) => {
            if (i === j) return false;
            const ref = new RegExp(`(?<!\\\\)\\$(\\{${escapeRe(key)}[}:+?=-]|${escapeRe(key)}(?![A-Za-z0-9_]))`);
            return ref.test(raw) && !definedBefore(inst, key);
          });
          if (used.length === 0) return;
          context.report({
            message: `${used.map((k) => `$${k}`).join(', ')} is set by this same ENV, so here it still has its previous value (empty). Set ${used.join(', ')} in an earlier ENV.`,
            at: { start: word.start, end: word.end },
          });
        });
      },
    };
  },
});
