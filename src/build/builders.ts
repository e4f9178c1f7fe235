// Command lines for the three builders, as argument arrays: `docker build` with BuildKit,
// `docker buildx build` (remote builders, registry caches), and `buildctl build` against a
// buildkitd at BUILDKIT_HOST. Pure functions: what runs them is elsewhere.
import type { Command } from './process.ts';

export type BuilderName = 'docker' | 'buildx' | 'buildctl';
export const BUILDER_NAMES: readonly BuilderName[] = ['docker', 'buildx', 'buildctl'];

export interface BuildRequest {
  /** The Dockerfile to pass (the target's own, or a rewritten copy). */
  dockerfile: string;
  context: string;
  /** User tags followed by the hash tag. */
  tags: string[];
  labels: Record<string, string>;
  buildArgs: Record<string, string>;
  target: string | null;
  platform: string | null;
  /** Written by the builder: the image id. */
  iidFile: string;
  /** Written by buildx/buildctl: digests (the pushed one included). */
  metadataFile: string;
  push: boolean;
  cacheFrom: string[];
  cacheTo: string[];
  /** buildx only: `--builder`. */
  buildxBuilder: string | null;
  /** buildctl without push: where the docker-format image tarball goes before `docker load`. */
  imageTarball: string;
}

export interface BuilderTools {
  /** The docker client binary. */
  docker: string;
  /** The buildctl binary. */
  buildctl: string;
}

export interface BuildCommands {
  /** The build itself; its output is BuildKit's plain progress. */
  build: Command;
  /** Run in order after a successful build (load into the engine, push). */
  after: Command[];
}

export function buildCommands(builder: BuilderName, req: BuildRequest, tools: BuilderTools): BuildCommands {
  switch (builder) {
    case 'docker':
      return dockerBuild(req, tools);
    case 'buildx':
      return buildxBuild(req, tools);
    case 'buildctl':
      return buildctlBuild(req, tools);
  }
}

function commonDockerArgs(req: BuildRequest): string[] {
  const args = ['--progress=plain', '-f', req.dockerfile, '--iidfile', req.iidFile];
  for (const [k, v] of Object.entries(req.labels)) args.push('--label', `${k}=${v}`);
  for (const t of req.tags) args.push('-t', t);
  for (const [k, v] of Object.entries(req.buildArgs)) args.push('--build-arg', `${k}=${v}`);
  if (req.target) args.push('--target', req.target);
  if (req.platform) args.push('--platform', req.platform);
  for (const c of req.cacheFrom) args.push('--cache-from', c);
  return args;
}

function dockerBuild(req: BuildRequest, tools: BuilderTools): BuildCommands {
  return {
    build: { command: tools.docker, args: ['build', ...commonDockerArgs(req), req.context], env: { DOCKER_BUILDKIT: '1' } },
    // The classic client cannot push from `build`: push every tag afterwards.
    after: req.push ? req.tags.map((t) => ({ command: tools.docker, args: ['push', t] })) : [],
  };
}

function buildxBuild(req: BuildRequest, tools: BuilderTools): BuildCommands {
  const args = ['buildx', 'build'];
  if (req.buildxBuilder) args.push('--builder', req.buildxBuilder);
  args.push(...commonDockerArgs(req), '--metadata-file', req.metadataFile);
  for (const c of req.cacheTo) args.push('--cache-to', c);
  args.push(req.push ? '--push' : '--load', req.context);
  return { build: { command: tools.docker, args }, after: [] };
}

/** buildctl wants `type=registry,ref=X` where buildx also takes a bare reference. */
function buildctlCache(spec: string): string {
  return /(^|,)type=/.test(spec) ? spec : `type=registry,ref=${spec}`;
}

/** A CSV field as BuildKit's option parser reads it (quoted when it holds a comma or quote). */
function csvField(field: string): string {
  return /[",]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

function buildctlBuild(req: BuildRequest, tools: BuilderTools): BuildCommands {
  const slash = Math.max(req.dockerfile.lastIndexOf('/'), req.dockerfile.lastIndexOf('\\'));
  const dockerfileDir = slash === -1 ? '.' : req.dockerfile.slice(0, slash) || '/';
  const dockerfileName = req.dockerfile.slice(slash + 1);
  const args = ['build', '--progress=plain', '--frontend', 'dockerfile.v0', '--local', `context=${req.context}`, '--local', `dockerfile=${dockerfileDir}`, '--opt', `filename=${dockerfileName}`];
  if (req.target) args.push('--opt', `target=${req.target}`);
  if (req.platform) args.push('--opt', `platform=${req.platform}`);
  for (const [k, v] of Object.entries(req.buildArgs)) args.push('--opt', `build-arg:${k}=${v}`);
  for (const [k, v] of Object.entries(req.labels)) args.push('--opt', `label:${k}=${v}`);
  for (const c of req.cacheFrom) args.push('--import-cache', buildctlCache(c));
  for (const c of req.cacheTo) args.push('--export-cache', buildctlCache(c));
  args.push('--metadata-file', req.metadataFile);
  const names = csvField(`name=${req.tags.join(',')}`);
  if (req.push) {
    args.push('--output', `type=image,${names},push=true`);
    return { build: { command: tools.buildctl, args }, after: [] };
  }
  // buildkitd has its own image store: export a docker image and load it into the engine, where
  // dependents and the next run's skip check find it.
  args.push('--output', `type=docker,${names},dest=${req.imageTarball}`);
  return { build: { command: tools.buildctl, args }, after: [{ command: tools.docker, args: ['load', '-i', req.imageTarball] }] };
}

/** The command that tells whether a registry has a tag (exit 0 when it does). */
export function registryHasTagCommand(builder: BuilderName, tag: string, tools: BuilderTools): Command {
  return builder === 'buildx'
    ? { command: tools.docker, args: ['buildx', 'imagetools', 'inspect', tag] }
    : { command: tools.docker, args: ['manifest', 'inspect', tag] };
}

/** Whether skip checks look in the local engine (false: the image lives in a registry only). */
export function imagesLandInEngine(builder: BuilderName, push: boolean): boolean {
  return builder === 'docker' || !push;
}
