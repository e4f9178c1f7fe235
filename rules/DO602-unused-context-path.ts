import { defineRule } from '../src/types.ts';
import { contextAnchor, contextReads } from '../src/context/reads.ts';
import { formatBytes } from '../src/context/facts.ts';

export default defineRule({
  meta: {
    code: 'DO602',
    name: 'unused-context-path',
    category: 'context',
    severity: 'info',
    status: 'stable',
    fixable: 'never',
    needsBuildContext: true,
    docs: {
      summary: 'A large path is in the build context but no COPY, ADD or RUN bind mount reads it.',
      rationale:
        'Builders that take the whole context (the classic builder, Podman, kaniko and upload-based CI builders) send such paths on every build for nothing, and a later `COPY . .` would start copying them. BuildKit itself transfers only the paths the Dockerfile names, so this is information rather than a warning. Add the path to `.dockerignore`. The size threshold is `context.largePathBytes` in the config (default 10 MB). In the examples the context holds 40 MB of `fixtures/` that only the tests use (excluded in the good one).',
      bad: 'FROM python:3.12-slim\nCOPY app/ /app/\nCMD ["python", "-m", "app"]\n',
      good: 'FROM python:3.12-slim\nCOPY app/ /app/\nCMD ["python", "-m", "app"]\n',
      context: {
        bad: { 'app/__main__.py': 'print(1)\n', 'fixtures/big.json': 40_000_000 },
        good: { 'app/__main__.py': 'print(1)\n', 'fixtures/big.json': 40_000_000, '.dockerignore': 'fixtures\n' },
      },
    },
  },
  create(context) {
    const ctx = context.settings.buildContext;
    if (!ctx?.walk) return {};
    return {
      end() {
        const reads = contextReads(context.model);
        if (!ctx.fits(reads)) return;
        const unused = ctx.unused(reads);
        if (unused.paths.length === 0) return;
        const anchor = contextAnchor(context.model);
        if (!anchor) return;
        const paths = unused.paths.slice(0, 5);
        const list = paths.map((p) => `${p.path}${p.type === 'dir' ? '/' : ''} (${formatBytes(p.size)})`).join(', ');
        const more = unused.paths.length > paths.length ? ` and ${unused.paths.length - paths.length} more` : '';
        context.report({
          message: `${list}${more} ${unused.paths.length === 1 ? 'is' : 'are'} in ${ctx.label} but no instruction reads ${unused.paths.length === 1 ? 'it' : 'them'} (${formatBytes(unused.bytes)} unused in all): add ${paths.map((p) => `\`${p.path}\``).join(', ')} to ${ctx.ignoreFile ?? '.dockerignore'}.`,
          at: anchor,
        });
      },
    };
  },
});
