import { defineRule } from '../src/types.ts';
import { unquote, type Instruction } from '../src/model.ts';
import { copyOperands } from '../src/rule-helpers.ts';

export default defineRule({
  meta: {
    code: 'DO308',
    name: 'copy-dest-not-directory',
    category: 'correctness',
    severity: 'error',
    status: 'stable',
    fixable: 'sometimes',
    hadolint: ['DL3021'],
    docs: {
      summary: 'COPY or ADD with several sources names a destination that does not end with `/`.',
      rationale:
        'With more than one source the destination must be a directory, and the builder only takes it as one when it ends with `/` (or is `.`): `COPY package.json yarn.lock app` fails. The fix adds the `/`.',
      bad: 'FROM node:22-slim\nCOPY package.json yarn.lock my_app\n',
      good: 'FROM node:22-slim\nCOPY package.json yarn.lock my_app/\n',
    },
  },
  create(context) {
    const { model } = context;
    const check = (inst: Instruction) => {
      const { sources, dest } = copyOperands(inst);
      if (!dest || sources.length + inst.heredocs.length < 2) return;
      const written = unquote(dest.value);
      const value = model.expand(written, inst);
      if (value === null || value.endsWith('/') || value === '.' || value === '..') return;
      // Insert the slash inside the quotes of a quoted destination; JSON form is left alone.
      const quoted = /^["']/.test(dest.value) && dest.value.endsWith(dest.value[0]);
      const at = quoted ? dest.end - 1 : dest.end;
      context.report({
        message: `With ${sources.length + inst.heredocs.length} sources the destination must be a directory ending with /: write "${written}/".`,
        at: { start: dest.start, end: dest.end },
        fix: inst.json ? null : { applicability: 'safe', description: 'Add a trailing / to the destination', edits: [{ start: at, end: at, text: '/' }] },
      });
    };
    return { COPY: check, ADD: check };
  },
});
