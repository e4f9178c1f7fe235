// Which context paths a Dockerfile reads: the sources of COPY/ADD without --from (heredocs and
// URLs left out, --exclude honoured, variables resolved where their value is known) and RUN bind
// mounts without `from`. A source names a path relative to the context root (`..` cannot leave
// it); a directory is read with everything below it. Wildcards follow Go's filepath.Match, one
// path part at a time, as BuildKit's copy does (`**` is just `*`).
import picomatch from 'picomatch';
import type { DockerfileModel, Instruction } from '../model.ts';
import { expandVariables } from '../model.ts';
import { copyOperands } from '../rule-helpers.ts';
import { cleanPath, DockerIgnore } from './ignore.ts';

export interface ContextRead {
  instruction: Instruction;
  kind: 'COPY' | 'ADD' | 'mount';
  /** The operand as written, with its offsets (the whole argument list for JSON form). */
  source: { value: string; start: number; end: number };
  /** Path relative to the context root ('.' for the root), variables resolved; may hold wildcards. */
  path: string;
  /** Whether `path` holds wildcards (`*`, `?`, `[`). */
  glob: boolean;
  /** A variable's value is unknown: the read covers everything below `path`, which stops before it. */
  unresolved: boolean;
  /** `--exclude` patterns (COPY/ADD). */
  excludes: string[];
}

export interface ContextReads {
  reads: ContextRead[];
  /** Some read covers the whole context (`COPY . .`, a bind mount of the root, an unknown variable). */
  everything: boolean;
  /** Whether some read covers this path (a file, or a directory read as a whole). */
  isRead(path: string): boolean;
  /** Whether a read other than of the whole context covers this path (`COPY dist/ ...` for `dist`). */
  isReadByName(path: string): boolean;
  /** Whether this read covers the path. */
  covers(read: ContextRead, path: string): boolean;
}

const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;
const GLOB = /[*?[]/;
// Marks where an unknown variable was: its value may hold anything, `/` included.
const UNKNOWN = '\u0000';

/** filepath.Match for one path part, through picomatch set up to agree with it. */
function partMatcher(part: string): (name: string) => boolean {
  if (!GLOB.test(part)) {
    const literal = part.replace(/\\(.)/g, '$1');
    return (name) => name === literal;
  }
  // picomatch reads `(`, `)` as groups and `[!` as negation; Go's filepath.Match does not.
  const glob = part.replace(/\\.|\[!|[()]/g, (m) => (m === '[!' ? '[\\!' : m.length === 1 ? `\\${m}` : m));
  const re = picomatch.makeRe(glob, { dot: true, nobrace: true, noextglob: true, noglobstar: true, nonegate: true });
  return (name) => re.test(name);
}

interface CompiledRead {
  parts: ((name: string) => boolean)[];
  excludes: DockerIgnore | null;
}

const memo = new WeakMap<DockerfileModel, ContextReads>();

/** The context reads of a Dockerfile (computed once per model). */
export function contextReads(model: DockerfileModel): ContextReads {
  const cached = memo.get(model);
  if (cached) return cached;
  const reads: ContextRead[] = [];
  for (const inst of model.instructions) {
    if (inst.keyword === 'COPY' || inst.keyword === 'ADD') {
      if (inst.flag('from')) continue;
      const excludes = inst.flags.filter((f) => f.name === 'exclude' && f.value).map((f) => resolveValue(model, inst, f.value!).replaceAll(UNKNOWN, '*'));
      for (const s of copyOperands(inst).sources) {
        if (REMOTE.test(s.value)) continue;
        reads.push({ instruction: inst, kind: inst.keyword, source: s, excludes, ...sourcePath(resolveValue(model, inst, s.value)) });
      }
    } else if (inst.keyword === 'RUN') {
      for (const m of inst.mounts) {
        if (m.type !== 'bind' || m.options.from) continue;
        const value = m.options.source ?? m.options.src ?? '.';
        const { flag } = m;
        reads.push({ instruction: inst, kind: 'mount', source: { value, start: flag.start, end: flag.end }, excludes: [], ...sourcePath(resolveValue(model, inst, value)) });
      }
    }
  }
  const result = buildReads(reads);
  memo.set(model, result);
  return result;
}

function resolveValue(model: DockerfileModel, inst: Instruction, value: string): string {
  if (!value.includes('$')) return value;
  return expandVariables(value, (name) => model.variable(name, inst) ?? UNKNOWN) ?? UNKNOWN;
}

/** Clean a source the way BuildKit does (relative to the context root) and cut it at an unknown variable. */
function sourcePath(value: string): { path: string; glob: boolean; unresolved: boolean } {
  let path = cleanPath(`/${value}`).slice(1) || '.';
  let unresolved = false;
  const unknown = path.indexOf(UNKNOWN);
  if (unknown !== -1) {
    unresolved = true;
    const cut = path.lastIndexOf('/', unknown);
    path = cut === -1 ? '.' : path.slice(0, cut);
  }
  return { path, glob: GLOB.test(path), unresolved };
}

function buildReads(reads: ContextRead[]): ContextReads {
  const everything = reads.some((r) => r.path === '.' && r.excludes.length === 0);
  const compiled = new Map<ContextRead, CompiledRead>(
    reads.map((r) => [r, { parts: r.path === '.' ? [] : r.path.split('/').map(partMatcher), excludes: r.excludes.length ? safeIgnore(r.excludes) : null }]),
  );
  const coversParts = (c: CompiledRead, parts: string[]): boolean => {
    if (parts.length < c.parts.length) return false;
    for (let k = 0; k < c.parts.length; k++) if (!c.parts[k](parts[k])) return false;
    if (c.excludes && parts.length > 0) {
      // --exclude patterns apply below each source match; a matched file by its own name.
      const rel = parts.length === c.parts.length ? parts[parts.length - 1] : parts.slice(c.parts.length).join('/');
      if (c.excludes.matches(rel)) return false;
    }
    return true;
  };
  const anyCovers = (path: string, byName: boolean): boolean => {
    const parts = path.split('/');
    for (const [r, c] of compiled) if (!(byName && r.path === '.') && coversParts(c, parts)) return true;
    return false;
  };
  return {
    reads,
    everything,
    isRead: (path) => everything || anyCovers(path, false),
    isReadByName: (path) => anyCovers(path, true),
    covers: (read, path) => coversParts(compiled.get(read)!, path.split('/')),
  };
}

/** Where a finding about the context as a whole goes: the instruction reading all of it, else the first read, else the first instruction. */
export function contextAnchor(model: DockerfileModel): Instruction | null {
  const { reads } = contextReads(model);
  return reads.find((r) => r.path === '.')?.instruction ?? reads[0]?.instruction ?? model.instructions[0] ?? null;
}

function safeIgnore(patterns: string[]): DockerIgnore | null {
  try {
    return DockerIgnore.parse(patterns.join('\n'));
  } catch {
    return null; // an invalid --exclude fails the build; the read is then taken as a whole
  }
}
