// The data behind `dockopt context`: what a build context sends, what .dockerignore leaves out,
// what the Dockerfile never reads, the largest paths and the .dockerignore lines worth adding.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inputError } from '../errors.ts';
import { displayPath, isDirectory, readDockerfile } from '../files.ts';
import { parseDockerfile } from '../model.ts';
import { BuildContext, DEFAULT_LIMITS, type ContextLimits, type TreeNode } from './facts.ts';
import { contextReads, type ContextReads } from './reads.ts';
import { walkContext, type EntryType, type WalkProblem, type WalkResult } from './walk.ts';

export interface LargestPath {
  path: string;
  type: EntryType;
  size: number;
  files: number;
  /** No COPY/ADD/bind mount reads anything in it (false when no Dockerfile is known). */
  unused: boolean;
}

/** The JSON form of `dockopt context`. */
export interface ContextReportJson {
  context: string;
  dockerfile: string | null;
  ignoreFile: string | null;
  totalFiles: number;
  totalBytes: number;
  ignoredFiles: number;
  ignoredBytes: number;
  /** Bytes sent that the Dockerfile never reads; null without a Dockerfile. */
  unusedBytes: number | null;
  files: { path: string; type: EntryType; size: number }[];
  largest: LargestPath[];
}

export interface Suggestion {
  /** The .dockerignore line. */
  line: string;
  size: number;
  reason: string;
}

export interface ContextAnalysis {
  json: ContextReportJson;
  /** Bytes and files the Dockerfile reads (what BuildKit actually transfers); null without a Dockerfile. */
  readBytes: number | null;
  readFiles: number | null;
  unusedFiles: number | null;
  /** Tree depth of each `largest` entry (1 = top level). */
  depths: number[];
  suggestions: Suggestion[];
  unreadable: WalkProblem[];
  skipped: WalkProblem[];
}

export interface AnalyzeOptions {
  /** The Dockerfile (default: DIR/Dockerfile when it exists). */
  dockerfile?: string;
  cwd?: string;
  limits?: Partial<ContextLimits>;
}

/** Order of UTF-8 bytes (code points), as `LC_ALL=C sort` and Go order paths. */
export function compareBytewise(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      // Surrogates stand for code points above U+FFFF: after U+E000..U+FFFF.
      x = x <= 0xdfff ? x + 0x2000 : x - 0x800;
      y = y <= 0xdfff ? y + 0x2000 : y - 0x800;
    }
    return x - y;
  }
  return a.length - b.length;
}

/** Analyze a build context for `dockopt context`. */
export function analyzeContext(dir: string, options: AnalyzeOptions = {}): ContextAnalysis {
  const cwd = resolve(options.cwd ?? process.cwd());
  const root = resolve(cwd, dir);
  if (!isDirectory(root)) throw inputError(dir, existsSync(root) ? 'not a directory' : 'no such directory');
  let dockerfile: string | null = options.dockerfile ? resolve(cwd, options.dockerfile) : join(root, 'Dockerfile');
  if (!existsSync(dockerfile)) {
    if (options.dockerfile) throw inputError(options.dockerfile, 'no such file');
    dockerfile = null;
  }
  let reads: ContextReads | null = null;
  if (dockerfile) {
    const read = readDockerfile(dockerfile);
    if ('error' in read) throw inputError(displayPath(cwd, dockerfile), read.error);
    reads = contextReads(parseDockerfile(read.text, displayPath(cwd, dockerfile)));
  }
  const walk: WalkResult = walkContext(root, { dockerfile: dockerfile ?? undefined, measureExcluded: true });
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const ctx = new BuildContext(displayPath(cwd, root), walk, walk.ignoreFile ? displayPath(cwd, walk.ignoreFile) : null, limits);
  const tree = ctx.tree();

  // Bytes and files read below each node.
  const readBytes = new Map<TreeNode, number>();
  const readFiles = new Map<TreeNode, number>();
  const sumReads = (n: TreeNode): void => {
    let b = 0;
    let f = 0;
    if (n.type !== 'dir') {
      if (reads!.isRead(n.path)) {
        b = n.size;
        f = 1;
      }
    } else {
      for (const c of n.children) {
        sumReads(c);
        b += readBytes.get(c)!;
        f += readFiles.get(c)!;
      }
    }
    readBytes.set(n, b);
    readFiles.set(n, f);
  };
  if (reads) sumReads(tree);
  const isUnused = (n: TreeNode) => reads !== null && readFiles.get(n) === 0 && n.size > 0;

  // The ncdu view: the largest top-level entries, and inside the big directories their largest entries.
  const largest: LargestPath[] = [];
  const depths: number[] = [];
  const bySize = (a: TreeNode, b: TreeNode) => b.size - a.size || compareBytewise(a.path, b.path);
  const expand = (n: TreeNode, depth: number, limit: number) => {
    for (const c of [...n.children].sort(bySize).slice(0, limit)) {
      if (c.size === 0 && c.files === 0) continue;
      largest.push({ path: c.path, type: c.type, size: c.size, files: c.files, unused: isUnused(c) });
      depths.push(depth);
      if (c.type === 'dir' && depth < 3 && c.size * 10 >= tree.size && c.size > 0) expand(c, depth + 1, 5);
    }
  };
  expand(tree, 1, 10);

  // Suggestions: what is never a build input, and large paths nothing reads.
  const suggestions: Suggestion[] = [];
  const seen = new Set<string>();
  const add = (line: string, size: number, reason: string) => {
    if (seen.has(line)) return;
    seen.add(line);
    suggestions.push({ line, size, reason });
  };
  for (const h of ctx.heavyPaths()) if (!reads?.isReadByName(h.path)) add(h.suggestion, h.size, h.kind);
  if (reads) {
    const min = Math.max(100_000, Math.min(limits.largePathBytes, tree.size / 20));
    for (const u of ctx.unused(reads, min).paths) add(u.path, u.size, 'never read by the Dockerfile');
  }
  suggestions.sort((a, b) => b.size - a.size || compareBytewise(a.line, b.line));

  const files = walk.files.map((e) => ({ path: e.path, type: e.type, size: e.size })).sort((a, b) => compareBytewise(a.path, b.path));
  const json: ContextReportJson = {
    context: ctx.dir,
    dockerfile: dockerfile ? displayPath(cwd, dockerfile) : null,
    ignoreFile: ctx.ignoreFile,
    totalFiles: walk.totalFiles,
    totalBytes: walk.totalBytes,
    ignoredFiles: walk.excludedFiles ?? 0,
    ignoredBytes: walk.excludedBytes ?? 0,
    unusedBytes: reads ? walk.totalBytes - readBytes.get(tree)! : null,
    files,
    largest,
  };
  return {
    json,
    readBytes: reads ? readBytes.get(tree)! : null,
    readFiles: reads ? readFiles.get(tree)! : null,
    unusedFiles: reads ? walk.totalFiles - readFiles.get(tree)! : null,
    depths,
    suggestions,
    unreadable: walk.unreadable,
    skipped: walk.skipped,
  };
}
