import { defineRule } from '../src/types.ts';
import { contextReads } from '../src/context/reads.ts';

export default defineRule({
  meta: {
    code: 'DO603',
    name: 'copy-ignored-file',
    category: 'correctness',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    buildkit: ['CopyIgnoredFile'],
    needsBuildContext: true,
    docs: {
      summary: 'COPY or ADD names a source that .dockerignore excludes from the build context.',
      rationale:
        'The builder never receives excluded paths: copying one fails the build with `"/path" not found` (an error here), and a wildcard that only matches excluded files copies nothing. Either the source or the `.dockerignore` line is wrong. In the examples the `.dockerignore` excludes `*.md`; the good one re-includes `README.md` with `!README.md`.',
      bad: 'FROM nginx:1.27\nCOPY README.md /usr/share/nginx/html/\n',
      good: 'FROM nginx:1.27\nCOPY README.md /usr/share/nginx/html/\n',
      context: {
        bad: { 'README.md': '# hi\n', '.dockerignore': '*.md\n' },
        good: { 'README.md': '# hi\n', '.dockerignore': '*.md\n!README.md\n' },
      },
    },
  },
  create(context) {
    const ctx = context.settings.buildContext;
    const ignore = ctx?.walk?.ignore;
    if (!ctx || !ignore) return {};
    const reads = contextReads(context.model);
    if (!ctx.fits(reads)) return {};
    const file = ctx.ignoreFile ?? '.dockerignore';
    return {
      end() {
        for (const r of reads.reads) {
          if (r.kind === 'mount' || r.unresolved || r.path === '.') continue;
          if (r.glob) {
            if (!ignore.excludes(r.path)) continue;
            if ((ctx.walk?.files ?? []).some((e) => reads.covers(r, e.path))) continue;
            context.report({ message: `${r.kind} source "${r.source.value}" only matches what ${file} excludes: it copies nothing.`, at: r.source });
            continue;
          }
          const status = ctx.status(r.path);
          if (status === 'excluded') {
            context.report({ message: `${r.kind} source "${r.source.value}" is excluded by ${file}: the build fails with "/${r.path}" not found.`, at: r.source, severity: 'error' });
          } else if (status === 'sent' && ignore.matches(r.path)) {
            context.report({ message: `${r.kind} source "${r.source.value}" is excluded by ${file} except what its \`!\` patterns re-include: only those parts are copied.`, at: r.source });
          }
        }
      },
    };
  },
});
