import { defineRule } from '../src/types.ts';
import { contextAnchor, contextReads } from '../src/context/reads.ts';
import { formatBytes } from '../src/context/facts.ts';

export default defineRule({
  meta: {
    code: 'DO600',
    name: 'oversized-context',
    category: 'context',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    needsBuildContext: true,
    docs: {
      summary: 'The build context is larger than the configured limit (default 100 MB or 10,000 files).',
      rationale:
        'Everything in the build context (after `.dockerignore`) is what the builder may have to receive: the classic builder, Podman and upload-based CI builders send all of it on every build, and `COPY . .` copies all of it into the image and re-runs every later step when any of it changes. A large context is usually data, dependencies or build outputs that do not belong there. The message names the largest paths; exclude what the build does not need in `.dockerignore`. Limits: `context.maxBytes` and `context.maxFiles` in the config. In the examples the context holds a 150 MB `data/` directory (excluded in the good one).',
      bad: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n',
      good: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n',
      context: {
        bad: { 'main.py': 'print(1)\n', 'data/dump.sql': 150_000_000 },
        good: { 'main.py': 'print(1)\n', 'data/dump.sql': 150_000_000, '.dockerignore': 'data\n' },
      },
    },
  },
  create(context) {
    const ctx = context.settings.buildContext;
    if (!ctx?.walk) return {};
    return {
      end() {
        if (!ctx.fits(contextReads(context.model))) return;
        const { maxBytes, maxFiles } = ctx.limits;
        const overBytes = ctx.totalBytes > maxBytes;
        const overFiles = ctx.totalFiles > maxFiles;
        if (!overBytes && !overFiles) return;
        const anchor = contextAnchor(context.model);
        if (!anchor) return;
        const limit = [overBytes ? formatBytes(maxBytes) : null, overFiles ? `${maxFiles.toLocaleString('en-US')} files` : null].filter(Boolean).join(' and ');
        const top = ctx
          .largest(3)
          .map((n) => `${n.path}${n.type === 'dir' ? '/' : ''} ${formatBytes(n.size)}${n.type === 'dir' ? ` (${n.files.toLocaleString('en-US')} file${n.files === 1 ? '' : 's'})` : ''}`)
          .join(', ');
        context.report({
          message: `The build context${ctx.dir === '.' ? '' : ` ${ctx.dir}`} holds ${formatBytes(ctx.totalBytes)} in ${ctx.totalFiles.toLocaleString('en-US')} files, over ${limit}. Largest: ${top}. Exclude what the build does not need in ${ctx.ignoreFile ?? '.dockerignore'}.`,
          at: anchor,
        });
      },
    };
  },
});
