// `dockopt build` options. Kept apart from the command (loaded on demand) so that defining the
// command costs the lint path nothing.
import type { Argv } from 'yargs';

export function buildOptions(y: Argv) {
  return y
    .positional('targets', { describe: 'Targets to build, with what they depend on (default: all)', type: 'string', array: true, default: [] })
    .option('jobs', { alias: 'j', describe: 'Builds to run at once (default: the number of CPUs, or build.jobs)', type: 'number' })
    .option('force', { describe: 'Build even when an image with the same hash exists', type: 'boolean', default: false })
    .option('push', { describe: 'Push the images (skip needs the registry to have the hash tag)', type: 'boolean', default: false })
    .option('dry-run', { describe: 'Print the plan (order, what would be skipped and why) without building', type: 'boolean', default: false })
    .option('fail-fast', { describe: 'Stop all builds at the first failure', type: 'boolean', default: false })
    .option('format', { alias: 'f', describe: 'Report format', choices: ['text', 'json'], default: 'text' })
    .option('output', { alias: 'o', describe: 'Write the report to FILE instead of standard output', type: 'string' })
    .option('builder', { describe: 'docker build, docker buildx build, or buildctl (BUILDKIT_HOST)', choices: ['docker', 'buildx', 'buildctl'] })
    .option('docker', { describe: 'Docker client binary (default: DOCKOPT_DOCKER, build.docker, docker)', type: 'string' })
    .option('builtin-frontend', { describe: "Ignore `# syntax=` and build with the engine's built-in Dockerfile frontend (offline)", type: 'boolean' })
    .option('build-arg', { describe: 'NAME=VALUE for every target (repeatable)', type: 'string', array: true, default: [] })
    .option('cache-from', { describe: 'External cache source, passed to the builder (repeatable)', type: 'string', array: true })
    .option('cache-to', { describe: 'Cache export, for buildx and buildctl (repeatable)', type: 'string', array: true })
    .option('buildx-builder', { describe: 'buildx builder instance (`docker buildx build --builder`)', type: 'string' })
    .option('config', { alias: 'c', describe: 'Config file (default: .dockopt.yaml/.json found upwards)', type: 'string' })
    .option('iac', { describe: 'Also take targets from Pulumi/CDK TypeScript files matching GLOB (repeatable; default: discover.iac)', type: 'string', array: true })
    .option('color', { describe: 'Force colour on or off', type: 'boolean' });
}
