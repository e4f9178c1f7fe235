// Planning a build: targets, dependencies, order, hashes, and for each target whether the engine
// (or, with --push, the registry) already has its image. Nothing is built here; `--dry-run` prints
// this plan.
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { iacGlobs, loadConfig, type LoadedConfig } from '../config.ts';
import { usageError } from '../errors.ts';
import { imagesLandInEngine, registryHasTagCommand, type BuilderName, type BuilderTools } from './builders.ts';
import { enginePlatform, HASH_LABEL, inspectImages, type EngineImage } from './engine.ts';
import { FileDigests } from './file-digests.ts';
import { assertAcyclic, closure, dependenciesOf, tagOwners, topologicalOrder, type Dependency } from './graph.ts';
import { combineHash, hashTag, inputParts, settingsPart, type HashParts } from './hash.ts';
import { capture } from './process.ts';
import { readEntries, sentContext, sentContextKey, targetReads, type SentContext, type TargetReads } from './context-files.ts';
import { readImagesFile, statePaths, STATE_DIR_NAME, type ImageRecord, type StatePaths } from './state.ts';
import { loadTarget, resolveTargetSpecs, type Target, type TargetSpec } from './targets.ts';

export interface BuildOptions {
  cwd?: string;
  /** Explicit config file; otherwise found by walking up from cwd. */
  configPath?: string;
  config?: LoadedConfig;
  /** Targets given directly; default: the config's images and IaC declarations, else Dockerfiles found. */
  specs?: TargetSpec[];
  /** Infrastructure-code globs to discover targets in (default: the config's `discover.iac`). */
  iac?: string[];
  /** Names to build (with their dependencies); empty: all. */
  targets?: string[];
  force?: boolean;
  push?: boolean;
  jobs?: number;
  failFast?: boolean;
  builder?: BuilderName;
  /** Docker client binary (default: DOCKOPT_DOCKER, then build.docker, then `docker`). */
  docker?: string;
  /** buildctl binary (default: DOCKOPT_BUILDCTL, then `buildctl`). */
  buildctl?: string;
  builtinFrontend?: boolean;
  /** Build args for every target (override the config's). */
  buildArgs?: Record<string, string>;
  cacheFrom?: string[];
  cacheTo?: string[];
  buildxBuilder?: string;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

export interface BuildSettings {
  builder: BuilderName;
  tools: BuilderTools;
  jobs: number;
  push: boolean;
  force: boolean;
  failFast: boolean;
  builtinFrontend: boolean;
  cacheFrom: string[];
  cacheTo: string[];
  buildxBuilder: string | null;
  env: NodeJS.ProcessEnv;
}

export type PlannedAction = 'build' | 'skip';

export interface PlannedTarget {
  target: Target;
  dependencies: Dependency[];
  hash: string;
  parts: HashParts;
  hashTag: string;
  action: PlannedAction;
  /** Why it is built or skipped, for people. */
  reason: string;
  /** The engine's image for this hash, when it has one. */
  existing: EngineImage | null;
  /** images.json's record of this target from an earlier run. */
  previous: ImageRecord | null;
}

export interface BuildPlan {
  projectRoot: string;
  configPath: string | null;
  state: StatePaths;
  settings: BuildSettings;
  /** Dependencies first. */
  targets: PlannedTarget[];
  warnings: string[];
  /** Context files read to hash (the rest came from the digest cache). */
  filesRead: number;
}

function resolveSettings(options: BuildOptions, loaded: LoadedConfig, env: NodeJS.ProcessEnv): BuildSettings {
  const build = loaded.config.build ?? {};
  const builder = options.builder ?? build.builder ?? 'docker';
  const jobs = options.jobs ?? build.jobs ?? defaultJobs();
  if (!Number.isInteger(jobs) || jobs < 1) throw usageError(`--jobs must be a whole number of at least 1 (got ${jobs})`);
  const cacheTo = options.cacheTo ?? build.cacheTo ?? [];
  if (cacheTo.length && builder === 'docker') {
    throw usageError('cache export (--cache-to / build.cacheTo) needs the buildx or buildctl builder', 'set --builder buildx or build.builder');
  }
  return {
    builder,
    tools: {
      docker: options.docker ?? env.DOCKOPT_DOCKER ?? build.docker ?? 'docker',
      buildctl: options.buildctl ?? env.DOCKOPT_BUILDCTL ?? 'buildctl',
    },
    jobs,
    push: options.push ?? false,
    force: options.force ?? false,
    failFast: options.failFast ?? false,
    builtinFrontend: options.builtinFrontend ?? build.builtinFrontend ?? false,
    cacheFrom: options.cacheFrom ?? build.cacheFrom ?? [],
    cacheTo,
    buildxBuilder: options.buildxBuilder ?? build.buildxBuilder ?? null,
    env,
  };
}

/** One build per CPU: builds share the engine, and most of their work is CPU or disk bound. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export async function planBuild(options: BuildOptions = {}): Promise<BuildPlan> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const env = options.env ?? process.env;
  const loaded = options.config ?? (await loadConfig(cwd, options.configPath));
  const settings = resolveSettings(options, loaded, env);
  const projectRoot = loaded.path ? loaded.dir : cwd;
  const state = statePaths(projectRoot);

  // The engine's default platform is part of the hash when a target sets none (an image built on
  // arm64 must not satisfy an amd64 build through a shared registry). Asked now, answered while
  // the Dockerfiles are read and the contexts hashed.
  const platformOfEngine = settings.builder === 'docker' ? enginePlatform({ docker: settings.tools.docker, env: settings.env, signal: options.signal }) : Promise.resolve('default');
  platformOfEngine.catch(() => undefined);

  const resolved = options.specs ? { specs: options.specs, warnings: [] } : await resolveTargetSpecs(loaded, cwd, iacGlobs(loaded, options.iac));
  const specs = resolved.specs;
  const seen = new Set<string>();
  for (const s of specs) {
    if (seen.has(s.name)) throw usageError(`two targets are named "${s.name}"`);
    seen.add(s.name);
  }
  // Only the Dockerfiles of the requested targets and what they depend on are read.
  const specByName = new Map(specs.map((s) => [s.name, s]));
  const owners = tagOwners(specs);
  const byName = new Map<string, Target>();
  const deps = new Map<string, Dependency[]>();
  const dependencies = (name: string) => {
    let d = deps.get(name);
    if (!d) {
      const t = loadTarget(specByName.get(name)!, { builtinFrontend: settings.builtinFrontend, extraArgs: options.buildArgs });
      byName.set(name, t);
      deps.set(name, (d = dependenciesOf(t, owners)));
    }
    return d;
  };
  const reached = closure(
    specs.map((s) => s.name),
    options.targets ?? [],
    dependencies,
  );
  assertAcyclic(reached, deps, loaded.path);
  const declared = specs.map((s) => s.name).filter((n) => byName.has(n));
  const order = topologicalOrder(declared, deps);

  const warnings: string[] = [...resolved.warnings];
  const digests = FileDigests.open(state.digests);
  // Targets sharing a context directory and ignore file share one walk, which enters only the
  // directories one of them reads.
  const readsOf = new Map<string, TargetReads>();
  const groups = new Map<string, { dir: string; dockerfile: string; reach: string[] | null; sent?: SentContext }>();
  for (const name of order) {
    const t = byName.get(name)!;
    const reads = targetReads(t, deps.get(name)!.some((d) => onbuildReadsContext(byName.get(d.on)!)));
    readsOf.set(name, reads);
    const key = sentContextKey(t.context, t.dockerfile);
    const group = groups.get(key);
    const reach = reads.everything ? null : reads.prefixes;
    if (!group) groups.set(key, { dir: t.context, dockerfile: t.dockerfile, reach });
    else group.reach = group.reach === null || reach === null ? null : [...group.reach, ...reach];
  }
  const partsOf = new Map<string, Pick<HashParts, 'dockerfile' | 'args' | 'context'>>();
  for (const name of order) {
    const t = byName.get(name)!;
    const group = groups.get(sentContextKey(t.context, t.dockerfile))!;
    if (!group.sent) {
      group.sent = sentContext(group.dir, group.dockerfile, group.reach);
      if (group.sent.entries.some((e) => e.path === STATE_DIR_NAME)) {
        warnings.push(`the context of ${name} (${t.context}) sends ${STATE_DIR_NAME}/, where dockopt keeps logs and caches: add \`${STATE_DIR_NAME}\` to ${group.sent.ignoreFile ?? '.dockerignore'}`);
      }
    }
    const sent = group.sent;
    partsOf.set(name, inputParts({ dockerfileText: t.text, args: t.effectiveArgs, contextRoot: sent.root, reads: readEntries(readsOf.get(name)!, sent) }, digests));
  }
  digests.save();

  const platform = await platformOfEngine;
  const hashes = new Map<string, string>();
  const fullParts = new Map<string, HashParts>();
  for (const name of order) {
    const t = byName.get(name)!;
    const parts: HashParts = {
      ...partsOf.get(name)!,
      settings: settingsPart(t.target, t.platform ?? platform),
      dependencies: Object.fromEntries(deps.get(name)!.map((d) => [d.on, hashes.get(d.on)!])),
    };
    fullParts.set(name, parts);
    hashes.set(name, combineHash(parts));
  }

  const previous = readImagesFile(state.images).images;
  const planned: PlannedTarget[] = order.map((name) => {
    const t = byName.get(name)!;
    const hash = hashes.get(name)!;
    return {
      target: t,
      dependencies: deps.get(name)!,
      hash,
      parts: fullParts.get(name)!,
      hashTag: hashTag(t.repository, hash),
      action: 'build',
      reason: '',
      existing: null,
      previous: previous[name] ?? null,
    };
  });
  await decideSkips(planned, settings, options.signal);
  return { projectRoot, configPath: loaded.path, state, settings, targets: planned, warnings, filesRead: digests.reads };
}

/** Whether building FROM this target runs ONBUILD COPY/ADD triggers, which read the dependent's context. */
function onbuildReadsContext(t: Target): boolean {
  const final = t.stages[t.stages.length - 1];
  return final.instructions.some((i) => i.keyword === 'ONBUILD' && (i.trigger?.keyword === 'COPY' || i.trigger?.keyword === 'ADD') && !i.trigger.flag('from'));
}

/** Mark targets whose image already exists (in the engine, and with --push in the registry) as skipped. */
async function decideSkips(planned: PlannedTarget[], settings: BuildSettings, signal?: AbortSignal): Promise<void> {
  if (settings.force) {
    for (const p of planned) p.reason = '--force';
    return;
  }
  const inEngine = imagesLandInEngine(settings.builder, settings.push);
  let candidates = planned;
  if (inEngine) {
    const found = await inspectImages(
      planned.map((p) => p.hashTag),
      { docker: settings.tools.docker, env: settings.env, signal },
    );
    candidates = [];
    for (const p of planned) {
      const image = found.get(p.hashTag);
      if (image && image.labels[HASH_LABEL] === p.hash) {
        p.existing = image;
        candidates.push(p);
      } else p.reason = describeChange(p);
    }
  }
  if (settings.push) {
    const present = await Promise.all(
      candidates.map(async (p) => {
        const r = await capture(registryHasTagCommand(settings.builder, p.hashTag, settings.tools), { baseEnv: settings.env, signal });
        return r.code === 0;
      }),
    );
    candidates = candidates.filter((p, i) => {
      if (!present[i]) p.reason = `the registry has no ${p.hashTag}`;
      return present[i];
    });
  }
  for (const p of candidates) {
    p.action = 'skip';
    p.reason = `up to date: ${settings.push ? 'the registry' : 'the engine'} has ${p.hashTag}`;
  }
}

/** Why a target needs building, from what images.json remembers of its last build. */
function describeChange(p: PlannedTarget): string {
  const before = p.previous;
  if (!before) return 'no image with this hash';
  if (before.hash === p.hash) return `its image ${p.hashTag} is not in the engine`;
  const was = before.inputs;
  if (!was) return 'inputs changed';
  const what: string[] = [];
  if (was.dockerfile !== p.parts.dockerfile) what.push('Dockerfile');
  if (was.context !== p.parts.context) what.push('context files');
  if (was.args !== p.parts.args) what.push('build args');
  if (was.settings !== p.parts.settings) what.push('target/platform');
  const deps = Object.keys(p.parts.dependencies).filter((d) => was.dependencies[d] !== p.parts.dependencies[d]);
  if (deps.length) what.push(`dependency ${deps.join(', ')}`);
  if (Object.keys(was.dependencies).some((d) => !(d in p.parts.dependencies))) what.push('dependencies');
  return what.length ? `changed: ${what.join(', ')}` : 'inputs changed';
}
