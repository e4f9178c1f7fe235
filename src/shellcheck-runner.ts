// ShellCheck on RUN scripts, the process half: writes the scripts of many Dockerfiles into one
// temporary directory and checks them with as few `shellcheck` processes as possible (a few hundred
// scripts each, two at a time), then attaches the comments to each model for the DO590 rule.
// node:child_process (and the stream stack it loads) is fetched only when a process must start:
// with a warm cache, a lint run never needs it.
import type { SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, homedir, tmpdir } from 'node:os';
import { delimiter, dirname, isAbsolute, join } from 'node:path';
import type { DockerfileModel } from './model.ts';
import { writeFileAtomic } from './write.ts';
import { DEFAULT_EXCLUDES, mapComments, setShellcheckResults, shellcheckScripts, type Json1Comment, type ShellcheckComment, type ShellcheckScript } from './shellcheck.ts';

export interface ShellcheckOptions {
  /** The binary: a name looked up on PATH or a path. Default `shellcheck`. */
  binary?: string;
  /** Extra codes to exclude (`SC2086`), on top of DEFAULT_EXCLUDES. */
  exclude?: string[];
  /** Scripts per shellcheck process. */
  chunkSize?: number;
  /**
   * A JSON file remembering ShellCheck's comments per script (keyed by the script, the exclusions
   * and the binary's size and mtime), so unchanged RUNs are not checked again. Off by default.
   */
  cache?: string | false;
}

export interface ShellcheckRun {
  /** Whether ShellCheck checked the scripts (false: not installed or it failed; see notice). */
  ran: boolean;
  /** One line for people when it did not run, else null. */
  notice: string | null;
  scripts: number;
  processes: number;
  ms: number;
}

interface Job {
  model: DockerfileModel;
  script: ShellcheckScript;
  file: string;
}

function plan(models: DockerfileModel[]): { jobs: Job[]; perModel: Map<DockerfileModel, Job[]> } {
  const jobs: Job[] = [];
  const perModel = new Map<DockerfileModel, Job[]>();
  // Identical scripts (common across the variants of one image) are checked once.
  const fileFor = new Map<string, string>();
  for (const model of models) {
    const list: Job[] = [];
    for (const script of shellcheckScripts(model)) {
      let file = fileFor.get(script.source);
      if (!file) fileFor.set(script.source, (file = `${fileFor.size}.sh`));
      list.push({ model, script, file });
    }
    jobs.push(...list);
    perModel.set(model, list);
  }
  return { jobs, perModel };
}

/** One job per script file. */
const unique = (jobs: Job[]) => [...new Map(jobs.map((j) => [j.file, j])).values()];

function args(files: string[], options: ShellcheckOptions, norc: boolean): string[] {
  const exclude = [...DEFAULT_EXCLUDES, ...(options.exclude ?? [])].map((c) => c.replace(/^SC/i, ''));
  return [...(norc ? ['--norc'] : []), '--format=json1', `--exclude=${exclude.join(',')}`, ...files];
}

/** What one process printed, as comments by file; or an error line. */
function parse(result: { status: number | null; stdout: string; stderr: string; error?: Error }, binary: string): Json1Comment[] | string {
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? `${binary} was not found` : `${binary} failed: ${result.error.message}`;
  }
  // 0: no comments, 1: comments; anything else is a usage or internal error.
  if (result.status !== 0 && result.status !== 1) return `${binary} failed (exit ${result.status}): ${result.stderr.trim().split('\n')[0] ?? ''}`;
  try {
    return (JSON.parse(result.stdout) as { comments: Json1Comment[] }).comments;
  } catch {
    return `${binary} printed output that is not --format=json1 (ShellCheck 0.7 or newer is needed)`;
  }
}

function notice(reason: string): string {
  return `${reason}: ShellCheck checks of RUN scripts (rule DO590, SCxxxx) were skipped. Install shellcheck, or turn the rule off with --rule shellcheck=off.`;
}

function attach(perModel: Map<DockerfileModel, Job[]>, byFile: Map<string, Json1Comment[]>): void {
  for (const [model, jobs] of perModel) {
    const comments: ShellcheckComment[] = [];
    for (const job of jobs) comments.push(...mapComments(job.script, byFile.get(job.file) ?? []));
    setShellcheckResults(model, comments);
  }
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function group(comments: Json1Comment[], into: Map<string, Json1Comment[]>): void {
  for (const c of comments) {
    let list = into.get(c.file);
    if (!list) into.set(c.file, (list = []));
    list.push(c);
  }
}

function withScripts<T>(jobs: Job[], fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'dockopt-shellcheck-'));
  try {
    for (const job of jobs) writeFileSync(join(dir, job.file), job.script.source);
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(binary: string, argv: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string; error?: Error }> {
  return new Promise((resolve) => {
    const child = process.getBuiltinModule('node:child_process').spawn(binary, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (error) => resolve({ status: null, stdout: '', stderr: '', error }));
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

const unsupportedNorc = (r: { stderr: string; status: number | null }) => r.status !== 0 && r.status !== 1 && /norc/.test(r.stderr);

/** The binary's path (a PATH lookup for a bare name), or null when there is none. */
function resolveBinary(binary: string): string | null {
  if (isAbsolute(binary) || binary.includes('/')) return existsSync(binary) ? binary : null;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const p = join(dir || '.', binary);
    if (existsSync(p)) return p;
  }
  return null;
}

interface Cache {
  file: string;
  /** The binary (path, size, mtime) and exclusions the entries were made with. */
  identity: string;
  /** Keyed by the script text itself: no hashing on the lint path. */
  entries: Record<string, Omit<Json1Comment, 'file'>[]>;
  changed: boolean;
}

const CACHE_VERSION = 2;
const CACHE_LIMIT = 5000;

/** Where the CLI keeps the cache: $XDG_CACHE_HOME/dockopt or ~/.cache/dockopt. */
export function defaultCacheFile(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'dockopt', 'shellcheck.json');
}

function openCache(file: string | false | undefined, identity: string): Cache | null {
  if (!file) return null;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { version?: number; identity?: string; entries?: Cache['entries'] };
    if (data.version === CACHE_VERSION && data.identity === identity && data.entries && typeof data.entries === 'object') return { file, identity, entries: data.entries, changed: false };
  } catch {
    /* missing or unreadable: start empty */
  }
  return { file, identity, entries: {}, changed: false };
}

function saveCache(cache: Cache | null): void {
  if (!cache?.changed) return;
  const keys = Object.keys(cache.entries);
  const entries = keys.length > CACHE_LIMIT ? Object.fromEntries(keys.slice(-CACHE_LIMIT).map((k) => [k, cache.entries[k]])) : cache.entries;
  try {
    mkdirSync(dirname(cache.file), { recursive: true });
    writeFileAtomic(cache.file, JSON.stringify({ version: CACHE_VERSION, identity: cache.identity, entries }));
  } catch {
    /* a cache that cannot be written only costs time */
  }
}

interface Prepared {
  jobs: Job[];
  perModel: Map<DockerfileModel, Job[]>;
  /** Comments by job file, from the cache. */
  byFile: Map<string, Json1Comment[]>;
  todo: Job[];
  cache: Cache | null;
  binary: string;
  resolved: string | null;
}

function prepare(models: DockerfileModel[], options: ShellcheckOptions): Prepared {
  const binary = options.binary ?? 'shellcheck';
  const { jobs, perModel } = plan(models);
  const resolved = jobs.length ? resolveBinary(binary) : null;
  let identity = '';
  if (resolved && options.cache) {
    const st = statSync(resolved);
    identity = `${resolved}\0${st.size}\0${st.mtimeMs}\0${[...DEFAULT_EXCLUDES, ...(options.exclude ?? [])].join(',')}`;
  }
  const cache = resolved ? openCache(options.cache, identity) : null;
  const byFile = new Map<string, Json1Comment[]>();
  const todo: Job[] = [];
  for (const job of unique(jobs)) {
    if (!cache) {
      todo.push(job);
      continue;
    }
    const hit = cache.entries[job.script.source];
    if (hit) byFile.set(job.file, hit.map((c) => ({ ...c, file: job.file })));
    else todo.push(job);
  }
  return { jobs, perModel, byFile, todo, cache, binary, resolved };
}

function outcome(p: Prepared, t0: number, ran: boolean, why: string | null, processes: number): ShellcheckRun {
  return { ran, notice: why && notice(why), scripts: p.jobs.length, processes, ms: Date.now() - t0 };
}

function remember(p: Prepared, fresh: Map<string, Json1Comment[]>): void {
  for (const job of p.todo) {
    const comments = fresh.get(job.file) ?? [];
    p.byFile.set(job.file, comments);
    if (p.cache) {
      p.cache.entries[job.script.source] = comments.map(({ file: _file, ...rest }) => rest);
      p.cache.changed = true;
    }
  }
  saveCache(p.cache);
}

/** Check the RUN scripts of all `models` and attach the comments to each model. */
export async function runShellcheck(models: DockerfileModel[], options: ShellcheckOptions = {}): Promise<ShellcheckRun> {
  const t0 = Date.now();
  const p = prepare(models, options);
  const done = (ran: boolean, why: string | null, processes: number) => outcome(p, t0, ran, why, processes);
  if (p.jobs.length === 0) {
    attach(p.perModel, p.byFile);
    return done(true, null, 0);
  }
  if (!p.resolved) return done(false, `${p.binary} was not found`, 0);
  if (p.todo.length === 0) {
    attach(p.perModel, p.byFile);
    return done(true, null, 0);
  }
  const parts = chunks(p.todo.map((j) => j.file), options.chunkSize ?? 250);
  const failure = await withScriptsAsync(p.todo, async (dir) => {
    const fresh = new Map<string, Json1Comment[]>();
    let problem: string | null = null;
    let norc = true;
    let next = 0;
    const worker = async () => {
      while (next < parts.length && problem === null) {
        const files = parts[next++];
        let result = await run(p.resolved!, args(files, options, norc), dir);
        if (unsupportedNorc(result)) {
          norc = false;
          result = await run(p.resolved!, args(files, options, norc), dir);
        }
        const parsed = parse(result, p.binary);
        if (typeof parsed === 'string') problem = parsed;
        else group(parsed, fresh);
      }
    };
    await Promise.all(Array.from({ length: Math.min(parts.length, Math.max(1, Math.min(2, availableParallelism()))) }, worker));
    if (problem === null) remember(p, fresh);
    return problem;
  });
  if (failure) return done(false, failure, parts.length);
  attach(p.perModel, p.byFile);
  return done(true, null, parts.length);
}

/** The same, synchronously, in one process (for lintText, tests and small inputs). */
export function runShellcheckSync(models: DockerfileModel[], options: ShellcheckOptions = {}): ShellcheckRun {
  const t0 = Date.now();
  const p = prepare(models, options);
  const done = (ran: boolean, why: string | null, processes: number) => outcome(p, t0, ran, why, processes);
  if (p.jobs.length === 0 || (p.resolved && p.todo.length === 0)) {
    attach(p.perModel, p.byFile);
    return done(true, null, 0);
  }
  if (!p.resolved) return done(false, `${p.binary} was not found`, 0);
  const failure = withScripts(p.todo, (dir) => {
    const exec = (norc: boolean): SpawnSyncReturns<string> =>
      process.getBuiltinModule('node:child_process').spawnSync(p.resolved!, args(p.todo.map((j) => j.file), options, norc), { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    let result = exec(true);
    if (unsupportedNorc(result)) result = exec(false);
    const parsed = parse(result, p.binary);
    if (typeof parsed === 'string') return parsed;
    const fresh = new Map<string, Json1Comment[]>();
    group(parsed, fresh);
    remember(p, fresh);
    return null;
  });
  if (failure) return done(false, failure, 1);
  attach(p.perModel, p.byFile);
  return done(true, null, 1);
}

async function withScriptsAsync<T>(jobs: Job[], fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'dockopt-shellcheck-'));
  try {
    for (const job of jobs) writeFileSync(join(dir, job.file), job.script.source);
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether `shellcheck` (or the given binary) can be found. */
export function shellcheckAvailable(binary = 'shellcheck'): boolean {
  return resolveBinary(binary) !== null;
}
