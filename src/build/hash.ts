// The build hash: everything a build can read and nothing else. Dockerfile bytes (as given to the
// builder), the context entries it sends and reads (paths, types, modes, contents; symlinks as
// links), effective build args, target stage, platform, the hashes of the targets it builds on, and
// the format version. Two builds with the same hash produce the same image, so one can be skipped.
import { createHash } from 'node:crypto';
import { readlinkSync } from 'node:fs';
import type { FileDigests } from './file-digests.ts';
import { isSubtree, type ContextEntry, type ReadItem, type Subtree } from './context-files.ts';

/** Bump when what the hash covers changes: old hashes then never match. */
const HASH_FORMAT = 1;

export interface BuildInputs {
  /** The Dockerfile text as given to the builder. */
  dockerfileText: string;
  /** Effective build args. */
  args: Record<string, string>;
  /** Context root, and the sent entries the build reads, in walk order. */
  contextRoot: string;
  reads: readonly ReadItem[];
}

/** Digests of each part of the hash, so a rebuild can say what changed. */
export interface HashParts {
  dockerfile: string;
  /** Target stage and platform (the configured one, or the engine's default). */
  settings: string;
  args: string;
  /** Dependency target name -> its hash. */
  dependencies: Record<string, string>;
  context: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The parts that need no engine: Dockerfile, build args, context. */
export function inputParts(input: BuildInputs, digests: FileDigests): Pick<HashParts, 'dockerfile' | 'args' | 'context'> {
  const args = Object.keys(input.args)
    .sort()
    .map((k) => `${JSON.stringify(k)}=${JSON.stringify(input.args[k])}\n`)
    .join('');
  return {
    dockerfile: sha256(input.dockerfileText),
    args: sha256(args),
    context: contextDigest(input.contextRoot, input.reads, digests),
  };
}

export function settingsPart(target: string | null, platform: string): string {
  return sha256(`target ${JSON.stringify(target ?? '')}\nplatform ${JSON.stringify(platform)}\n`);
}

export function combineHash(parts: HashParts): string {
  const lines = [
    `dockopt-build-hash ${HASH_FORMAT}`,
    `dockerfile ${parts.dockerfile}`,
    `settings ${parts.settings}`,
    `args ${parts.args}`,
    ...Object.entries(parts.dependencies).map(([k, v]) => `dependency ${JSON.stringify(k)} ${v}`),
    `context ${parts.context}`,
  ];
  return sha256(`${lines.join('\n')}\n`);
}

/**
 * One digest over the entries' paths, types, modes and contents (symlinks as their target text),
 * in the walker's order (deterministic for a given tree). NUL separates fields: no path holds one.
 * A directory read as a whole enters as the digest of its subtree, computed once per run.
 */
function contextDigest(contextRoot: string, reads: readonly ReadItem[], digests: FileDigests): string {
  const digest = digests.reader(contextRoot);
  const line = entryLine(contextRoot, digest);
  return digestLines(reads, (item) => (isSubtree(item) ? `${item.dir.path}\0subtree\0${subtreeDigest(item, line)}\0` : line(item)));
}

const subtreeDigests = new WeakMap<Subtree, string>();

function subtreeDigest(tree: Subtree, line: (e: ContextEntry) => string): string {
  let known = subtreeDigests.get(tree);
  if (known === undefined) subtreeDigests.set(tree, (known = digestLines(tree.entries, line)));
  return known;
}

/** sha256 (hex) of the items' lines, in order. */
function digestLines<T>(items: readonly T[], line: (item: T) => string): string {
  const hash = createHash('sha256');
  let chunk = '';
  for (const item of items) {
    chunk += line(item);
    // Batched: one update per ~64 KiB keeps 100,000 entries cheap.
    if (chunk.length > 65536) {
      hash.update(chunk);
      chunk = '';
    }
  }
  hash.update(chunk);
  return hash.digest('hex');
}

/** `path NUL type mode NUL content NUL` for one entry. */
function entryLine(contextRoot: string, digest: (relPath: string, id: ContextEntry) => string): (e: ContextEntry) => string {
  const modes = new Map<number, string>();
  return (e) => {
    let content = '-';
    try {
      // Sockets and devices arrive as empty files: never read them.
      if (e.type === 'file') content = (e.mode & 0o170000) === 0o100000 ? digest(e.path, e) : 'empty';
      else if (e.type === 'symlink') content = readlinkSync(e.path === '.' ? contextRoot : `${contextRoot}/${e.path}`);
    } catch (err) {
      // The build fails on it too; the hash just must not match an earlier one.
      content = `unreadable ${(err as NodeJS.ErrnoException).code ?? 'error'}`;
    }
    let mode = modes.get(e.mode);
    if (mode === undefined) modes.set(e.mode, (mode = `${e.type} ${(e.mode & 0o7777).toString(8)}`));
    return `${e.path}\0${mode}\0${content}\0`;
  };
}

/** `<repository>:dockopt-<first 12 hex digits>` */
export function hashTag(repository: string, hash: string): string {
  return `${repository}:dockopt-${hash.slice(0, 12)}`;
}
