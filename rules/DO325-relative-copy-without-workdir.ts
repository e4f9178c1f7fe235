import { defineRule } from '../src/types.ts';
import { lastBefore, unquote } from '../src/model.ts';
import { copyOperands } from '../src/rule-helpers.ts';

export default defineRule({
  meta: {
    code: 'DO325',
    name: 'relative-copy-without-workdir',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3045'],
    docs: {
      summary: 'COPY to a relative destination in a stage that has not set a WORKDIR.',
      rationale:
        'A relative destination is relative to the working directory, which then comes from the base image: `/` for most, something else for others, and it can change when the base image does. Set WORKDIR first (or copy to an absolute path) so the files land where the rest of the Dockerfile expects them.',
      bad: 'FROM node:22-slim\nCOPY package.json .\n',
      good: 'FROM node:22-slim\nWORKDIR /app\nCOPY package.json .\n',
    },
  },
  create(context) {
    return {
      COPY(inst) {
        const { dest } = copyOperands(inst);
        if (!dest) return;
        const d = unquote(dest.value);
        // Absolute (also Windows `C:\` / `C:/`), or from a variable that may well be absolute.
        if (d.startsWith('/') || /^[A-Za-z]:[\\/]/.test(d) || d.startsWith('$')) return;
        if (lastBefore(inst, ['WORKDIR'])) return;
        context.report({
          message: `COPY to the relative path "${d}" without a WORKDIR in this stage: where it lands depends on the base image. Set WORKDIR first or use an absolute path.`,
          at: { start: dest.start, end: dest.end },
        });
      },
    };
  },
});
