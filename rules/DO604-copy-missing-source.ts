import { defineRule } from '../src/types.ts';
import { contextReads } from '../src/context/reads.ts';

export default defineRule({
  meta: {
    code: 'DO604',
    name: 'copy-missing-source',
    category: 'correctness',
    severity: 'error',
    status: 'stable',
    fixable: 'never',
    needsBuildContext: true,
    docs: {
      summary: 'COPY, ADD or a RUN bind mount names a path that does not exist in the build context.',
      rationale:
        'The build fails at that instruction with `"/path" not found` (paths are relative to the context, not to the Dockerfile, and `..` cannot leave the context). Wildcards that match nothing are not reported: BuildKit copies nothing and goes on, which `COPY requirements*.txt ./` relies on. In the examples the context holds `requirements.txt` but not `requirements-dev.txt`.',
      bad: 'FROM python:3.12-slim\nCOPY requirements-dev.txt /app/\n',
      good: 'FROM python:3.12-slim\nCOPY requirements.txt /app/\n',
      context: { bad: { 'requirements.txt': 'flask\n' } },
    },
  },
  create(context) {
    const ctx = context.settings.buildContext;
    if (!ctx?.walk) return {};
    const reads = contextReads(context.model);
    if (!ctx.fits(reads)) return {};
    const hint = ctx.inferred ? ' (the context is taken to be the Dockerfile\'s directory: use --context or the config\'s overrides[].context if the build runs elsewhere)' : '';
    return {
      end() {
        for (const r of reads.reads) {
          if (r.glob || r.unresolved || r.path === '.' || ctx.status(r.path) !== 'missing') continue;
          const what = r.kind === 'mount' ? 'RUN --mount source' : `${r.kind} source`;
          context.report({ message: `${what} "${r.source.value}" does not exist in ${ctx.label}: the build fails with "/${r.path}" not found${hint}.`, at: r.source });
        }
      },
    };
  },
});
