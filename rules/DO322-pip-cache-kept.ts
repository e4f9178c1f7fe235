import { defineRule } from '../src/types.ts';
import { hasOption } from '../src/shell.ts';
import { cacheTargets, missingCaches, recognise } from '../src/package-managers.ts';
import { allCachesMounted, cacheKeptMessage, removesDir } from '../src/cache-cleanup.ts';
import { everyRun } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';

const TRUE = /^(1|true|yes|on)$/i;

export default defineRule({
  meta: {
    code: 'DO322',
    name: 'pip-cache-kept',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'always',
    hadolint: ['DL3042'],
    docs: {
      summary: '`pip install` keeps its download cache in the image: neither a cache mount for it nor `--no-cache-dir`.',
      rationale:
        "pip keeps every downloaded wheel in `~/.cache/pip`; in an image that is dead weight, often hundreds of megabytes. Best: a cache mount for pip's cache directory, which keeps it on the builder, out of the image, and makes the next build faster (same mount as DO101; the directory depends on the user). Without BuildKit, `pip install --no-cache-dir` (or `PIP_NO_CACHE_DIR=1`) keeps the cache out of the image. The fix adds `--no-cache-dir`.",
      bad: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
      good: '# syntax=docker/dockerfile:1\nFROM python:3.12-slim\nCOPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
    },
  },
  create(context) {
    const { model } = context;
    return everyRun((inst) => {
      const cmds = runCommands(inst);
      for (const cmd of cmds) {
        if (!/^(pip|python)/.test(cmd.name)) continue;
        const use = recognise(cmd);
        const install = use?.command.args[0];
        if (use?.manager !== 'pip' || install?.value !== 'install') continue;
        if (hasOption(use.command, ['--no-cache-dir'])) continue;
        if (allCachesMounted(model, inst, 'pip') || TRUE.test(model.variable('PIP_NO_CACHE_DIR', inst) ?? '')) return;
        if (cmd.assignments.some((a) => /^PIP_NO_CACHE_DIR=/.test(a.value) && TRUE.test(a.value.slice(17)))) continue;
        if (cacheTargets(model, inst, 'pip').every((c) => removesDir(model, inst, cmds, c.target))) continue;
        context.report({
          message: cacheKeptMessage('`pip install`', `its download cache (${cacheTargets(model, inst, 'pip').map((c) => c.target).join(', ')})`, missingCaches(model, inst, 'pip'), 'use `pip install --no-cache-dir`'),
          at: { start: cmd.start, end: install.end },
          fix: { applicability: 'safe', description: 'Add --no-cache-dir', edits: [{ start: install.end, end: install.end, text: ' --no-cache-dir' }] },
        });
      }
    });
  },
});
