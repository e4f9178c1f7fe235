// hadolint's "delete the package cache" rules (DL3009, DL3019, DL3032, DL3036, DL3040, DL3042,
// DL3060) as dockopt states them: a RUN that leaves a tool's cache in its layer is fixed either by a
// BuildKit cache mount for that cache (recommended: the cache survives between builds and never
// enters the image) or by the cleanup hadolint asks for. Cache targets come from
// package-managers.ts, so these rules and DO101 always name the same mounts.
import type { DockerfileModel, Instruction } from './model.ts';
import type { ShellCommand } from './shell.ts';
import { expandHome, homeAt, missingCaches, type CacheSpec, type PackageManagerId } from './package-managers.ts';

/** The `--mount=type=cache,...` flag for a cache, with `options` (`,uid=...`) appended. */
export function cacheMountFlag(cache: CacheSpec, options = ''): string {
  return `--mount=type=cache,target=${cache.target}${cache.sharing ? `,sharing=${cache.sharing}` : ''}${options}`;
}

/** Whether every cache of `manager` at this RUN has a cache mount. */
export function allCachesMounted(model: DockerfileModel, inst: Instruction, manager: PackageManagerId): boolean {
  return missingCaches(model, inst, manager).length === 0;
}

/**
 * Whether one of the commands deletes `dir` or its contents (`rm -rf dir`, `rm -rf dir/*`, or a
 * parent directory). `~` and `$HOME` are resolved for the user at this RUN.
 */
export function removesDir(model: DockerfileModel, inst: Instruction, cmds: ShellCommand[], dir: string): boolean {
  const { home } = homeAt(model, inst);
  const target = normalize(dir);
  for (const cmd of cmds) {
    if (cmd.name !== 'rm') continue;
    for (const w of cmd.args) {
      if (w.value.startsWith('-')) continue;
      const path = normalize(expandHome(w.value, home).replace(/\/\*$/, '').replace(/\/\.\*$/, ''));
      if (path === '' || path.includes('*')) continue;
      if (target === path || target.startsWith(`${path}/`)) return true;
    }
  }
  return false;
}

function normalize(p: string): string {
  return p.replace(/\/+/g, '/').replace(/\/$/, '');
}

/**
 * The message of a "cache left in the layer" finding: what is left where, the cache mounts that
 * avoid it (recommended), and the cleanup hadolint asks for.
 */
export function cacheKeptMessage(what: string, where: string, mounts: CacheSpec[], cleanup: string): string {
  return `${what} leaves ${where} in the image layer. Add \`${mounts.map((c) => cacheMountFlag(c)).join(' ')}\` to this RUN: the cache then stays on the builder, out of the image, and makes the next build faster. Without cache mounts, ${cleanup}.`;
}
