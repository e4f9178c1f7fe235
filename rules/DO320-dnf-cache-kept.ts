import { defineRule } from '../src/types.ts';
import { positionals } from '../src/shell.ts';
import { PACKAGE_MANAGERS, cacheTargets, missingCaches, type PackageManagerId } from '../src/package-managers.ts';
import { allCachesMounted, cacheKeptMessage, removesDir } from '../src/cache-cleanup.ts';
import { everyRun } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';
import { RPM_VALUED, installsPackages } from '../src/rpm-tools.ts';

const DNF = new Set(['dnf', 'dnf5', 'microdnf', 'tdnf']);

/** The package-managers.ts entry whose cache this dnf-like tool uses. */
function managerOf(name: string): PackageManagerId {
  return (name in PACKAGE_MANAGERS ? name : 'dnf') as PackageManagerId;
}

export default defineRule({
  meta: {
    code: 'DO320',
    name: 'dnf-cache-kept',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3040'],
    docs: {
      summary: '`dnf install` (or microdnf, tdnf) keeps its cache in the image: neither a cache mount for it nor `dnf clean all`.',
      rationale:
        "dnf keeps repository metadata and downloaded packages in `/var/cache/dnf`: dead weight in an image. Best: a cache mount for it (`sharing=locked`), which keeps the cache on the builder, out of the image, and makes the next build faster (same mount as DO101). Without BuildKit, run `dnf clean all` at the end of the same RUN.",
      bad: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62\n',
      good: '# syntax=docker/dockerfile:1\nFROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf,sharing=locked dnf install -y httpd-2.4.62\n',
    },
  },
  create(context) {
    const { model } = context;
    return everyRun((inst) => {
      const all = runCommands(inst);
      const cmds = all.filter((c) => DNF.has(c.name));
      const install = cmds.find((c) => installsPackages(positionals(c, RPM_VALUED)));
      if (!install) return;
      const manager = managerOf(install.name);
      if (allCachesMounted(model, inst, manager)) return;
      const cleaned = cmds.some((c) => positionals(c, RPM_VALUED).map((w) => w.value).join(' ') === 'clean all');
      if (cleaned || cacheTargets(model, inst, manager).every((c) => removesDir(model, inst, all, c.target))) return;
      context.report({
        message: cacheKeptMessage(`\`${install.name} install\``, `its cache (${cacheTargets(model, inst, manager).map((c) => c.target).join(', ')})`, missingCaches(model, inst, manager), `end the RUN with \`${install.name} clean all\``),
        at: { start: install.start, end: install.end },
      });
    });
  },
});
