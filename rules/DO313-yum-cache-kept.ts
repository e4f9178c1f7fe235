import { defineRule } from '../src/types.ts';
import { positionals } from '../src/shell.ts';
import { cacheTargets, missingCaches } from '../src/package-managers.ts';
import { allCachesMounted, cacheKeptMessage, removesDir } from '../src/cache-cleanup.ts';
import { everyRun } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';
import { RPM_VALUED, installsPackages } from '../src/rpm-tools.ts';

export default defineRule({
  meta: {
    code: 'DO313',
    name: 'yum-cache-kept',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3032'],
    docs: {
      summary: '`yum install` keeps its cache in the image: neither a cache mount for /var/cache/yum nor `yum clean all`.',
      rationale:
        "yum keeps repository metadata and downloaded packages in `/var/cache/yum`: dead weight in an image. Best: a cache mount for it (`sharing=locked`), which keeps the cache on the builder, out of the image, and makes the next build faster (same mount as DO101). Without BuildKit, run `yum clean all` at the end of the same RUN.",
      bad: 'FROM centos:7\nRUN yum install -y httpd-2.4.6\n',
      good: '# syntax=docker/dockerfile:1\nFROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum,sharing=locked yum install -y httpd-2.4.6\n',
    },
  },
  create(context) {
    const { model } = context;
    return everyRun((inst) => {
      const cmds = runCommands(inst).filter((c) => c.name === 'yum');
      const install = cmds.find((c) => installsPackages(positionals(c, RPM_VALUED)));
      if (!install || allCachesMounted(model, inst, 'yum')) return;
      const cleaned = cmds.some((c) => positionals(c, RPM_VALUED).map((w) => w.value).join(' ') === 'clean all');
      if (cleaned || cacheTargets(model, inst, 'yum').every((c) => removesDir(model, inst, runCommands(inst), c.target))) return;
      context.report({
        message: cacheKeptMessage('`yum install`', 'its cache (/var/cache/yum)', missingCaches(model, inst, 'yum'), 'end the RUN with `yum clean all`'),
        at: { start: install.start, end: install.end },
      });
    });
  },
});
