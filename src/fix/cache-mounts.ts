// The DO101 fix: give a RUN the cache mounts its package manager needs, and drop what the mount
// makes pointless (flags that disable the cache, commands that delete it). The mount keeps the
// cache out of the image, so the image stays the same while rebuilds stop downloading everything.
import { lastBefore, type DockerfileModel, type Instruction } from '../model.ts';
import { findOption, positionals, type ShellCommand, type ShellWord } from '../shell.ts';
import { cacheMountFlag } from '../cache-cleanup.ts';
import { expandHome, homeAt, isRootUser, missingCaches, recognise, userAt, type CacheSpec, type PackageManagerId, type PackageManagerUse } from '../package-managers.ts';
import { runCommands } from '../rule-helpers.ts';
import type { Edit, Fix } from '../types.ts';
import { copiedFrom, insertRunFlags, laterInChain, removeCommand, removeWord } from './edits.ts';

/** Flags that turn a tool's cache off: pointless (and defeating the mount) once it is mounted. */
const CACHE_OFF: Partial<Record<PackageManagerId, string[]>> = {
  pip: ['--no-cache-dir'],
  uv: ['--no-cache', '-n'],
  poetry: ['--no-cache'],
};

/** `<tool> <words...>` commands that empty a tool's cache. */
const CLEANERS: Partial<Record<PackageManagerId, RegExp>> = {
  apt: /^(apt-get|apt) (clean|autoclean)\b/,
  apk: /^apk cache (clean|purge)\b/,
  dnf: /^(dnf|tdnf) clean\b/,
  yum: /^yum clean\b/,
  microdnf: /^microdnf clean\b/,
  zypper: /^zypper (clean|cc)\b/,
  pip: /^pip\d*(\.\d+)? cache (purge|remove)\b/,
  uv: /^uv cache (clean|prune)\b/,
  poetry: /^poetry cache clear\b/,
  npm: /^npm cache clean\b/,
  yarn: /^yarn cache clean\b/,
  pnpm: /^pnpm store prune\b/,
  go: /^go clean\b.*(-modcache|-cache)\b/,
  composer: /^(composer|composer\.phar) (clear-cache|clearcache|cc)\b/,
};

/**
 * Caches that later steps read as installed files, not just as a download cache: Go's module
 * cache, cargo's registry, Maven's and Gradle's repositories, apt's package lists, apk's index.
 * Mounting them hides what the RUN leaves there from the instructions after it.
 */
const STORES = new Set<PackageManagerId>(['go', 'cargo', 'maven', 'gradle']);

export interface CacheMountPlan {
  fix: Fix | null;
  /** Why no fix is offered, for people reading the code and the tests. */
  reason?: string;
}

/** The word list of a command as "name sub ..." (python -m pip → pip). */
function commandLine(cmd: ShellCommand): string {
  const words = [cmd.name, ...cmd.args.map((w) => w.value)];
  if (/^python\d*(\.\d+)?$/.test(cmd.name) && words[1] === '-m' && words[2]) words.splice(0, 2);
  return words.join(' ');
}

/** Normalised absolute path from an rm operand: `~`/$HOME resolved, trailing globs dropped. */
function cleanupPath(value: string, home: string): string | null {
  let v = expandHome(value, home);
  if (!v.startsWith('/')) return null;
  const glob = v.search(/[*?[]/);
  if (glob !== -1) v = v.slice(0, v.lastIndexOf('/', glob));
  v = v.replace(/\/+$/, '').replace(/\/+/g, '/');
  return v || '/';
}

function related(path: string, target: string): boolean {
  const t = target.replace(/\/+$/, '');
  return path === t || path.startsWith(`${t}/`) || t.startsWith(`${path === '/' ? '' : path}/`);
}

/** Numeric uid (and gid) of a user, from USER itself or the useradd/adduser that created it. */
function userIds(model: DockerfileModel, inst: Instruction, user: string): { uid: string; gid?: string; home?: string } | null {
  const expanded = model.expand(user, inst) ?? user;
  const [name, group] = expanded.split(':');
  const numeric = (v: string | undefined) => (v !== undefined && /^\d+$/.test(v) ? v : undefined);
  let uid = numeric(name);
  let gid = numeric(group);
  let home: string | undefined;
  if (uid === undefined || (group !== undefined && gid === undefined)) {
    const runs = priorRuns(inst);
    for (const run of runs) {
      for (const cmd of runCommands(run)) {
        const value = (flags: string[]) => {
          for (let i = 0; i < cmd.args.length; i++) {
            const w = cmd.args[i].value;
            for (const f of flags) {
              if (w === f) return cmd.args[i + 1]?.value;
              if (f.startsWith('--') && w.startsWith(`${f}=`)) return w.slice(f.length + 1);
            }
          }
          return undefined;
        };
        if (cmd.name === 'useradd' || cmd.name === 'adduser') {
          const busybox = cmd.name === 'adduser' && cmd.args.some((w) => /^-[DSH]+$/.test(w.value));
          const valued = cmd.name === 'useradd'
            ? ['-u', '--uid', '-g', '--gid', '-d', '--home-dir', '-s', '--shell', '-c', '--comment', '-G', '--groups', '-k', '--skel', '-e', '-f', '-K', '-p', '-b', '--base-dir']
            : busybox ? ['-u', '-G', '-h', '-s', '-g', '-k'] : ['--uid', '--gid', '--home', '--shell', '--gecos', '--ingroup', '--firstuid', '--lastuid', '--conf'];
          const pos = positionals(cmd, valued).map((w) => w.value);
          if (pos[0] !== name) continue;
          uid = uid ?? numeric(value(busybox || cmd.name === 'useradd' ? ['-u', '--uid'] : ['--uid']));
          if (group === undefined || group === name) gid = gid ?? numeric(value(cmd.name === 'useradd' ? ['-g', '--gid'] : busybox ? [] : ['--gid']));
          home = value(cmd.name === 'useradd' ? ['-d', '--home-dir'] : busybox ? ['-h'] : ['--home']) ?? home;
        }
        if ((cmd.name === 'groupadd' || cmd.name === 'addgroup') && group !== undefined && gid === undefined) {
          const pos = positionals(cmd, ['-g', '--gid']).map((w) => w.value);
          if (pos[pos.length - 1] === group) gid = numeric(value(['-g', '--gid']));
        }
      }
    }
  }
  if (uid === undefined) return null;
  return { uid, gid, home };
}

function priorRuns(inst: Instruction): Instruction[] {
  const out: Instruction[] = [];
  let at: Instruction | undefined = inst;
  while ((at = at && lastBefore(at, ['RUN']))) out.push(at);
  return out;
}

/** Whether an earlier command of this RUN refreshes the package index the install uses. */
function refreshesIndexFirst(cmds: ShellCommand[], use: PackageManagerUse): boolean {
  const at = cmds.indexOf(use.command);
  const before = cmds.slice(0, at === -1 ? cmds.length : at);
  return before.some((c) => {
    const u = recognise(c);
    return u?.manager === use.manager && u.action === 'update-index';
  });
}

/** apk fetches its index in this command (or an `apk update` ran before in the same RUN). */
function apkFetchesIndex(cmds: ShellCommand[], use: PackageManagerUse): boolean {
  return findOption(use.command, ['--no-cache', '-U', '--update-cache', '--update']) !== undefined || refreshesIndexFirst(cmds, use);
}

/** A later RUN that installs with this tool relying on what this RUN leaves in the cache. */
function laterReliance(model: DockerfileModel, inst: Instruction, manager: PackageManagerId): Instruction | undefined {
  return laterInChain(model, inst).find((later) => {
    if (later.keyword !== 'RUN') return false;
    const cmds = runCommands(later);
    if (manager === 'apt' || manager === 'apk') {
      return cmds.some((c) => {
        const u = recognise(c);
        if (u?.manager !== manager || u.action !== 'install') return false;
        return manager === 'apt' ? !refreshesIndexFirst(cmds, u) : !apkFetchesIndex(cmds, u);
      });
    }
    // Stores: any later RUN may use the files (go build inside make, mvn -o ...).
    return true;
  });
}

/** Whether an apt RUN will get the apt cache fix (which removes docker-clean) too. */
function aptFixPending(model: DockerfileModel, run: Instruction): boolean {
  const cmds = runCommands(run);
  return cmds.some((c) => {
    const u = recognise(c);
    return u?.manager === 'apt' && u.action === 'install' && refreshesIndexFirst(cmds, u) && missingCaches(model, run, 'apt').length > 0 && isRootUser(userAt(run));
  });
}

/** An earlier RUN that used this tool without a mount for one of `targets`: its files sit in the image. */
function earlierUnmounted(model: DockerfileModel, inst: Instruction, manager: PackageManagerId, targets: CacheSpec[]): boolean {
  return priorRuns(inst).some((run) => {
    if (!runCommands(run).some((c) => recognise(c)?.manager === manager)) return false;
    const mounted = run.mounts.filter((m) => m.type === 'cache' && m.target).map((m) => model.expand(m.target!, run) ?? m.target!);
    return targets.some((t) => !mounted.some((m) => related(m.replace(/\/+$/, ''), t.target)));
  });
}

/**
 * The fix for one package manager use in a RUN that lacks `missing` cache mounts, or why there
 * is none. Mount targets come from package-managers.ts (per tool, user and HOME); a non-root user
 * gets `uid=`/`gid=` so it can write to the mount.
 */
export function cacheMountFix(model: DockerfileModel, inst: Instruction, use: PackageManagerUse, missing: CacheSpec[]): CacheMountPlan {
  const cmds = runCommands(inst);
  const script = inst.shell;
  if (!script || cmds.length === 0) return { fix: null, reason: 'not a shell-form RUN' };
  if (missing.some((c) => !c.target.startsWith('/') || /[\s,"'$]/.test(c.target))) return { fix: null, reason: 'the cache directory is not a plain absolute path' };
  if (use.manager === 'apt' && !refreshesIndexFirst(cmds, use)) {
    return { fix: null, reason: 'the package lists come from an earlier RUN; a mount on /var/lib/apt would hide them (merge the apt-get update first: DO104)' };
  }
  if (use.manager === 'apk' && !apkFetchesIndex(cmds, use)) {
    return { fix: null, reason: 'the package index comes from an earlier RUN; a mount on /var/cache/apk would hide it' };
  }

  const user = userAt(inst);
  let owner = '';
  if (!isRootUser(user)) {
    const ids = userIds(model, inst, user!);
    if (!ids) return { fix: null, reason: `the uid of user ${user} is not known, and the mount must belong to it` };
    const { home } = homeAt(model, inst);
    if (ids.home && ids.home.replace(/\/+$/, '') !== home.replace(/\/+$/, '') && missing.some((c) => c.target.startsWith(`${home}/`))) {
      return { fix: null, reason: `user ${user} has home ${ids.home}, not ${home}` };
    }
    owner = `,uid=${ids.uid}${ids.gid ? `,gid=${ids.gid}` : ''}`;
  }

  // apt keeps more than the package lists in /var/lib/apt: extended_states records which packages
  // were installed automatically (`apt-mark`, `autoremove` read it). Mounting only the lists keeps
  // that file in the image, where the original build left it, instead of in a shared cache.
  const mounts = missing.map((c) => ({ ...c, target: use.manager === 'apt' && c.target.replace(/\/+$/, '') === '/var/lib/apt' ? '/var/lib/apt/lists' : c.target }));
  const flags = mounts.map((c) => cacheMountFlag(c, owner));
  const edits: Edit[] = [];
  const notes: string[] = [];

  // apt: Debian images delete downloaded packages after every install (docker-clean); remove that
  // hook once, in the first RUN that gets the mount.
  let prefix = '';
  if (use.manager === 'apt') {
    // Once per stage chain: by an earlier RUN that has it, or that gets it from its own fix.
    const handled = [inst, ...priorRuns(inst)].some((r) => r.text.includes('docker-clean')) || priorRuns(inst).some((r) => aptFixPending(model, r));
    if (!handled) {
      prefix = 'rm -f /etc/apt/apt.conf.d/docker-clean';
      notes.push('remove docker-clean');
    }
  }
  const first = firstCommandOffset(script.text);
  const scriptStart = script.map[first];
  const heredocBody = inst.heredocs.some((h) => scriptStart >= h.contentStart && scriptStart <= h.contentEnd);
  if (prefix && !heredocBody && scriptStart === inst.argsStart && inst.flags.length === 0) {
    edits.push(insertRunFlags(model, inst, flags, `${prefix}; `));
  } else {
    edits.push(insertRunFlags(model, inst, flags));
    if (prefix) edits.push({ start: scriptStart, end: scriptStart, text: heredocBody ? `${prefix}${model.eol}` : `${prefix}; ` });
  }

  // Flags that turn the cache off, on every command of this tool in the RUN.
  const same = cmds.filter((c) => recognise(c)?.manager === use.manager);
  for (const c of same) {
    const u = recognise(c)!;
    if (use.manager === 'apk') {
      const off = findOption(u.command, ['--no-cache']);
      if (off && off.value === '--no-cache') {
        const fetches = findOption(u.command, ['-U', '--update-cache', '--update']);
        edits.push(fetches ? removeWord(model, off.start, off.end) : { start: off.start, end: off.end, text: '--update-cache' });
        notes.push(fetches ? 'drop --no-cache' : 'replace --no-cache with --update-cache');
      }
      continue;
    }
    for (const flag of CACHE_OFF[use.manager] ?? []) {
      const w = findOption(u.command, [flag]);
      if (w && (w.value === flag || w.value.startsWith(`${flag}=`))) {
        edits.push(removeWord(model, w.start, w.end));
        if (!notes.includes(`drop ${flag}`)) notes.push(`drop ${flag}`);
      }
    }
  }

  // Cleanup of the cache directories: the mount keeps them out of the image already, and `rm -rf`
  // of a mount point (or a directory above it) fails the build.
  const { home } = homeAt(model, inst);
  const targets = [...mounts.map((c) => c.target), ...inst.mounts.filter((m) => m.type === 'cache' && m.target).map((m) => m.target!)];
  const cleaner = CLEANERS[use.manager];
  cmds.forEach((c, i) => {
    if (c.wrappers.some((w) => w !== 'sudo')) return;
    const line = commandLine(c);
    if (cleaner?.test(line)) {
      const e = removeCommand(model, script, cmds, i);
      if (e) {
        edits.push(e);
        notes.push(`drop \`${line.split(' ').slice(0, 3).join(' ')}\``);
      }
      return;
    }
    if (c.name !== 'rm') return;
    const operands = positionals(c);
    const hits = operands.filter((w) => {
      const p = cleanupPath(w.value, home === '/' ? '' : home);
      return p !== null && p !== '/' && targets.some((t) => related(p, t));
    });
    if (hits.length === 0) return;
    if (hits.length === operands.length) {
      const e = removeCommand(model, script, cmds, i);
      if (e) {
        edits.push(e);
        notes.push(`drop \`rm ${hits.map((w) => w.value).join(' ')}\``);
      }
      return;
    }
    for (const w of hits) edits.push(removeWord(model, w.start, w.end));
    notes.push(`drop ${hits.map((w: ShellWord) => w.value).join(' ')} from rm`);
  });

  // Stores and indexes that other instructions read: the mount would hide what this RUN leaves
  // for later ones, or what earlier RUNs left for this one (it would download it all again).
  let applicability: 'safe' | 'unsafe' = 'safe';
  if (STORES.has(use.manager) || use.manager === 'apt' || use.manager === 'apk') {
    const reliance = laterReliance(model, inst, use.manager);
    const copied = STORES.has(use.manager) && inst.stage !== null && copiedFrom(model, inst.stage);
    const hidden = STORES.has(use.manager) && earlierUnmounted(model, inst, use.manager, missing);
    if (reliance || copied || hidden) applicability = 'unsafe';
  }

  const what = mounts.map((c) => c.target).join(' and ');
  const description = `Add a cache mount for ${what}${notes.length ? `; ${notes.join(', ')}` : ''}`;
  return { fix: { applicability, description, edits: dedupe(edits) } };
}

/** Offset in the script of its first command character (after blanks and comment lines). */
function firstCommandOffset(text: string): number {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text[i] !== '#') return Math.min(i, text.length);
    const nl = text.indexOf('\n', i);
    if (nl === -1) return text.length;
    i = nl + 1;
  }
}

/** Drop duplicate edits and fold an insertion into the edit that starts where it inserts. */
function dedupe(edits: Edit[]): Edit[] {
  const seen = new Set<string>();
  const unique = edits.filter((e) => {
    const k = `${e.start}:${e.end}:${e.text}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const out: Edit[] = [];
  for (const e of unique) {
    const other = out.find((o) => o.start === e.start && (o.start === o.end || e.start === e.end));
    if (!other) {
      out.push({ ...e });
      continue;
    }
    // The insertion goes first (flags before the command that follows the removed one).
    if (other.start === other.end) {
      other.end = e.end;
      other.text += e.text;
    } else {
      other.text = e.text + other.text;
    }
  }
  return out;
}

/** The fix for a cache mount that needs `sharing=locked`. */
export function lockedSharingFix(model: DockerfileModel, mount: { flag: { start: number; end: number; value: string | null; valueStart: number; valueEnd: number }; options: Record<string, string> }): Fix | null {
  const value = mount.flag.value;
  if (value === null) return null;
  const m = /(^|,)\s*sharing\s*=\s*[a-z]*/i.exec(value);
  const edit: Edit = m
    ? { start: mount.flag.valueStart + m.index + m[1].length, end: mount.flag.valueStart + m.index + m[0].length, text: 'sharing=locked' }
    : { start: mount.flag.valueEnd, end: mount.flag.valueEnd, text: ',sharing=locked' };
  if (model.text.slice(mount.flag.valueStart, mount.flag.valueEnd) !== value) return null;
  return { applicability: 'safe', description: 'Set sharing=locked on the cache mount', edits: [edit] };
}
