import { defineRule } from '../src/types.ts';
import { cacheMounted, missingCaches } from '../src/package-managers.ts';
import { cacheKeptMessage, removesDir } from '../src/cache-cleanup.ts';
import { everyRun, stageInImage, verbOf } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';

const LISTS = '/var/lib/apt/lists';

export default defineRule({
  meta: {
    code: 'DO302',
    name: 'apt-lists-kept',
    category: 'best-practice',
    severity: 'info',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3009'],
    docs: {
      summary: '`apt-get update` leaves the package lists in the image: no cache mount for them and no `rm -rf /var/lib/apt/lists/*`.',
      rationale:
        'The package lists (tens of megabytes) are only needed while installing. Best: cache mounts for `/var/cache/apt` and `/var/lib/apt` (`sharing=locked`), which keep lists and downloaded packages on the builder, out of the image, and make the next build faster (same mounts as DO101). Without BuildKit, delete the lists at the end of the same RUN. Only stages that end up in an image are checked: cleaning a builder stage that is only copied from changes nothing.',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
      good: '# syntax=docker/dockerfile:1\nFROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    apt-get update && apt-get install -y --no-install-recommends curl\n',
    },
  },
  create(context) {
    const { model } = context;
    return everyRun((inst) => {
      if (!stageInImage(model, inst.stage)) return;
      const cmds = runCommands(inst);
      const update = cmds.find((c) => (c.name === 'apt-get' || c.name === 'apt') && verbOf(c, ['-o', '-c'])?.value === 'update');
      if (!update) return;
      if (cacheMounted(model, inst, LISTS) || removesDir(model, inst, cmds, LISTS)) return;
      context.report({
        message: cacheKeptMessage(`\`${update.name} update\``, `the package lists (${LISTS})`, missingCaches(model, inst, 'apt'), 'end the RUN with `rm -rf /var/lib/apt/lists/*`'),
        at: { start: update.start, end: update.end },
      });
    });
  },
});
