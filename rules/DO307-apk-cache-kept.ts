import { defineRule } from '../src/types.ts';
import { hasOption } from '../src/shell.ts';
import { missingCaches } from '../src/package-managers.ts';
import { allCachesMounted, cacheKeptMessage } from '../src/cache-cleanup.ts';
import { everyRun, verbOf } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';

const APK_VALUED = ['-t', '--virtual', '-X', '--repository', '-p', '--root', '--cache-dir', '--arch', '--keys-dir', '--repositories-file'];

export default defineRule({
  meta: {
    code: 'DO307',
    name: 'apk-cache-kept',
    category: 'best-practice',
    severity: 'info',
    status: 'stable',
    fixable: 'always',
    hadolint: ['DL3019'],
    docs: {
      summary: '`apk add` keeps its package index in the image: neither a cache mount for /var/cache/apk nor `--no-cache`.',
      rationale:
        'The package index apk downloads is only needed while installing. Best: a cache mount for `/var/cache/apk`, which keeps it on the builder, out of the image, and makes the next build faster (same mount as DO101). Without BuildKit, `apk add --no-cache` fetches a fresh index and does not store it, so no `apk update` and no `rm -rf /var/cache/apk/*` are needed. The fix adds `--no-cache`.',
      bad: 'FROM alpine:3.20\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n',
      good: '# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n',
    },
  },
  create(context) {
    const { model } = context;
    return everyRun((inst) => {
      for (const cmd of runCommands(inst)) {
        if (cmd.name !== 'apk') continue;
        const verb = verbOf(cmd, APK_VALUED);
        // --no-network installs from what is already there: nothing is downloaded or cached.
        if (verb?.value !== 'add' || hasOption(cmd, ['--no-cache', '--no-network'])) continue;
        if (allCachesMounted(model, inst, 'apk')) return;
        context.report({
          message: cacheKeptMessage('`apk add`', 'the package index (/var/cache/apk)', missingCaches(model, inst, 'apk'), 'use `apk add --no-cache` (no `apk update` or `rm -rf /var/cache/apk/*` needed)'),
          at: { start: cmd.start, end: verb.end },
          fix: { applicability: 'safe', description: 'Add --no-cache', edits: [{ start: verb.end, end: verb.end, text: ' --no-cache' }] },
        });
      }
    });
  },
});
