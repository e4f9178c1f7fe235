// Content digests of context files, remembered across runs under .dockopt/file-digests/ (one file
// per context directory) keyed by path, size, mtime and inode, so a warm hash reads no unchanged
// file and costs little more than the directory walk.
//
// Entries are kept in the walker's order (names compared per directory, parents first), the order
// in which a build's reads arrive: a lookup is a step of a merge, not a hash-map probe, and loading
// 100,000 entries is one read and one split.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../write.ts';

const HEADER = 'dockopt-file-digests 2';
/**
 * A file modified within this window of the hash may still change without its mtime moving (the
 * clock ticks coarsely); such entries are not remembered, and are read again next time.
 */
const RACY_MS = 2000;
const CHUNK = 1 << 20;
const TAB = 9;
const SLASH = 47;
/** Paths the line format cannot hold are simply not remembered. */
const UNSTORABLE = /[\t\n\r]/;

export interface FileIdentity {
  size: number;
  mtimeMs: number;
  ino: number;
}

/** The walker's order: like comparing strings, except that `/` sorts before every other character. */
export function compareWalkOrder(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      if (x === SLASH) return -1;
      if (y === SLASH) return 1;
      return x - y;
    }
  }
  return a.length - b.length;
}

/** The digests remembered for one context directory. */
class ContextDigests {
  /**
   * Remembered entries, one per line (`path\tino\tsize\tmtimeMs\tdigest`) in walk order, after the
   * header. Kept as one string and read in place: no line is cut out unless it is needed.
   */
  private readonly text: string = '';
  private readonly start: number = 0;
  /** What this run learned: a new line, or null to forget the path. */
  readonly updates = new Map<string, string | null>();

  constructor(
    readonly file: string | null,
    private readonly owner: FileDigests,
  ) {
    if (!file) return;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return;
    }
    if (!text.startsWith(`${HEADER}\n`)) return;
    this.text = text;
    this.start = HEADER.length + 1;
  }

  /** A reader for one build's files, which must come in walk order. */
  cursor(root: string): (relPath: string, id: FileIdentity) => string {
    const { text } = this;
    let at = this.start;
    /** The remembered digest, if the line for this path (ahead of the cursor) has the same identity. */
    const remembered = (relPath: string, id: FileIdentity): string | undefined => {
      while (at < text.length) {
        const end = text.indexOf('\n', at);
        const lineEnd = end === -1 ? text.length : end;
        if (text.charCodeAt(at + relPath.length) === TAB && text.startsWith(relPath, at)) {
          const known = `${id.ino}\t${id.size}\t${id.mtimeMs}\t`;
          const from = at + relPath.length + 1;
          const same = text.startsWith(known, from) && lineEnd - from === known.length + 64;
          return same ? text.slice(lineEnd - 64, lineEnd) : undefined;
        }
        if (compareWalkOrder(text.slice(at, text.indexOf('\t', at)), relPath) > 0) return undefined;
        at = lineEnd + 1;
      }
      return undefined;
    };
    return (relPath, id) => remembered(relPath, id) ?? this.learn(relPath, `${root}/${relPath}`, id);
  }

  private learn(relPath: string, absPath: string, id: FileIdentity): string {
    const digest = digestFile(absPath);
    this.owner.reads++;
    const storable = id.mtimeMs < this.owner.startedAt - RACY_MS && !UNSTORABLE.test(relPath);
    this.updates.set(relPath, storable ? `${relPath}\t${id.ino}\t${id.size}\t${id.mtimeMs}\t${digest}` : null);
    return digest;
  }

  /** Write the remembered entries with this run's updates merged in (walk order kept). */
  save(): void {
    if (!this.file || this.updates.size === 0) return;
    const lines = this.text.slice(this.start).split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    const added = [...this.updates.keys()].filter((p) => this.updates.get(p) !== null);
    added.sort(compareWalkOrder);
    const out: string[] = [HEADER];
    let i = 0;
    for (const line of lines) {
      const path = line.slice(0, line.indexOf('\t'));
      while (i < added.length && compareWalkOrder(added[i], path) < 0) out.push(this.updates.get(added[i++])!);
      if (!this.updates.has(path)) out.push(line);
    }
    while (i < added.length) out.push(this.updates.get(added[i++])!);
    writeFileAtomic(this.file, `${out.join('\n')}\n`);
  }
}

export class FileDigests {
  private readonly contexts = new Map<string, ContextDigests>();
  readonly startedAt = Date.now();
  /** Files read in this run (for benchmarks and tests). */
  reads = 0;

  private constructor(private readonly dir: string | null) {}

  /** The cache under `dir` (a missing or unreadable one is empty); null keeps it in memory only. */
  static open(dir: string | null): FileDigests {
    return new FileDigests(dir);
  }

  /** A digest function for the files of one build (paths relative to `root`), called in walk order. */
  reader(root: string): (relPath: string, id: FileIdentity) => string {
    let context = this.contexts.get(root);
    if (!context) {
      const file = this.dir ? join(this.dir, createHash('sha256').update(root).digest('hex').slice(0, 16)) : null;
      context = new ContextDigests(file, this);
      this.contexts.set(root, context);
    }
    return context.cursor(root);
  }

  /** Write what was learned. */
  save(): void {
    if (this.dir && [...this.contexts.values()].some((c) => c.updates.size > 0)) {
      // Not a directory (a cache of an older layout, or anything else): replace it.
      if (existsSync(this.dir) && !statSync(this.dir).isDirectory()) rmSync(this.dir, { force: true });
      mkdirSync(this.dir, { recursive: true });
    }
    for (const c of this.contexts.values()) c.save();
  }
}

/** sha256 (hex) of a file, read in chunks so large files do not fill memory. */
function digestFile(path: string): string {
  const hash = createHash('sha256');
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      hash.update(n === CHUNK ? buf : buf.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
