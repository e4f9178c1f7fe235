// Walking a build context the way BuildKit's sender (fsutil) does: entries in name order, symlinks
// as links (never followed), excluded directories skipped unless a `!` pattern names something
// inside them, named pipes left out (the engine does not send them), sockets and device files sent
// as empty files. Unreadable entries are reported, not fatal. The walk is synchronous: one
// readdir per directory and one lstat per entry sent, nothing for what is excluded.
import * as nodeFs from 'node:fs';
import type { Dirent, Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { inputError } from '../errors.ts';
import { DockerIgnore, type DirMatchState } from './ignore.ts';

export type EntryType = 'file' | 'dir' | 'symlink';

/** One entry the build receives. */
export interface ContextEntry {
  /** Relative to the context root, `/`-separated. */
  path: string;
  type: EntryType;
  /** Bytes: the file's size, the link target's length for a symlink, 0 for a directory. */
  size: number;
  /** st_mode: file type and permission bits as on disk. */
  mode: number;
  mtimeMs: number;
  ino: number;
}

/** A path .dockerignore leaves out; an excluded directory is listed once, not its contents. */
export interface ExcludedEntry {
  path: string;
  type: EntryType;
  /** Files (non-directories) and bytes below and including it; null unless measured. */
  files: number | null;
  bytes: number | null;
}

export interface WalkProblem {
  path: string;
  /** errno code (EACCES, ...) or a reason. */
  code: string;
  message: string;
}

export interface WalkResult {
  /** Absolute context directory, symlinks resolved. */
  root: string;
  /** The ignore file applied (absolute), or null. */
  ignoreFile: string | null;
  ignore: DockerIgnore | null;
  /** Everything the build receives: parents before children, names in byte order within a directory. */
  files: ContextEntry[];
  /** Non-directory entries and their bytes. */
  totalFiles: number;
  totalBytes: number;
  excluded: ExcludedEntry[];
  /** Totals of what is excluded; null unless `measureExcluded`. */
  excludedFiles: number | null;
  excludedBytes: number | null;
  /** Entries that could not be read: the engine would fail on them. */
  unreadable: WalkProblem[];
  /** Entries the engine does not send (named pipes). */
  skipped: WalkProblem[];
}

/** The file system calls the walker makes, replaceable in tests. */
export interface WalkFs {
  readdirSync(path: string, options: { withFileTypes: true }): Dirent[];
  lstatSync(path: string): Stats;
  readFileSync(path: string, encoding: 'utf8'): string;
  realpathSync(path: string): string;
  existsSync(path: string): boolean;
}

export interface WalkOptions {
  /** The Dockerfile of the build: its `<name>.dockerignore` takes precedence over the context's `.dockerignore`. */
  dockerfile?: string;
  /** Also count the files and bytes .dockerignore leaves out (walks the excluded directories). */
  measureExcluded?: boolean;
  fs?: WalkFs;
}

/**
 * The ignore file BuildKit applies: `<Dockerfile name>.dockerignore` next to the Dockerfile when it
 * exists (even empty), else `.dockerignore` at the context root, else none.
 */
export function findIgnoreFile(root: string, dockerfile: string | undefined, fs: Pick<WalkFs, 'existsSync'> = nodeFs): string | null {
  if (dockerfile) {
    const specific = join(dirname(resolve(dockerfile)), `${basename(dockerfile)}.dockerignore`);
    if (fs.existsSync(specific)) return specific;
  }
  const common = join(root, '.dockerignore');
  return fs.existsSync(common) ? common : null;
}

const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
const S_IFREG = 0o100000;
const S_IFIFO = 0o010000;

function problem(path: string, err: unknown): WalkProblem {
  const e = err as NodeJS.ErrnoException;
  return { path, code: e.code ?? 'ERROR', message: e.code === 'EACCES' ? 'permission denied' : (e.message ?? String(err)) };
}

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Walk a build context: what the engine would send, and what .dockerignore leaves out. */
export function walkContext(dir: string, options: WalkOptions = {}): WalkResult {
  const fs = options.fs ?? nodeFs;
  let root: string;
  try {
    root = fs.realpathSync(resolve(dir));
  } catch {
    throw inputError(dir, 'build context: no such directory');
  }
  let rootStat: Stats;
  try {
    rootStat = fs.lstatSync(root);
  } catch (err) {
    throw inputError(dir, `build context cannot be read (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
  if (!rootStat.isDirectory()) throw inputError(dir, 'build context is not a directory');

  const ignoreFile = findIgnoreFile(root, options.dockerfile, fs);
  let ignore: DockerIgnore | null = null;
  if (ignoreFile) {
    let text: string;
    try {
      text = fs.readFileSync(ignoreFile, 'utf8');
    } catch (err) {
      throw inputError(ignoreFile, `cannot be read (${(err as NodeJS.ErrnoException).code ?? err})`);
    }
    ignore = DockerIgnore.load(text, ignoreFile);
    if (ignore.patterns.length === 0) ignore = null;
  }

  const files: ContextEntry[] = [];
  const excluded: ExcludedEntry[] = [];
  const unreadable: WalkProblem[] = [];
  const skipped: WalkProblem[] = [];
  const measure = options.measureExcluded === true;
  let totalFiles = 0;
  let totalBytes = 0;
  let excludedFiles = 0;
  let excludedBytes = 0;

  const typeOf = (mode: number): EntryType | null => {
    const t = mode & S_IFMT;
    if (t === S_IFDIR) return 'dir';
    if (t === S_IFLNK) return 'symlink';
    if (t === S_IFIFO) return null;
    return 'file'; // regular files; sockets and devices arrive as empty files
  };

  // du of an excluded subtree (only with measureExcluded)
  const measureTree = (abs: string, entry: ExcludedEntry, isDir: boolean): void => {
    let count = 0;
    let bytes = 0;
    const visit = (p: string, dirHint: boolean) => {
      if (!dirHint) {
        try {
          const st = fs.lstatSync(p);
          if ((st.mode & S_IFMT) === S_IFDIR) return visit(p, true);
          count++;
          if ((st.mode & S_IFMT) === S_IFREG || (st.mode & S_IFMT) === S_IFLNK) bytes += st.size;
        } catch {
          /* vanished or unreadable: not counted */
        }
        return;
      }
      let ents: Dirent[];
      try {
        ents = fs.readdirSync(p, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of ents) visit(`${p}/${e.name}`, e.isDirectory());
    };
    visit(abs, isDir);
    entry.files = count;
    entry.bytes = bytes;
    excludedFiles += count;
    excludedBytes += bytes;
  };

  const walk = (abs: string, rel: string, state: DirMatchState | null): void => {
    let ents: Dirent[];
    try {
      ents = fs.readdirSync(abs, { withFileTypes: true });
    } catch (err) {
      unreadable.push(problem(rel, err));
      return;
    }
    ents.sort(byName);
    for (const d of ents) {
      const name = d.name;
      const path = rel === '' ? name : `${rel}/${name}`;
      const full = `${abs}/${name}`;
      if (state !== null && ignore!.matchIn(state, path)) {
        const isDir = d.isDirectory();
        if (!(isDir && ignore!.mayReinclude(path))) {
          const entry: ExcludedEntry = { path, type: isDir ? 'dir' : d.isSymbolicLink() ? 'symlink' : 'file', files: null, bytes: null };
          excluded.push(entry);
          if (measure) measureTree(full, entry, isDir);
          continue;
        }
      }
      let st: Stats;
      try {
        st = fs.lstatSync(full);
      } catch (err) {
        unreadable.push(problem(path, err));
        continue;
      }
      const type = typeOf(st.mode);
      if (type === null) {
        skipped.push({ path, code: 'FIFO', message: 'named pipe: the engine does not send it' });
        continue;
      }
      const regularOrLink = type !== 'dir' && ((st.mode & S_IFMT) === S_IFREG || type === 'symlink');
      const size = regularOrLink ? st.size : 0;
      files.push({ path, type, size, mode: st.mode, mtimeMs: st.mtimeMs, ino: st.ino });
      if (type === 'dir') walk(full, path, ignore ? ignore.dirState(path) : null);
      else {
        totalFiles++;
        totalBytes += size;
      }
    }
  };
  walk(root, '', ignore ? ignore.dirState('') : null);

  return {
    root,
    ignoreFile,
    ignore,
    files,
    totalFiles,
    totalBytes,
    excluded,
    excludedFiles: measure ? excludedFiles : null,
    excludedBytes: measure ? excludedBytes : null,
    unreadable,
    skipped,
  };
}
