// Finding Dockerfiles on disk and reading them safely (missing, binary, non-UTF-8 and directory
// inputs become one-line errors, never exceptions), and showing their paths to people.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

/** Dockerfile, Dockerfile.*, *.Dockerfile, *.dockerfile, Containerfile, Containerfile.* (ignore files excluded). */
function isDockerfileName(name: string): boolean {
  if (/\.dockerignore$/i.test(name) || /\.containerignore$/i.test(name)) return false;
  return /^(Dockerfile|Containerfile)(\..+)?$/.test(name) || /\.(Dockerfile|dockerfile)$/.test(name);
}

/** Directories that never hold a project's own Dockerfiles and are expensive to walk. */
const SKIPPED_DIRS = new Set(['.git', '.hg', '.svn', 'node_modules', '.venv', 'venv', '.tox', '__pycache__', '.mypy_cache', '.pytest_cache', '.ruff_cache', '.dockopt', 'cdk.out', '.terraform', '.pulumi']);

/**
 * Files under `root` (sorted, depth-first), skipping SKIPPED_DIRS and what `skip` rejects.
 * Unreadable directories are skipped: discovery is best effort, reading a chosen file is not.
 */
export function walkFiles(root: string, skip: (absPath: string, isDir: boolean) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_DIRS.has(e.name) && !skip(p, true)) walk(p);
      } else if ((e.isFile() || e.isSymbolicLink()) && !skip(p, false)) out.push(p);
    }
  };
  walk(resolve(root));
  return out;
}

export function findDockerfiles(root: string, ignored: (absPath: string) => boolean = () => false): string[] {
  return walkFiles(root, (p, isDir) => (isDir ? false : !isDockerfileName(basename(p))) || ignored(p));
}

/** A path as shown to people: relative to `cwd` (with `/`) when inside it, else absolute. */
export function displayPath(cwd: string, abs: string): string {
  const rel = relative(cwd, abs);
  if (rel === '') return '.';
  return !rel.startsWith('..') && !rel.startsWith(sep) ? rel.split(sep).join('/') : abs;
}

export function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export type Input = { kind: 'file'; path: string } | { kind: 'stdin'; path: string } | { kind: 'error'; path: string; error: string };

const GLOB_CHARS = /[*?[\]{}!]/;

/**
 * Expand command-line operands: files as given, directories searched, globs matched against the
 * Dockerfiles and other files under the working directory, `-` for standard input.
 */
export function expandInputs(operands: string[], cwd: string, ignored: (absPath: string) => boolean, stdinName = 'Dockerfile'): Input[] {
  if (operands.length === 0) return findDockerfiles(cwd, ignored).map((path) => ({ kind: 'file', path }));
  const out: Input[] = [];
  const seen = new Set<string>();
  // Glob operands match against one walk of the working directory, made on first need.
  let cwdFiles: string[] | null = null;
  const add = (input: Input) => {
    const key = `${input.kind}:${input.path}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(input);
    }
  };
  for (const op of operands) {
    if (op === '-') {
      add({ kind: 'stdin', path: stdinName });
      continue;
    }
    const abs = resolve(cwd, op);
    let st;
    try {
      st = statSync(abs);
    } catch {
      st = null;
    }
    if (st?.isDirectory()) {
      const found = findDockerfiles(abs, ignored);
      if (found.length === 0) add({ kind: 'error', path: op, error: 'is a directory with no Dockerfile in it' });
      for (const f of found) add({ kind: 'file', path: f });
      continue;
    }
    if (st) {
      add({ kind: 'file', path: abs });
      continue;
    }
    if (GLOB_CHARS.test(op)) {
      const isMatch = picomatch(op.split(sep).join('/'), { dot: true });
      const matches = (cwdFiles ??= walkFiles(cwd)).filter((f) => isMatch(relative(cwd, f).split(sep).join('/')) && !ignored(f));
      if (matches.length === 0) add({ kind: 'error', path: op, error: 'no files match this pattern' });
      for (const f of matches) add({ kind: 'file', path: f });
      continue;
    }
    add({ kind: 'error', path: op, error: 'no such file or directory' });
  }
  return out;
}

/**
 * Read one input as lint and fix do: the path to show, the absolute path (null for standard input
 * and inputs that name nothing), and the text or why there is none.
 */
export function readInput(input: Input, cwd: string, stdin: string | undefined): { path: string; absolutePath: string | null } & ({ text: string } | { error: string }) {
  if (input.kind === 'error') return { path: input.path, absolutePath: null, error: input.error };
  if (input.kind === 'stdin') return { path: input.path, absolutePath: null, text: stdin ?? '' };
  return { path: displayPath(cwd, input.path), absolutePath: input.path, ...readDockerfile(input.path) };
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decode file bytes as a Dockerfile, or explain in one line why it is not one. */
export function decodeDockerfile(bytes: Uint8Array): { text: string } | { error: string } {
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { error: 'is a binary file, not a Dockerfile' };
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    let offset = 0;
    for (let lo = 0, hi = bytes.length; lo < hi; ) {
      const mid = (lo + hi) >> 1;
      try {
        decoder.decode(bytes.subarray(0, mid));
        lo = mid + 1;
        offset = mid;
      } catch {
        hi = mid;
      }
    }
    const line = new TextDecoder().decode(bytes.subarray(0, offset)).split('\n').length;
    return { error: `is not valid UTF-8 (line ${line})` };
  }
}

export function readDockerfile(path: string): { text: string } | { error: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: 'no such file or directory' };
    if (code === 'EISDIR') return { error: 'is a directory' };
    if (code === 'EACCES') return { error: 'permission denied' };
    return { error: `cannot be read (${code ?? (err as Error).message})` };
  }
  return decodeDockerfile(bytes);
}
