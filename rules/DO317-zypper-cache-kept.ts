import { defineRule } from '../src/types.ts';
import { positionals } from '../src/shell.ts';
import { cacheTargets, missingCaches } from '../src/package-managers.ts';
import { allCachesMounted, cacheKeptMessage, removesDir } from '../src/cache-cleanup.ts';
import { everyRun } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';
import { ZYPPER_VALUED } from '../src/rpm-tools.ts';

const INSTALLS = new Set(['install', 'in', 'update', 'up', 'patch', 'dist-upgrade', 'dup', 'source-install', 'si']);

export default defineRule({
  meta: {
    code: 'DO317',
    name: 'zypper-cache-kept',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3036'],
    docs: {
      summary: '`zypper install` keeps its cache in the image: neither a cache mount for /var/cache/zypp nor `zypper clean`.',
      rationale:
        "zypper keeps repository metadata (and, for some repositories, packages) in `/var/cache/zypp`: dead weight in an image. Best: a cache mount for it (`sharing=locked`), which keeps the cache on the builder, out of the image, and makes the next build faster (same mount as DO101). Without BuildKit, run `zypper clean --all` at the end of the same RUN.",
      bad: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.58\n',
      good: '# syntax=docker/dockerfile:1\nFROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp,sharing=locked zypper install -y httpd=2.4.58\n',
    },
  },
  create(context) {
    const { model } = context;
    return everyRun((inst) => {
      const all = runCommands(inst);
      const cmds = all.filter((c) => c.name === 'zypper');
      const install = cmds.find((c) => INSTALLS.has(positionals(c, ZYPPER_VALUED)[0]?.value ?? ''));
      if (!install || allCachesMounted(model, inst, 'zypper')) return;
      const cleaned = cmds.some((c) => /^(clean|cc)$/.test(positionals(c, ZYPPER_VALUED)[0]?.value ?? ''));
      if (cleaned || cacheTargets(model, inst, 'zypper').every((c) => removesDir(model, inst, all, c.target))) return;
      context.report({
        message: cacheKeptMessage('`zypper install`', 'its cache (/var/cache/zypp)', missingCaches(model, inst, 'zypper'), 'end the RUN with `zypper clean --all`'),
        at: { start: install.start, end: install.end },
      });
    });
  },
});
