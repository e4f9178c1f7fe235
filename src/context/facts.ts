// What rules may know about a Dockerfile's build context: the result of one walk (or a virtual
// listing, for docs and tests), sizes per directory, and the status of any path. Built by the lint
// layer once per context directory and ignore file, shared by all Dockerfiles using them; rules
// never touch the disk.
import type { ContextEntry, EntryType, WalkResult } from './walk.ts';
import { DockerIgnore, InvalidPatternError } from './ignore.ts';
import type { ContextReads } from './reads.ts';

export interface ContextLimits {
  /** Oversized context: more bytes than this (default 100 MB). */
  maxBytes: number;
  /** Oversized context: more files than this (default 10,000). */
  maxFiles: number;
  /** A path sent but never read is worth reporting from this size (default 10 MB). */
  largePathBytes: number;
}

export const DEFAULT_LIMITS: ContextLimits = { maxBytes: 100_000_000, maxFiles: 10_000, largePathBytes: 10_000_000 };

export interface TreeNode {
  path: string;
  name: string;
  type: EntryType;
  /** Bytes of the files below (or of the file itself). */
  size: number;
  /** Non-directory entries below (1 for a file). */
  files: number;
  children: TreeNode[];
}

export type PathStatus = 'sent' | 'excluded' | 'missing';

export interface UnusedPath {
  path: string;
  type: EntryType;
  size: number;
  files: number;
}

/** Directories that are never build inputs and are costly to send; `kind` explains them. */
const HEAVY_DIRS: Record<string, string> = {
  '.git': 'version control',
  '.hg': 'version control',
  '.svn': 'version control',
  node_modules: 'installed packages',
  bower_components: 'installed packages',
  '.venv': 'virtualenv',
  venv: 'virtualenv',
  '.tox': 'virtualenv',
  __pycache__: 'cache',
  '.pytest_cache': 'cache',
  '.mypy_cache': 'cache',
  '.ruff_cache': 'cache',
  '.cache': 'cache',
  '.gradle': 'cache',
  '.parcel-cache': 'cache',
  '.turbo': 'cache',
  '.terraform': 'cache',
  dist: 'build output',
  build: 'build output',
  target: 'build output',
  '.next': 'build output',
  '.nuxt': 'build output',
  coverage: 'build output',
  'cdk.out': 'build output',
};

export interface HeavyPath {
  path: string;
  type: EntryType;
  kind: string;
  size: number;
  files: number;
  /** The .dockerignore line that leaves it (and its siblings elsewhere in the tree) out. */
  suggestion: string;
}

export class BuildContext {
  private treeCache: TreeNode | null = null;
  private index: Map<string, ContextEntry> | null = null;
  private readonly fitsCache = new WeakMap<ContextReads, boolean>();

  constructor(
    /** Context directory as shown to people. */
    readonly dir: string,
    /** The walk, or null when the ignore file is invalid (nothing is known then). */
    readonly walk: Pick<WalkResult, 'files' | 'totalFiles' | 'totalBytes' | 'ignore'> | null,
    /** Ignore file applied, as shown, or null. */
    readonly ignoreFile: string | null,
    readonly limits: ContextLimits = DEFAULT_LIMITS,
    /** Why every build with this context fails (an invalid ignore pattern), or null. */
    readonly ignoreError: { file: string; line?: number; message: string } | null = null,
    /** Nobody said which directory the build uses: it is taken to be the Dockerfile's. */
    readonly inferred = false,
  ) {}

  /**
   * Whether this can be the Dockerfile's context. A context taken by default is doubted when the
   * Dockerfile reads paths and none of them is there (a `docker/Dockerfile` built from the
   * repository root): context rules then stay silent rather than report every COPY.
   */
  fits(reads: ContextReads): boolean {
    if (!this.inferred || reads.reads.length === 0 || reads.everything) return true;
    let fits = this.fitsCache.get(reads);
    if (fits === undefined) {
      const entries = this.walk?.files ?? [];
      fits = reads.reads.some((r) => (r.glob ? entries.some((e) => reads.covers(r, e.path)) : this.status(r.path) !== 'missing'));
      this.fitsCache.set(reads, fits);
    }
    return fits;
  }

  /** "the build context" (when it is the working directory) or "the build context DIR", for messages. */
  get label(): string {
    return this.dir === '.' ? 'the build context' : `the build context ${this.dir}`;
  }

  get totalFiles(): number {
    return this.walk?.totalFiles ?? 0;
  }

  get totalBytes(): number {
    return this.walk?.totalBytes ?? 0;
  }

  /** Whether the build receives `path` (clean, relative), .dockerignore leaves it out, or it does not exist. */
  status(path: string): PathStatus {
    if (path === '.' || path === '') return 'sent';
    this.index ??= new Map((this.walk?.files ?? []).map((e) => [e.path, e]));
    if (this.index.has(path)) return 'sent';
    return this.walk?.ignore?.excludes(path) ? 'excluded' : 'missing';
  }

  /** The context as a tree with sizes (computed once). */
  tree(): TreeNode {
    if (this.treeCache) return this.treeCache;
    const root: TreeNode = { path: '', name: '.', type: 'dir', size: 0, files: 0, children: [] };
    const dirs = new Map<string, TreeNode>([['', root]]);
    for (const e of this.walk?.files ?? []) {
      const slash = e.path.lastIndexOf('/');
      const parent = dirs.get(slash === -1 ? '' : e.path.slice(0, slash));
      if (!parent) continue;
      const node: TreeNode = { path: e.path, name: e.path.slice(slash + 1), type: e.type, size: e.type === 'dir' ? 0 : e.size, files: e.type === 'dir' ? 0 : 1, children: [] };
      parent.children.push(node);
      if (e.type === 'dir') dirs.set(e.path, node);
    }
    const sum = (n: TreeNode) => {
      for (const c of n.children) {
        if (c.type === 'dir') sum(c);
        n.size += c.size;
        n.files += c.files;
      }
    };
    sum(root);
    this.treeCache = root;
    return root;
  }

  /** The largest top-level entries, largest first. */
  largest(limit: number): TreeNode[] {
    return [...this.tree().children].sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1)).slice(0, limit);
  }

  /** Unused bytes, and the largest paths no read covers (whole directories where possible). */
  unused(reads: ContextReads, minBytes = this.limits.largePathBytes): { bytes: number; files: number; paths: UnusedPath[] } {
    if (reads.everything) return { bytes: 0, files: 0, paths: [] };
    const paths: UnusedPath[] = [];
    let bytes = 0;
    let files = 0;
    // Returns whether anything below is read.
    const visit = (n: TreeNode): { read: boolean; bytes: number; files: number } => {
      if (n.type !== 'dir') {
        const read = reads.isRead(n.path);
        return { read, bytes: read ? 0 : n.size, files: read ? 0 : 1 };
      }
      let anyRead = false;
      let b = 0;
      let f = 0;
      const unreadChildren: TreeNode[] = [];
      for (const c of n.children) {
        const r = visit(c);
        anyRead ||= r.read;
        b += r.bytes;
        f += r.files;
        if (!r.read) unreadChildren.push(c);
      }
      if (anyRead || n.path === '') {
        for (const c of unreadChildren) if (c.size >= minBytes && c.size > 0) paths.push({ path: c.path, type: c.type, size: c.size, files: c.files });
      }
      return { read: anyRead, bytes: b, files: f };
    };
    const r = visit(this.tree());
    bytes = r.bytes;
    files = r.files;
    paths.sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1));
    return { bytes, files, paths };
  }

  /** Version-control data, installed packages, virtualenvs, caches and build outputs sent, outermost only. */
  heavyPaths(): HeavyPath[] {
    const out: HeavyPath[] = [];
    const visit = (n: TreeNode) => {
      for (const c of n.children) {
        let kind = heavyKind(c);
        // `src/build/` is usually code: build outputs count at the top or next to a project manifest.
        if (kind === 'build output' && n.path !== '' && !n.children.some((s) => MANIFESTS.has(s.name))) kind = null;
        if (kind) {
          const nested = c.path.includes('/');
          out.push({ path: c.path, type: c.type, kind, size: c.size, files: c.files, suggestion: nested ? `**/${c.name}` : c.name });
        } else if (c.type === 'dir') visit(c);
      }
    };
    visit(this.tree());
    return out.sort((a, b) => b.size - a.size || (a.path < b.path ? -1 : 1));
  }
}

const MANIFESTS = new Set(['package.json', 'pom.xml', 'build.gradle', 'build.gradle.kts', 'Cargo.toml', 'pyproject.toml', 'setup.py', 'go.mod', 'composer.json', 'Gemfile', 'mix.exs', 'angular.json']);

function heavyKind(n: TreeNode): string | null {
  if (n.name === '.git') return HEAVY_DIRS['.git']; // a worktree's .git is a file
  if (n.type !== 'dir') return null;
  if (n.name === 'env' && n.children.some((c) => c.name === 'pyvenv.cfg')) return 'virtualenv';
  return Object.hasOwn(HEAVY_DIRS, n.name) ? HEAVY_DIRS[n.name] : null;
}

/**
 * A context described by a listing (path: file content, or a size in bytes) instead of a directory:
 * for rule docs and tests. A `.dockerignore` in the listing is applied as BuildKit would.
 */
export function virtualBuildContext(listing: Record<string, string | number>, limits: ContextLimits = DEFAULT_LIMITS, dir = '.'): BuildContext {
  const ignoreText = listing['.dockerignore'];
  let ignore: DockerIgnore | null = null;
  if (typeof ignoreText === 'string') {
    try {
      ignore = DockerIgnore.parse(ignoreText);
    } catch (err) {
      if (!(err instanceof InvalidPatternError)) throw err;
      return new BuildContext(dir, null, '.dockerignore', limits, { file: '.dockerignore', line: err.line, message: err.message });
    }
  }
  const all = new Map<string, ContextEntry>();
  let ino = 1;
  for (const [path, content] of Object.entries(listing)) {
    const parts = path.split('/');
    for (let k = 1; k < parts.length; k++) {
      const d = parts.slice(0, k).join('/');
      if (!all.has(d)) all.set(d, { path: d, type: 'dir', size: 0, mode: 0o40755, mtimeMs: 0, ino: ino++ });
    }
    const size = typeof content === 'number' ? content : Buffer.byteLength(content);
    all.set(path, { path, type: 'file', size, mode: 0o100644, mtimeMs: 0, ino: ino++ });
  }
  const sorted = [...all.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  const files = ignore && ignore.patterns.length ? sorted.filter((e) => !ignore.excludes(e.path, e.type === 'dir')) : sorted;
  const nonDirs = files.filter((e) => e.type !== 'dir');
  return new BuildContext(
    dir,
    { files, totalFiles: nonDirs.length, totalBytes: nonDirs.reduce((n, e) => n + e.size, 0), ignore: ignore && ignore.patterns.length ? ignore : null },
    typeof ignoreText === 'string' ? '.dockerignore' : null,
    limits,
  );
}

/** 1234567 → "1.2 MB" (decimal units, as docker prints them). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let v = n;
  let u = -1;
  do {
    v /= 1000;
    u++;
  } while (v >= 1000 && u < units.length - 1);
  return `${v >= 100 ? v.toFixed(0) : v.toFixed(1)} ${units[u]}`;
}
