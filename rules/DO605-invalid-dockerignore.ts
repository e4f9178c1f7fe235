import { defineRule } from '../src/types.ts';

export default defineRule({
  meta: {
    code: 'DO605',
    name: 'invalid-dockerignore',
    category: 'correctness',
    severity: 'error',
    status: 'stable',
    fixable: 'never',
    needsBuildContext: true,
    docs: {
      summary: 'The build context\'s .dockerignore has a pattern BuildKit rejects, so every build fails.',
      rationale:
        'BuildKit checks each `.dockerignore` pattern with Go\'s `filepath.Match` syntax and fails the context transfer on an unclosed `[`, a lone `!` or a trailing backslash (`invalid excludepatterns: ... syntax error in pattern`). The message names the file and line. In the examples the `.dockerignore` has `logs[` (fixed to `logs` in the good one).',
      bad: 'FROM alpine:3.20\nCOPY app /app\n',
      good: 'FROM alpine:3.20\nCOPY app /app\n',
      context: { bad: { app: '', '.dockerignore': 'logs[\n' }, good: { app: '', '.dockerignore': 'logs\n' } },
    },
  },
  create(context) {
    const error = context.settings.buildContext?.ignoreError;
    if (!error) return {};
    return {
      end() {
        const first = context.model.instructions[0];
        if (!first) return;
        context.report({ message: `${error.file}${error.line ? `:${error.line}` : ''}: ${error.message}: BuildKit rejects it, so every build of this Dockerfile fails.`, at: first });
      },
    };
  },
});
