import { defineRule } from '../src/types.ts';
import { missingCaches, packageManagerUses, cacheTargets } from '../src/package-managers.ts';
import { commandLabel, hasNonPosixShell, isWindowsStage } from '../src/rule-helpers.ts';
import { cacheMountFix, lockedSharingFix } from '../src/fix/cache-mounts.ts';
import { cacheMountFlag } from '../src/cache-cleanup.ts';

export default defineRule({
  meta: {
    code: 'DO101',
    name: 'missing-cache-mount',
    category: 'performance',
    severity: 'warning',
    status: 'stable',
    fixable: 'sometimes',
    docs: {
      summary: 'A package manager installs or downloads without a BuildKit cache mount for its cache directory.',
      rationale:
        "When a layer is rebuilt, every package is downloaded again unless the tool's cache survives between builds. A cache mount (`RUN --mount=type=cache,target=...`) keeps the cache on the builder and out of the image, so it is faster than both keeping the cache in the layer and deleting it (`--no-cache-dir`, `rm -rf ~/.cache/pip`, `apk --no-cache`, which count as *no cache mount yet*). The target depends on the tool and on the user: pip's cache is `$HOME/.cache/pip`, so it moves after `USER app`. apt needs both `/var/cache/apt` and `/var/lib/apt` with `sharing=locked`.",
      bad: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
      good: '# syntax=docker/dockerfile:1\nFROM python:3.12-slim\nCOPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
    },
  },
  create(context) {
    const { model } = context;
    return {
      RUN(inst) {
        if (isWindowsStage(inst.stage) || hasNonPosixShell(inst)) return;
        const seen = new Set<string>();
        const uses = packageManagerUses(inst);
        for (const use of uses) {
          if (use.action === 'update-index') continue;
          if (seen.has(use.manager)) continue;
          seen.add(use.manager);
          // The caches any of this manager's commands in the RUN use (go mod download needs only the module cache).
          const actions = new Set(uses.filter((u) => u.manager === use.manager).map((u) => u.action));
          const missing = missingCaches(model, inst, use.manager).filter((c) => !c.usedBy || c.usedBy.some((a) => actions.has(a)));
          const label = commandLabel(use.command);
          const at = { start: use.command.start, end: use.command.end };
          if (missing.length > 0) {
            const mounts = missing.map((c) => cacheMountFlag(c)).join(' ');
            const disabled = use.cacheDisabled ? ` ${label} disables its cache here; a cache mount keeps the cache out of the image, so drop that flag once the mount is in place.` : '';
            context.report({
              message: `\`${label}\` runs without a cache mount for ${missing.map((c) => c.target).join(' and ')}: every rebuild of this layer downloads everything again. Add \`${mounts}\` to the RUN.${disabled}`,
              at,
              fix: cacheMountFix(model, inst, use, missing).fix,
            });
            continue;
          }
          // Mounted, but apt caches shared between concurrent builds corrupt each other.
          const wantLocked = cacheTargets(model, inst, use.manager).filter((c) => c.sharing === 'locked');
          for (const c of wantLocked) {
            const mount = inst.mounts.find((m) => m.type === 'cache' && m.target && m.target.replace(/\/+$/, '') === c.target);
            if (mount && mount.options.sharing !== 'locked') {
              context.report({
                message: `The cache mount for ${c.target} needs \`sharing=locked\`: ${use.manager} locks its cache, and concurrent builds sharing it fail or corrupt it.`,
                at: { start: mount.flag.start, end: mount.flag.end },
                fix: lockedSharingFix(model, mount),
              });
            }
          }
        }
      },
    };
  },
});
