// The build's view of a context, over src/context/: the entries BuildKit sends (walkContext:
// .dockerignore / <Dockerfile>.dockerignore, symlinks never followed) and which of them a build
// reads (contextReads: COPY/ADD sources, --exclude, RUN bind mounts).
//
// Two things the hash needs that contextReads does not do by itself, added here without touching
// it: only the stages the build runs count (BuildKit skips the others), and build args override
// ARG defaults in source paths (`COPY $SRC .` with `--build-arg SRC=x` reads x). Both are done by
// giving contextReads a view of the model with those instructions and that variable lookup.
//
// And one thing walkContext does not offer: leaving out what no build reads. The hash needs the
// stats of the files a build reads, not of everything sent; the walk is given a file system view
// (its `fs` option) in which directories no read can reach look empty. In a monorepo whose images
// each copy a few directories of a large root context, that is most of the walk saved.
import * as nodeFs from 'node:fs';
import { realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { expandVariables, type DockerfileModel } from '../model.ts';
import { contextReads, type ContextReads } from '../context/reads.ts';
import { findIgnoreFile, walkContext, type ContextEntry as WalkedEntry, type WalkFs } from '../context/walk.ts';
import { variableWithBuildArgs, type Target } from './targets.ts';

export type ContextEntry = WalkedEntry;

export interface SentContext {
  /** Absolute context directory, symlinks resolved. */
  root: string;
  ignoreFile: string | null;
  /** What the engine receives, parents before children. */
  entries: ContextEntry[];
  /** The context directory itself (its mode reaches the image with `COPY . dest`). */
  rootEntry: ContextEntry;
  /** Subtrees handed out so far, by directory entry, and the whole context. */
  subtrees: Map<ContextEntry, Subtree>;
  whole?: Subtree;
}

/** Builds with the same context directory and ignore file receive the same entries: one walk serves them. */
export function sentContextKey(dir: string, dockerfile: string): string {
  return `${dir}\0${findIgnoreFile(dir, dockerfile) ?? ''}`;
}

/**
 * Walk a context as BuildKit sends it. With `reach` (path prefixes, see TargetReads), directories
 * none of them can reach are not entered: they are listed, their contents are not.
 */
export function sentContext(dir: string, dockerfile: string, reach: readonly string[] | null = null): SentContext {
  let fs: WalkFs | undefined;
  if (reach !== null) {
    const root = realpathSync(resolve(dir));
    const enter = (rel: string) => reach.some((p) => p === '' || p === rel || p.startsWith(`${rel}/`) || rel.startsWith(`${p}/`));
    fs = {
      readdirSync: (path, options) => (path === root || enter(path.slice(root.length + 1)) ? nodeFs.readdirSync(path, options) : []),
      lstatSync: (path) => nodeFs.lstatSync(path),
      readFileSync: (path, encoding) => nodeFs.readFileSync(path, encoding),
      realpathSync: (path) => nodeFs.realpathSync(path),
      existsSync: (path) => nodeFs.existsSync(path),
    };
  }
  const walk = walkContext(dir, { dockerfile, fs });
  const st = nodeFs.lstatSync(walk.root);
  return {
    root: walk.root,
    ignoreFile: walk.ignoreFile,
    entries: walk.files,
    rootEntry: { path: '.', type: 'dir', size: 0, mode: st.mode, mtimeMs: st.mtimeMs, ino: st.ino },
    subtrees: new Map(),
  };
}

/** What a target's build reads, known before any walk. */
export interface TargetReads {
  reads: ContextReads;
  /** Reads the whole context (also: FROM an image whose ONBUILD COPY/ADD reads it). */
  everything: boolean;
  /** Path prefixes below which every read lies ('' for the root). */
  prefixes: string[];
}

export function targetReads(target: Target, onbuildReadsContext: boolean): TargetReads {
  const reads = contextReads(buildView(target));
  return { reads, everything: onbuildReadsContext || reads.everything, prefixes: reads.reads.map((r) => literalPrefix(r.path)) };
}

/** The model as this target's build sees it: its stages only, build args in place of ARG defaults. */
function buildView(target: Target): DockerfileModel {
  const { model, args } = target;
  const instructions = target.stages.flatMap((s) => s.instructions);
  const variable = variableWithBuildArgs(model, args);
  return { ...model, instructions, variable, expand: (value, inst) => expandVariables(value, (name) => variable(name, inst)) };
}

/** A directory read as a whole: it and everything below it, in walk order. */
export interface Subtree {
  dir: ContextEntry;
  entries: readonly ContextEntry[];
}

export type ReadItem = ContextEntry | Subtree;

export const isSubtree = (item: ReadItem): item is Subtree => 'dir' in item;

/** Every entry of the items, in walk order. */
export function flattenReads(items: readonly ReadItem[]): ContextEntry[] {
  return items.flatMap((i) => (isSubtree(i) ? i.entries : [i]));
}

/**
 * The sent entries the build can read, directories read as a whole kept as subtrees (the hash
 * digests each once however many targets read it).
 */
export function readEntries({ reads, everything, prefixes }: TargetReads, sent: SentContext): ReadItem[] {
  if (everything) return [(sent.whole ??= { dir: sent.rootEntry, entries: [sent.rootEntry, ...sent.entries] })];
  // The walk lists a directory's entries right after it: a directory no read can reach is skipped,
  // one read as a whole is taken whole, without asking about each entry below it.
  const wholeDirs = reads.reads.every((r) => r.excludes.length === 0);
  const mayHoldReads = (dir: string) => prefixes.some((p) => p === '' || p === dir || p.startsWith(`${dir}/`) || dir.startsWith(`${p}/`));
  const { entries } = sent;
  const out: ReadItem[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (e.type === 'dir') {
      const whole = wholeDirs && reads.isRead(e.path);
      if (whole || !mayHoldReads(e.path)) {
        const below = `${e.path}/`;
        let end = i + 1;
        while (end < entries.length && entries[end].path.startsWith(below)) end++;
        if (whole) out.push(subtree(sent, i, end));
        i = end - 1;
        continue;
      }
    }
    if (reads.isRead(e.path)) out.push(e);
  }
  return out;
}

/** The same subtree object for every target reading it (the hash memoizes by it). */
function subtree(sent: SentContext, start: number, end: number): Subtree {
  const dir = sent.entries[start];
  let found = sent.subtrees.get(dir);
  if (!found) sent.subtrees.set(dir, (found = { dir, entries: sent.entries.slice(start, end) }));
  return found;
}

/** The path parts before the first wildcard ('' when the first part has one, or for the root). */
function literalPrefix(path: string): string {
  if (path === '.') return '';
  const parts = path.split('/');
  const first = parts.findIndex((p) => /[*?[\\]/.test(p));
  return (first === -1 ? parts : parts.slice(0, first)).join('/');
}
