// hadolint's "delete the package cache" rules (DL3009, DL3019, DL3032, DL3036, DL3040, DL3042,
// DL3060) as dockopt states them: a RUN that leaves a tool's cache in its layer is fixed either by a
// BuildKit cache mount for that cache (recommended: the cache survives between builds and never
// enters the image) or by the cleanup hadolint asks for. Cache targets come from
// package-managers.ts, so these rules and DO101 always name the same mounts.
import type { DockerfileModel, Instruction } from './model.ts';
import type { ShellCommand } from './shell.ts';
import { cacheTargets, homeAt, mountServes, type CacheSpec, type PackageManagerId } from './package-managers.ts';

/** The `--mount=type=cache,...` flags for these caches, space separated. */
export function cacheMountFlags(caches: CacheSpec[]): string {
  return caches.map((c) => `--mount=type=cache,target=${c.target}${c.sharing ? `,sharing=${c.sharing}` : ''}`).join(' ');
}

/** Whether a cache mount of this RUN covers `dir` (the mount is `dir`, a parent or a child of it). */
export function cacheMounted(model: DockerfileModel, inst: Instruction, dir: string): boolean {
  return inst.mounts.some((m) => m.type === 'cache' && m.target !== null && mountServes(model.expand(m.target, inst) ?? m.target, dir));
}

/** Whether every cache of `manager` at this RUN has a cache mount. */
export function allCachesMounted(model: DockerfileModel, inst: Instruction, manager: PackageManagerId): boolean {
  return cacheTargets(model, inst, manager).every((c) => cacheMounted(model, inst, c.target));
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
      const path = normalize(
        w.value
          .replace(/^~(?=\/|$)/, home)
          .replace(/^\$\{?HOME\}?(?=\/|$)/, home)
          .replace(/\/\*$/, '')
          .replace(/\/\.\*$/, ''),
      );
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
  return `${what} leaves ${where} in the image layer. Add \`${cacheMountFlags(mounts)}\` to this RUN: the cache then stays on the builder, out of the image, and makes the next build faster. Without cache mounts, ${cleanup}.`;
}
