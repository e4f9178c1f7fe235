import { defineRule } from '../src/types.ts';
import { positionals } from '../src/shell.ts';
import { cacheTargets, missingCaches, recognise } from '../src/package-managers.ts';
import { allCachesMounted, cacheKeptMessage, removesDir } from '../src/cache-cleanup.ts';
import { everyRun, stageInImage } from '../src/run-helpers.ts';
import { commandLabel, runCommands } from '../src/rule-helpers.ts';

export default defineRule({
  meta: {
    code: 'DO339',
    name: 'yarn-cache-kept',
    category: 'best-practice',
    severity: 'info',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3060'],
    docs: {
      summary: '`yarn install` keeps its cache in the image: neither a cache mount for it nor `yarn cache clean`.',
      rationale:
        "Yarn keeps a copy of every package it installs in its cache directory: dead weight in an image, often as large as node_modules. Best: a cache mount for yarn's cache, which keeps it on the builder, out of the image, and makes the next build faster (same mount as DO101). Without BuildKit, run `yarn cache clean` at the end of the same RUN. Only stages that end up in an image are checked: a builder stage that is only copied from can keep its cache.",
      bad: 'FROM node:22-slim\nCOPY package.json yarn.lock ./\nRUN yarn install --frozen-lockfile\n',
      good: '# syntax=docker/dockerfile:1\nFROM node:22-slim\nCOPY package.json yarn.lock ./\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile\n',
    },
  },
  create(context) {
    const { model } = context;
    return everyRun((inst) => {
      const cmds = runCommands(inst);
      const install = cmds.find((c) => c.name === 'yarn' && recognise(c)?.manager === 'yarn');
      if (!install || !stageInImage(model, inst.stage) || allCachesMounted(model, inst, 'yarn')) return;
      const cleaned = cmds.some((c) => c.name === 'yarn' && positionals(c).map((w) => w.value).join(' ') === 'cache clean');
      if (cleaned || cacheTargets(model, inst, 'yarn').every((c) => removesDir(model, inst, cmds, c.target))) return;
      context.report({
        message: cacheKeptMessage(`\`${commandLabel(install)}\``, `its cache (${cacheTargets(model, inst, 'yarn').map((c) => c.target).join(', ')})`, missingCaches(model, inst, 'yarn'), 'end the RUN with `yarn cache clean`'),
        at: { start: install.start, end: install.end },
      });
    });
  },
});
