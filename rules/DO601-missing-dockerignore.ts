import { defineRule } from '../src/types.ts';
import { contextAnchor, contextReads } from '../src/context/reads.ts';
import { formatBytes } from '../src/context/facts.ts';

export default defineRule({
  meta: {
    code: 'DO601',
    name: 'missing-dockerignore',
    category: 'context',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    needsBuildContext: true,
    docs: {
      summary: 'The build context has no .dockerignore but holds .git, node_modules, virtualenvs, caches or build outputs.',
      rationale:
        'Without a `.dockerignore` the whole directory is the build context: version-control history, installed dependencies, virtualenvs, caches and build outputs are sent to the builder, copied into the image by `COPY . .` (where they can leak history and secrets, and clash with what the image installs itself) and invalidate the layer cache whenever they change. The message lists what was found and the `.dockerignore` lines to add. In the examples the context holds `.git/` and `node_modules/` (and a `.dockerignore` in the good one).',
      bad: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
      good: 'FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci\n',
      context: {
        bad: { 'package.json': '{}\n', 'index.js': '', '.git/HEAD': 'ref: refs/heads/main\n', 'node_modules/left-pad/index.js': 40_000 },
        good: { 'package.json': '{}\n', 'index.js': '', '.git/HEAD': 'ref: refs/heads/main\n', 'node_modules/left-pad/index.js': 40_000, '.dockerignore': '.git\nnode_modules\n' },
      },
    },
  },
  create(context) {
    const ctx = context.settings.buildContext;
    if (!ctx?.walk || ctx.ignoreFile) return {};
    return {
      end() {
        const reads = contextReads(context.model);
        if (!ctx.fits(reads)) return;
        // A path the Dockerfile copies by name (`COPY dist/ ...`) is an input, whatever its name.
        const heavy = ctx.heavyPaths().filter((h) => !reads.isReadByName(h.path));
        if (heavy.length === 0) return;
        const anchor = contextAnchor(context.model);
        if (!anchor) return;
        const shown = heavy.slice(0, 5).map((h) => `${h.path}${h.type === 'dir' ? '/' : ''} (${h.kind}, ${formatBytes(h.size)})`);
        if (heavy.length > 5) shown.push(`${heavy.length - 5} more`);
        const lines = [...new Set(heavy.map((h) => h.suggestion))];
        context.report({
          message: `No .dockerignore in ${ctx.label}, which holds ${shown.join(', ')}: add a .dockerignore with ${lines.map((l) => `\`${l}\``).join(', ')}.`,
          at: anchor,
        });
      },
    };
  },
});
