// The fix library API over files: find and read Dockerfiles like lint does, fix each one, and
// (with `write`) replace it atomically. Returns data; never prints or exits.
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { displayPath, expandInputs, findDockerfiles, readDockerfile, readInput } from '../files.ts';
import { parseDockerfile, type DockerfileModel } from '../model.ts';
import { BuildContextResolver } from '../context/lint-context.ts';
import { findIgnoreFile } from '../context/walk.ts';
import { findRule, isIgnored, loadConfig, type LoadedConfig } from '../config.ts';
import { lintSettings, rules as catalogue, settingsForFile, type LintOptions } from '../lint.ts';
import { DockoptError, usageError } from '../errors.ts';
import { writeFileAtomic } from '../write.ts';
import type { Finding } from '../types.ts';
import { fixText, type AppliedFix, type FixOptions, type RejectedFix, type Rewrite } from './engine.ts';
import { SHELLCHECK_RULE } from '../shellcheck.ts';
import { defaultCacheFile, runShellcheckSync } from '../shellcheck-runner.ts';

export interface FileFixResult {
  path: string;
  absolutePath: string | null;
  /** Why the file could not be fixed (unreadable, fixes not converging), or null. */
  error: string | null;
  changed: boolean;
  /** Whether the fixed text was written back. */
  written: boolean;
  applied: AppliedFix[];
  rejected: RejectedFix[];
  remaining: Finding[];
  unsafeSkipped: number;
  /** Text before and after (for diffs); absent on error. */
  input?: string;
  output?: string;
  /** A file the fix creates (a .dockerignore). */
  created?: boolean;
  /** .dockerignore lines left out because a Dockerfile reads what they would exclude. */
  skipped?: { pattern: string; reason: string }[];
}

export interface FixSummary {
  files: number;
  filesChanged: number;
  filesWithErrors: number;
  fixesApplied: number;
  fixesRejected: number;
  /** Findings still in the fixed files. */
  remaining: number;
  /** Unsafe fixes left out because `unsafe` was not set. */
  unsafeSkipped: number;
}

export interface FixResult {
  files: FileFixResult[];
  summary: FixSummary;
}

export interface FixFilesOptions extends Pick<LintOptions, 'cwd' | 'configPath' | 'config' | 'ruleOverrides' | 'stdin' | 'stdinPath'> {
  unsafe?: boolean;
  /** Rule codes or names whose fixes to apply (default: all). */
  only?: readonly string[];
  /** Rewrite single-stage files into the multi-stage template. */
  multistage?: boolean;
  /** Write changed files back (atomically, keeping mode, line endings and BOM). */
  write?: boolean;
  maxPasses?: number;
  /**
   * Generate a .dockerignore for each build context that has none (safe), or propose additions to
   * an existing one (unsafe). Default true; `only` must name `dockerignore` to keep it.
   */
  dockerignore?: boolean;
  /** The build context of every Dockerfile (`--context`); default: config overrides, else its directory. */
  context?: string;
}

/** Rule codes for `only`: accepts codes and names, rejects unknown ones. */
function resolveOnly(values: readonly string[] | undefined): string[] | undefined {
  if (!values || values.length === 0) return undefined;
  const codes: string[] = [];
  for (const raw of values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean)) {
    if (raw.toLowerCase() === 'multistage' || raw.toLowerCase() === 'dockerignore') {
      codes.push(raw.toUpperCase());
      continue;
    }
    const rule = findRule(catalogue, raw);
    if (!rule) throw usageError(`--only: no rule "${raw}"`, 'see `dockopt rules`');
    codes.push(rule.meta.code);
  }
  return codes;
}

/**
 * The whole-file rewrites the options ask for (loaded only then): the multi-stage rewrite with
 * `multistage` or `only: ['multistage']`, or as one of the unsafe fixes with `unsafe` and no `only`.
 */
async function rewritesFor(options: { multistage?: boolean; unsafe?: boolean; only?: readonly string[] }): Promise<Rewrite[]> {
  const wanted = options.multistage || options.only?.includes('MULTISTAGE') || (options.unsafe && !options.only);
  if (!wanted) return [];
  const { multistageRewrite } = await import('./multistage.ts');
  return [await multistageRewrite()];
}

export async function fixFiles(operands: string[], options: FixFilesOptions = {}): Promise<FixResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const loaded = options.config ?? (await loadConfig(cwd, options.configPath));
  const only = resolveOnly(options.only);
  settingsForFile(loaded, null, options.ruleOverrides);
  const inputs = expandInputs(operands, cwd, (p) => isIgnored(loaded, p), options.stdinPath);
  const settings = lintSettings(loaded);
  const rewrites = await rewritesFor({ ...options, only });
  const wantIgnore = options.dockerignore !== false && (!only || only.includes('DOCKERIGNORE'));
  // Made before any file is written: a bad --context is a usage error, not a half-done run.
  const resolver = wantIgnore ? new BuildContextResolver(cwd, loaded, options.context ? { dir: options.context } : {}) : null;
  const files: FileFixResult[] = [];
  for (const input of inputs) {
    const empty = { changed: false, written: false, applied: [], rejected: [], remaining: [], unsafeSkipped: 0 };
    const read = readInput(input, cwd, options.stdin);
    const { path: shown, absolutePath: abs } = read;
    if ('error' in read) {
      files.push({ path: shown, absolutePath: abs, error: read.error, ...empty });
      continue;
    }
    const enabled = settingsForFile(loaded, abs ?? (options.stdinPath ? resolve(cwd, options.stdinPath) : null), options.ruleOverrides);
    // ShellCheck's suggestions (DO590) are unsafe fixes: it runs on each pass when the rule is on, so
    // they are applied with --unsafe and counted as left out without (results are cached per script).
    const shellcheck = enabled.some((s) => s.rule.meta.code === SHELLCHECK_RULE);
    const prepare = shellcheck ? (model: DockerfileModel) => void runShellcheckSync([model], { cache: defaultCacheFile() }) : undefined;
    const fixOptions: FixOptions = { path: shown, unsafe: options.unsafe, only, enabled, settings, maxPasses: options.maxPasses, rewrites, prepare };
    let result;
    try {
      result = fixText(read.text, fixOptions);
    } catch (err) {
      if (!(err instanceof DockoptError)) throw err;
      files.push({ path: shown, absolutePath: abs, error: err.format(), ...empty, input: read.text });
      continue;
    }
    const { written, error } = options.write && abs && result.changed ? writeFixed(abs, result.output) : { written: false, error: null };
    files.push({
      path: shown,
      absolutePath: abs,
      error,
      changed: result.changed,
      written,
      applied: result.applied,
      rejected: result.rejected,
      remaining: result.remaining,
      unsafeSkipped: result.unsafeSkipped,
      input: read.text,
      output: result.output,
    });
  }
  if (resolver) files.push(...(await dockerignoreFixes(files, cwd, loaded, resolver, options)));
  return { files, summary: summarizeFixes(files) };
}

/**
 * The .dockerignore part of `fixFiles`: for each build context of the Dockerfiles fixed (and the
 * other Dockerfiles using it), the ignore file to create or extend.
 */
async function dockerignoreFixes(fixed: FileFixResult[], cwd: string, loaded: LoadedConfig, resolver: BuildContextResolver, options: FixFilesOptions): Promise<FileFixResult[]> {
  const { loadIgnoreRenderer, planDockerignore } = await import('./dockerignore.ts');
  // Group the Dockerfiles by the ignore file their build reads (or would read once it exists).
  const groups = new Map<string, { context: string; dockerfile: string; models: Map<string, DockerfileModel> }>();
  const add = (abs: string, model: DockerfileModel) => {
    let dir: string;
    try {
      dir = resolver.contextDir(abs).dir;
    } catch {
      return;
    }
    const target = findIgnoreFile(dir, abs) ?? join(dir, '.dockerignore');
    let g = groups.get(target);
    if (!g) groups.set(target, (g = { context: dir, dockerfile: abs, models: new Map() }));
    if (!g.models.has(abs)) g.models.set(abs, model);
  };
  for (const f of fixed) {
    if (f.error || !f.absolutePath || f.output === undefined) continue;
    add(f.absolutePath, parseDockerfile(f.output, f.path));
  }
  // Every other Dockerfile that builds from the same context counts too.
  for (const g of [...groups.values()]) {
    for (const other of findDockerfiles(g.context, (p) => isIgnored(loaded, p))) {
      if (g.models.has(other) || resolver.contextDir(other).dir !== g.context) continue;
      const read = readDockerfile(other);
      if ('text' in read) add(other, parseDockerfile(read.text, displayPath(cwd, other)));
    }
  }
  if (groups.size === 0) return [];
  const render = loadIgnoreRenderer();
  const out: FileFixResult[] = [];
  for (const [target, g] of groups) {
    const context = resolver.forDockerfile(g.dockerfile);
    if (!context?.walk || context.ignoreError) continue;
    const exists = existsSync(target);
    let existing: string | null = null;
    if (exists) {
      try {
        existing = readFileSync(target, 'utf8');
      } catch {
        continue;
      }
    }
    const inside = relative(g.context, target);
    const ignorePath = inside.startsWith('..') || inside.startsWith(sep) ? undefined : inside.split(sep).join('/');
    const plan = planDockerignore({ context, existing, ignorePath, dockerfiles: [...g.models].map(([abs, model]) => ({ path: displayPath(cwd, abs), model })) }, render);
    if (!plan) continue;
    const shown = displayPath(cwd, target);
    const count = plan.added.reduce((n, s) => n + s.patterns.length, 0);
    const base = { path: shown, absolutePath: target, error: null, rejected: [], remaining: [], skipped: plan.skipped, input: existing ?? '', created: !exists };
    if (plan.applicability === 'unsafe' && !options.unsafe && !options.only?.some((o) => o.toLowerCase() === 'dockerignore')) {
      out.push({ ...base, changed: false, written: false, applied: [], unsafeSkipped: 1, output: existing ?? '' });
      continue;
    }
    const description = exists ? `Add ${count} pattern${count === 1 ? '' : 's'} to ${shown}` : `Create ${shown} (${count} pattern${count === 1 ? '' : 's'})`;
    const { written, error } = options.write ? writeFixed(target, plan.text) : { written: false, error: null };
    out.push({
      ...base,
      error,
      changed: true,
      written,
      applied: [{ code: 'DOCKERIGNORE', name: 'dockerignore', description, applicability: plan.applicability, line: 1, pass: 0 }],
      unsafeSkipped: 0,
      output: plan.text,
    });
  }
  return out;
}

/** Write a fixed file atomically; a failure is the file's error, not the run's. */
function writeFixed(path: string, text: string): { written: boolean; error: string | null } {
  try {
    writeFileAtomic(path, text);
    return { written: true, error: null };
  } catch (err) {
    return { written: false, error: `cannot be written (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` };
  }
}

function summarizeFixes(files: FileFixResult[]): FixSummary {
  const sum = (f: (x: FileFixResult) => number) => files.reduce((n, x) => n + f(x), 0);
  return {
    files: files.length,
    filesChanged: files.filter((f) => f.changed).length,
    filesWithErrors: files.filter((f) => f.error).length,
    fixesApplied: sum((f) => f.applied.length),
    fixesRejected: sum((f) => f.rejected.length),
    remaining: sum((f) => f.remaining.length),
    unsafeSkipped: sum((f) => f.unsafeSkipped),
  };
}
