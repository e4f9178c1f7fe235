import { defineRule } from '../src/types.ts';
import { unquote } from '../src/model.ts';

export default defineRule({
  meta: {
    code: 'DO205',
    name: 'relative-workdir',
    category: 'correctness',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3000'],
    buildkit: ['WorkdirRelativePath'],
    docs: {
      summary: 'WORKDIR with a relative path.',
      rationale: 'A relative WORKDIR is resolved against the previous working directory, which may come from the base image and change with it. Use an absolute path.',
      bad: 'FROM alpine:3.20\nWORKDIR app\n',
      good: 'FROM alpine:3.20\nWORKDIR /app\n',
    },
  },
  create(context) {
    const { model } = context;
    return {
      WORKDIR(inst) {
        const arg = inst.args[0];
        if (!arg) return;
        const written = unquote(arg.value);
        const value = model.expand(written, inst) ?? written;
        // Variables that may hold an absolute path, and Windows paths, are not relative.
        if (value.startsWith('/') || /^\$/.test(written) || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\')) return;
        context.report({
          message: `WORKDIR "${written}" is relative: it depends on the previous working directory. Use an absolute path.`,
          at: arg,
        });
      },
    };
  },
});
