import { defineRule } from '../src/types.ts';
import { KNOWN_INSTRUCTIONS } from '../src/model.ts';

/** Levenshtein distance, for "did you mean" hints on misspelt keywords. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

// An instruction before the first FROM (DO340) and a forbidden ONBUILD trigger (DO323) are build
// errors too; they have rules of their own so that their hadolint codes (DL3061, DL3043) map to
// exactly that check.
export default defineRule({
  meta: {
    code: 'DO000',
    name: 'syntax-error',
    category: 'correctness',
    severity: 'error',
    status: 'stable',
    fixable: 'never',
    docs: {
      summary: 'The Dockerfile has an error the builder rejects: an unknown instruction, a missing argument, or no FROM.',
      rationale:
        'dockerfile-ast accepts any text, so a typo such as `RUNN` or a line left over from a broken continuation would otherwise pass silently; `docker build` fails on it. Finding it in pre-commit is cheaper than in CI.',
      bad: 'FROM alpine:3.20\nRUNN apk add curl\n',
      good: 'FROM alpine:3.20\nRUN apk add curl\n',
    },
  },
  create(context) {
    let sawFrom = false;
    return {
      instruction(inst) {
        if (!inst.known) {
          const prev = context.model.instructions[inst.index - 1];
          const near = [...KNOWN_INSTRUCTIONS].find((k) => distance(k, inst.keyword) <= Math.min(2, k.length - 2));
          const indented = context.model.positionAt(inst.keywordStart).character > 0;
          const hint = near
            ? ` (did you mean ${near}?)`
            : prev && indented && prev.endLine === inst.line - 1
              ? ` (is a \`${context.model.escapeChar}\` missing at the end of line ${prev.endLine + 1}?)`
              : '';
          context.report({
            message: `Unknown instruction "${inst.keywordText}"${hint}: the builder rejects the file.`,
            at: { start: inst.keywordStart, end: inst.keywordEnd },
          });
          return;
        }
        if (inst.keyword === 'FROM') sawFrom = true;
        const empty = inst.args.length === 0 && inst.heredocs.length === 0 && inst.json === null;
        if (empty && inst.keyword !== 'CMD' && inst.keyword !== 'ENTRYPOINT') {
          context.report({
            message: `${inst.keywordText} needs at least one argument.`,
            at: { start: inst.keywordStart, end: inst.keywordEnd },
          });
        }
      },
      end() {
        if (!sawFrom && context.model.instructions.length > 0) {
          context.report({
            message: 'No FROM instruction: the file defines no build stage.',
            at: context.model.instructions[0],
          });
        }
      },
    };
  },
});
