// Executing a plan: skipped targets get their tags pointed at the existing image, the others are
// built by the chosen builder (in dependency order, N at a time), with progress events, full logs
// under .dockopt/logs/, and images.json updated for every target that ended with an image.
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { buildCommands, type BuildRequest } from './builders.ts';
import { engineFailure, HASH_LABEL, pushedDigest, tagCommand } from './engine.ts';
import { planBuild, type BuildOptions, type BuildPlan, type PlannedTarget } from './plan.ts';
import { capture, runProcess, type Command } from './process.ts';
import { PlainProgress, slowestSteps, type StepRecord } from './progress.ts';
import { familiarRef } from './refs.ts';
import { schedule, type JobStatus } from './scheduler.ts';
import { fileNameFor, recordImages, type ImageRecord } from './state.ts';
import type { Dependency } from './graph.ts';

export type TargetStatus = 'built' | 'skipped' | 'failed' | 'cancelled' | 'would-build' | 'would-skip';

export interface TargetResult {
  name: string;
  status: TargetStatus;
  hash: string;
  hashTag: string;
  /** Image id, when the target has an image (built, skipped, or would be skipped). */
  image: string | null;
  /** Tags the image carries: the target's tags and the hash tag. */
  tags: string[];
  durationMs: number;
  /** Dockerfile steps BuildKit reported (FROM excluded) and how many came from its cache. */
  steps: { total: number; cached: number };
  /** Why it was skipped, built, failed or cancelled. */
  reason: string | null;
  dependsOn: Dependency[];
  /** The steps that took longest (cache hits excluded). */
  slowest: StepRecord[];
  /** Full build output, or null when nothing ran. */
  logFile: string | null;
  /** Registry digest, when pushed. */
  digest: string | null;
}

export interface BuildReport {
  targets: TargetResult[];
  dryRun: boolean;
  /** Stopped by the caller's signal (Ctrl-C). */
  interrupted: boolean;
  durationMs: number;
  jobs: number;
  warnings: string[];
}

export type BuildEvent =
  | { type: 'plan'; plan: BuildPlan }
  | { type: 'start'; name: string }
  | { type: 'output'; name: string; line: string; step: string | null }
  | { type: 'finish'; result: TargetResult };

export interface RunOptions extends BuildOptions {
  dryRun?: boolean;
  onEvent?: (event: BuildEvent) => void;
}

const SLOWEST = 3;

function baseResult(p: PlannedTarget): TargetResult {
  return {
    name: p.target.name,
    status: p.action === 'skip' ? 'would-skip' : 'would-build',
    hash: p.hash,
    hashTag: p.hashTag,
    image: p.existing?.id ?? null,
    tags: [...p.target.tags, p.hashTag],
    durationMs: 0,
    steps: { total: 0, cached: 0 },
    reason: p.reason,
    dependsOn: p.dependencies,
    slowest: [],
    logFile: null,
    digest: null,
  };
}

/** Plan, then build what needs building. Returns data; never prints or exits. */
export async function runBuild(options: RunOptions = {}): Promise<BuildReport> {
  const started = Date.now();
  const plan = await planBuild(options);
  options.onEvent?.({ type: 'plan', plan });
  if (options.dryRun) {
    return { targets: plan.targets.map(baseResult), dryRun: true, interrupted: false, durationMs: Date.now() - started, jobs: plan.settings.jobs, warnings: plan.warnings };
  }
  const byName = new Map(plan.targets.map((p) => [p.target.name, p]));
  const results = new Map<string, TargetResult>();
  const records: Record<string, ImageRecord> = {};
  const record = (p: PlannedTarget, image: string | null, digest: string | null) => {
    const entry: ImageRecord = { image, hash: p.hash, hashTag: p.hashTag, tags: p.target.tags, digest, updatedAt: '', inputs: p.parts };
    const before = p.previous;
    const same = before !== null && JSON.stringify({ ...before, updatedAt: '' }) === JSON.stringify(entry);
    entry.updatedAt = same ? before.updatedAt : new Date().toISOString();
    records[p.target.name] = entry;
  };
  await schedule({
    jobs: plan.targets.map((p) => ({ id: p.target.name, deps: p.dependencies.map((d) => d.on) })),
    concurrency: plan.settings.jobs,
    failFast: plan.settings.failFast,
    signal: options.signal,
    onStart: (name) => options.onEvent?.({ type: 'start', name }),
    run: async (name, signal): Promise<JobStatus> => {
      const p = byName.get(name)!;
      const result = p.action === 'skip' ? await reuseImage(plan, p, signal) : await buildTarget(plan, p, signal, options.onEvent);
      results.set(name, result);
      if (result.status === 'built' || result.status === 'skipped') record(p, result.image, result.digest);
      return result.status === 'built' || result.status === 'skipped' ? 'succeeded' : result.status === 'cancelled' ? 'cancelled' : 'failed';
    },
    onFinish: (name, outcome) => {
      let result = results.get(name);
      if (!result) {
        result = { ...baseResult(byName.get(name)!), status: 'cancelled', image: null, reason: outcome.reason };
        results.set(name, result);
      } else if (outcome.status === 'cancelled') result.reason = outcome.reason ?? result.reason;
      options.onEvent?.({ type: 'finish', result });
    },
  });
  recordImages(plan.state.images, records);
  return {
    targets: plan.targets.map((p) => results.get(p.target.name)!),
    dryRun: false,
    interrupted: Boolean(options.signal?.aborted),
    durationMs: Date.now() - started,
    jobs: plan.settings.jobs,
    warnings: plan.warnings,
  };
}

/** A skipped target: make its tags point at the existing image (another build may have moved them). */
async function reuseImage(plan: BuildPlan, p: PlannedTarget, signal: AbortSignal): Promise<TargetResult> {
  const started = Date.now();
  const result: TargetResult = { ...baseResult(p), status: 'skipped' };
  const { docker } = plan.settings.tools;
  const image = p.existing?.id ?? null;
  const commands: Command[] = [];
  if (image) for (const tag of p.target.tags) if (!p.existing!.tags.includes(familiarRef(tag))) commands.push(tagCommand(docker, image, tag));
  if (plan.settings.push) {
    // The registry has the hash tag; point the target's own tags there too.
    if (plan.settings.builder === 'docker') for (const tag of p.target.tags) commands.push({ command: docker, args: ['push', tag] });
    else commands.push({ command: docker, args: ['buildx', 'imagetools', 'create', ...p.target.tags.flatMap((t) => ['-t', t]), p.hashTag] });
  }
  for (const c of commands) {
    const r = await capture(c, { baseEnv: plan.settings.env, signal });
    if (signal.aborted) return { ...result, status: 'cancelled', reason: 'interrupted' };
    if (r.code !== 0) {
      return { ...result, status: 'failed', reason: `${c.args.slice(0, 2).join(' ')} failed: ${firstLine(r.stderr || r.stdout)}`, durationMs: Date.now() - started };
    }
    if (c.args[0] === 'push') result.digest ??= pushedDigest(r.stdout);
  }
  // A registry-only skip (buildx/buildctl --push) never sees the image: what the last build recorded.
  const recorded = p.previous?.hash === p.hash ? p.previous : null;
  result.digest ??= recorded?.digest ?? null;
  result.image = image ?? recorded?.image ?? null;
  result.durationMs = Date.now() - started;
  return result;
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((l) => l.trim())
      .find(Boolean) ?? 'no output'
  );
}

async function buildTarget(plan: BuildPlan, p: PlannedTarget, signal: AbortSignal, onEvent?: (e: BuildEvent) => void): Promise<TargetResult> {
  const started = Date.now();
  const t = p.target;
  const result: TargetResult = { ...baseResult(p), status: 'failed', image: null };
  mkdirSync(plan.state.logs, { recursive: true });
  const logFile = join(plan.state.logs, `${fileNameFor(t.name)}.log`);
  result.logFile = logFile;
  const log = createWriteStream(logFile);
  const work = mkdtempSync(join(tmpdir(), 'dockopt-build-'));
  const progress = new PlainProgress();
  try {
    const request: BuildRequest = {
      dockerfile: dockerfileForBuild(t, work),
      context: t.context,
      tags: [...t.tags, p.hashTag],
      labels: { [HASH_LABEL]: p.hash },
      buildArgs: t.args,
      target: t.target,
      platform: t.platform,
      iidFile: join(work, 'iid'),
      metadataFile: join(work, 'metadata.json'),
      push: plan.settings.push,
      cacheFrom: plan.settings.cacheFrom,
      cacheTo: plan.settings.cacheTo,
      buildxBuilder: plan.settings.buildxBuilder,
      imageTarball: join(work, 'image.tar'),
    };
    const commands = buildCommands(plan.settings.builder, request, plan.settings.tools);
    const output: string[] = [];
    const run = async (command: Command, isBuild: boolean) => {
      log.write(`$ ${[command.command, ...command.args].map(shellQuote).join(' ')}\n`);
      const r = await runProcess(command, {
        baseEnv: plan.settings.env,
        signal,
        onLine: (line) => {
          log.write(`${line}\n`);
          if (isBuild) progress.push(line);
          output.push(line);
          if (output.length > 200) output.shift();
          onEvent?.({ type: 'output', name: t.name, line, step: progress.current });
        },
      });
      return r;
    };
    const finish = (status: TargetResult['status'], reason: string | null) => {
      const steps = progress.steps;
      result.status = status;
      result.reason = reason;
      result.steps = { total: steps.length, cached: steps.filter((s) => s.cached).length };
      result.slowest = slowestSteps(steps, SLOWEST);
      result.durationMs = Date.now() - started;
      log.write(`# dockopt: ${status}${reason ? `: ${reason}` : ''} in ${result.durationMs} ms\n`);
      return result;
    };

    const built = await run(commands.build, true);
    if (signal.aborted) return finish('cancelled', 'interrupted');
    if (built.code !== 0) return finish('failed', failureReason(plan, p, progress, built.spawnError, output));
    for (const after of commands.after) {
      const r = await run(after, false);
      if (signal.aborted) return finish('cancelled', 'interrupted');
      if (r.code !== 0) return finish('failed', `${after.args.slice(0, 2).join(' ')} failed: ${r.spawnError ?? lastMeaningful(output)}`);
      if (after.args[0] === 'push') result.digest ??= pushedDigest(output.join('\n'));
    }
    const metadata = readJson(request.metadataFile);
    result.image = readText(request.iidFile) ?? (metadata?.['containerimage.config.digest'] as string | undefined) ?? null;
    if (plan.settings.push) result.digest ??= (metadata?.['containerimage.digest'] as string | undefined) ?? null;
    if (!result.image) return finish('failed', 'the builder reported success but no image id');
    return finish('built', p.reason);
  } finally {
    await new Promise<void>((resolveEnd) => log.end(resolveEnd));
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The Dockerfile to hand to the builder: the target's own, or under --builtin-frontend a copy
 * without `# syntax=` (with its `<name>.dockerignore`, which BuildKit looks for next to it).
 */
function dockerfileForBuild(t: PlannedTarget['target'], work: string): string {
  if (!t.rewritten) return t.dockerfile;
  const copy = join(work, basename(t.dockerfile));
  writeFileSync(copy, t.text);
  const ignore = `${t.dockerfile}.dockerignore`;
  if (existsSync(ignore)) copyFileSync(ignore, `${copy}.dockerignore`);
  return copy;
}

function failureReason(plan: BuildPlan, p: PlannedTarget, progress: PlainProgress, spawnError: string | null, output: string[]): string {
  const tools = plan.settings.tools;
  const binary = plan.settings.builder === 'buildctl' ? tools.buildctl : tools.docker;
  if (spawnError) {
    const failure = engineFailure(binary, { stderr: '', spawnError });
    return failure ? failure.format() : `cannot run ${binary}: ${spawnError}`;
  }
  const text = output.join('\n');
  const syntax = p.target.syntax;
  if (syntax && !p.target.rewritten && frontendFetchFailed(progress, text)) {
    return `cannot fetch the frontend image of \`# syntax=${syntax.value}\` (no registry access?): build with --builtin-frontend (or build.builtinFrontend: true) to use the engine's built-in Dockerfile frontend`;
  }
  if (/BuildKit is enabled but the buildx component is missing/i.test(text)) {
    return `the docker client ${tools.docker} needs buildx for BuildKit builds: point --docker (or DOCKOPT_DOCKER, build.docker) at a client that builds with BuildKit itself, or install buildx`;
  }
  const engine = engineFailure(binary, { stderr: text, spawnError: null });
  if (engine) return engine.format();
  return progress.failureReason() ?? lastMeaningful(output);
}

/** The `# syntax=` frontend image could not be resolved or pulled. */
function frontendFetchFailed(progress: PlainProgress, text: string): boolean {
  if (progress.vertexErrors.some((e) => /^resolve image config for /.test(e.name))) return true;
  return /failed to solve with frontend gateway\.v0|frontend grpc server closed unexpectedly/i.test(text);
}

function lastMeaningful(lines: string[]): string {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i].trim()) return lines[i].trim();
  return 'no output';
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8').trim() || null;
  } catch {
    return null;
  }
}

function readJson(path: string): Record<string, unknown> | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
