// The exact command lines of the three builders. buildx and buildctl cannot be installed on this
// machine, so besides the pure functions, the CLI is run against a recording stand-in executable
// (test/support/recording-builder.mjs) in place of `docker` and `buildctl`: it records every
// argument array it is given and answers like the real tool. This proves the command lines, not
// that a real buildx or buildkitd accepts them.
import { mkdtempSync, readFileSync, symlinkSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCommands, type BuildRequest } from '../../src/build/builders.ts';
import { dockopt, project, ROOT } from '../support/cli.ts';

const STANDIN = join(ROOT, 'test', 'support', 'recording-builder.mjs');

const request: BuildRequest = {
  dockerfile: '/src/app/Dockerfile',
  context: '/src',
  tags: ['registry.example/app:1', 'registry.example/app:dockopt-0123456789ab'],
  labels: { 'dockopt.hash': 'h' },
  buildArgs: { A: '1', B: 'two words' },
  target: 'runtime',
  platform: 'linux/arm64',
  iidFile: '/tmp/w/iid',
  metadataFile: '/tmp/w/metadata.json',
  push: false,
  cacheFrom: ['type=registry,ref=registry.example/app:cache'],
  cacheTo: ['type=registry,ref=registry.example/app:cache,mode=max'],
  buildxBuilder: 'remote',
  imageTarball: '/tmp/w/image.tar',
};
const tools = { docker: '/usr/bin/docker', buildctl: '/usr/local/bin/buildctl' };

describe('buildCommands', () => {
  it('docker: `docker build` with BuildKit, plain progress, the hash label and all tags', () => {
    const c = buildCommands('docker', { ...request, cacheTo: [] }, tools);
    expect(c.build).toEqual({
      command: '/usr/bin/docker',
      args: [
        'build', '--progress=plain', '-f', '/src/app/Dockerfile', '--iidfile', '/tmp/w/iid',
        '--label', 'dockopt.hash=h',
        '-t', 'registry.example/app:1', '-t', 'registry.example/app:dockopt-0123456789ab',
        '--build-arg', 'A=1', '--build-arg', 'B=two words',
        '--target', 'runtime', '--platform', 'linux/arm64',
        '--cache-from', 'type=registry,ref=registry.example/app:cache',
        '/src',
      ],
      env: { DOCKER_BUILDKIT: '1' },
    });
    expect(c.after).toEqual([]);
  });

  it('docker with push: every tag is pushed after the build', () => {
    const c = buildCommands('docker', { ...request, push: true, cacheTo: [] }, tools);
    expect(c.after).toEqual([
      { command: '/usr/bin/docker', args: ['push', 'registry.example/app:1'] },
      { command: '/usr/bin/docker', args: ['push', 'registry.example/app:dockopt-0123456789ab'] },
    ]);
  });

  it('buildx: --builder, cache import/export, metadata, and --load or --push', () => {
    const load = buildCommands('buildx', request, tools);
    expect(load.build.command).toBe('/usr/bin/docker');
    expect(load.build.args).toEqual([
      'buildx', 'build', '--builder', 'remote',
      '--progress=plain', '-f', '/src/app/Dockerfile', '--iidfile', '/tmp/w/iid',
      '--label', 'dockopt.hash=h',
      '-t', 'registry.example/app:1', '-t', 'registry.example/app:dockopt-0123456789ab',
      '--build-arg', 'A=1', '--build-arg', 'B=two words',
      '--target', 'runtime', '--platform', 'linux/arm64',
      '--cache-from', 'type=registry,ref=registry.example/app:cache',
      '--metadata-file', '/tmp/w/metadata.json',
      '--cache-to', 'type=registry,ref=registry.example/app:cache,mode=max',
      '--load', '/src',
    ]);
    expect(load.after).toEqual([]);
    const push = buildCommands('buildx', { ...request, push: true, buildxBuilder: null }, tools);
    expect(push.build.args.slice(0, 3)).toEqual(['buildx', 'build', '--progress=plain']);
    expect(push.build.args.slice(-2)).toEqual(['--push', '/src']);
  });

  it('buildctl: dockerfile.v0 frontend, locals, opts, cache, and a docker tarball loaded into the engine', () => {
    const c = buildCommands('buildctl', { ...request, cacheFrom: ['registry.example/app:cache'] }, tools);
    expect(c.build).toEqual({
      command: '/usr/local/bin/buildctl',
      args: [
        'build', '--progress=plain', '--frontend', 'dockerfile.v0',
        '--local', 'context=/src', '--local', 'dockerfile=/src/app', '--opt', 'filename=Dockerfile',
        '--opt', 'target=runtime', '--opt', 'platform=linux/arm64',
        '--opt', 'build-arg:A=1', '--opt', 'build-arg:B=two words',
        '--opt', 'label:dockopt.hash=h',
        '--import-cache', 'type=registry,ref=registry.example/app:cache',
        '--export-cache', 'type=registry,ref=registry.example/app:cache,mode=max',
        '--metadata-file', '/tmp/w/metadata.json',
        '--output', 'type=docker,"name=registry.example/app:1,registry.example/app:dockopt-0123456789ab",dest=/tmp/w/image.tar',
      ],
    });
    expect(c.after).toEqual([{ command: '/usr/bin/docker', args: ['load', '-i', '/tmp/w/image.tar'] }]);
  });

  it('buildctl with push: an image output pushed by buildkitd, nothing loaded', () => {
    const c = buildCommands('buildctl', { ...request, push: true, tags: ['app:1'] }, tools);
    expect(c.build.args.slice(-2)).toEqual(['--output', 'type=image,name=app:1,push=true']);
    expect(c.after).toEqual([]);
  });
});

interface Call {
  tool: string;
  argv: string[];
  env: Record<string, string>;
}

function calls(file: string): Call[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Call);
}

/** A project with one image, and the stand-in as docker and buildctl. */
function standinProject(config: string) {
  const dir = project(null, {
    '.dockopt.yaml': config,
    'app/Dockerfile': 'FROM busybox:local\nARG VERSION=0\nCOPY app/main.sh /main.sh\n',
    'app/main.sh': 'echo hi\n',
    '.dockerignore': '.dockopt\n',
  });
  const bin = mkdtempSync(join(tmpdir(), 'dockopt-standin-'));
  symlinkSync(STANDIN, join(bin, 'buildctl'));
  const record = join(dir, 'calls.jsonl');
  // No engine at DOCKER_HOST: dockopt's direct engine API calls fail and fall back to the client.
  const env = { DOCKER_HOST: 'unix:///nonexistent/docker.sock', DOCKOPT_RECORD: record, DOCKOPT_DOCKER: STANDIN, DOCKOPT_BUILDCTL: join(bin, 'buildctl'), BUILDKIT_HOST: 'tcp://buildkitd.example:1234' };
  return { dir, record, env };
}

const CONFIG = `images:
  app:
    dockerfile: app/Dockerfile
    context: .
    tags: [registry.example/team/app:1.0]
    args: { VERSION: "2" }
    platform: linux/arm64
`;

/** Replace the per-run temporary directory in recorded arguments. */
function normalize(argv: string[]): string[] {
  return argv.map((a) => a.replace(/\/[^,"]*dockopt-build-[^/,"]+\//g, '<work>/'));
}

describe('builders through the CLI, recorded by a stand-in executable', () => {
  it('buildx: the exact `docker buildx build` command line, and a skip check in the engine', () => {
    const { dir, record, env } = standinProject(CONFIG);
    const r = dockopt(['build', '--builder', 'buildx', '--buildx-builder', 'remote', '--cache-from', 'type=registry,ref=registry.example/team/app:cache', '--cache-to', 'type=registry,ref=registry.example/team/app:cache,mode=max', '-f', 'json'], { cwd: dir, env });
    expect(r.stderr).toContain('[app]');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    const hash: string = report.targets[0].hash;
    const hashTag = `registry.example/team/app:dockopt-${hash.slice(0, 12)}`;
    const recorded = calls(record);
    expect(recorded.map((c) => c.argv.slice(0, 2))).toEqual([
      ['image', 'inspect'],
      ['buildx', 'build'],
    ]);
    expect(recorded[0].argv.slice(4)).toEqual([hashTag]);
    expect(normalize(recorded[1].argv)).toEqual([
      'buildx', 'build', '--builder', 'remote',
      '--progress=plain', '-f', join(dir, 'app/Dockerfile'), '--iidfile', '<work>/iid',
      '--label', `dockopt.hash=${hash}`,
      '-t', 'registry.example/team/app:1.0', '-t', hashTag,
      '--build-arg', 'VERSION=2',
      '--platform', 'linux/arm64',
      '--cache-from', 'type=registry,ref=registry.example/team/app:cache',
      '--metadata-file', '<work>/metadata.json',
      '--cache-to', 'type=registry,ref=registry.example/team/app:cache,mode=max',
      '--load', dir,
    ]);
    expect(report.targets[0]).toMatchObject({ name: 'app', status: 'built', image: `sha256:${'1'.repeat(64)}`, steps: { total: 1, cached: 0 } });
  });

  it('buildx --push: skip asks the registry (imagetools inspect), then builds with --push', () => {
    const { dir, record, env } = standinProject(CONFIG);
    const r = dockopt(['build', '--builder', 'buildx', '--push', '-f', 'json'], { cwd: dir, env });
    expect(r.code).toBe(0);
    const hash: string = JSON.parse(r.stdout).targets[0].hash;
    const hashTag = `registry.example/team/app:dockopt-${hash.slice(0, 12)}`;
    const recorded = calls(record);
    expect(recorded[0].argv).toEqual(['buildx', 'imagetools', 'inspect', hashTag]);
    expect(recorded[1].argv.slice(-2)).toEqual(['--push', dir]);
    const images = JSON.parse(readFileSync(join(dir, '.dockopt/images.json'), 'utf8'));
    expect(images.images.app).toMatchObject({ image: `sha256:${'1'.repeat(64)}`, hashTag, digest: `sha256:${'2'.repeat(64)}`, tags: ['registry.example/team/app:1.0'] });

    // The registry now has the hash tag: skipped, and the target's own tag is pointed at it there.
    const again = dockopt(['build', '--builder', 'buildx', '--push', '-f', 'json'], { cwd: dir, env: { ...env, DOCKOPT_STANDIN_REGISTRY: hashTag } });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).targets[0]).toMatchObject({ status: 'skipped', reason: `up to date: the registry has ${hashTag}` });
    expect(calls(record).slice(2).map((c) => c.argv)).toEqual([
      ['buildx', 'imagetools', 'inspect', hashTag],
      ['buildx', 'imagetools', 'create', '-t', 'registry.example/team/app:1.0', hashTag],
    ]);
  });

  it('buildctl: BUILDKIT_HOST reaches buildctl, the image is exported and loaded into the engine', () => {
    const { dir, record, env } = standinProject(CONFIG);
    const r = dockopt(['build', '--builder', 'buildctl', '-f', 'json'], { cwd: dir, env });
    expect(r.code).toBe(0);
    const hash: string = JSON.parse(r.stdout).targets[0].hash;
    const hashTag = `registry.example/team/app:dockopt-${hash.slice(0, 12)}`;
    const recorded = calls(record);
    expect(recorded.map((c) => [c.tool, ...c.argv.slice(0, 2)])).toEqual([
      ['docker', 'image', 'inspect'],
      ['buildctl', 'build', '--progress=plain'],
      ['docker', 'load', '-i'],
    ]);
    expect(recorded[1].env.BUILDKIT_HOST).toBe('tcp://buildkitd.example:1234');
    expect(normalize(recorded[1].argv)).toEqual([
      'build', '--progress=plain', '--frontend', 'dockerfile.v0',
      '--local', `context=${dir}`, '--local', `dockerfile=${join(dir, 'app')}`, '--opt', 'filename=Dockerfile',
      '--opt', 'platform=linux/arm64',
      '--opt', 'build-arg:VERSION=2',
      '--opt', `label:dockopt.hash=${hash}`,
      '--metadata-file', '<work>/metadata.json',
      '--output', `type=docker,"name=registry.example/team/app:1.0,${hashTag}",dest=<work>/image.tar`,
    ]);
    expect(normalize(recorded[2].argv)).toEqual(['load', '-i', '<work>/image.tar']);
  });

  it('docker --push: builds with DOCKER_BUILDKIT=1, then pushes each tag and records the digest', () => {
    const { dir, record, env } = standinProject(CONFIG.replace('    platform: linux/arm64\n', ''));
    const r = dockopt(['build', '--push', '-f', 'json'], { cwd: dir, env });
    expect(r.code).toBe(0);
    const hash: string = JSON.parse(r.stdout).targets[0].hash;
    const hashTag = `registry.example/team/app:dockopt-${hash.slice(0, 12)}`;
    const recorded = calls(record);
    // version: the engine's platform goes into the hash when the target sets none.
    expect(recorded.map((c) => c.argv.slice(0, 2))).toEqual([['version', '--format'], ['image', 'inspect'], ['build', '--progress=plain'], ['push', 'registry.example/team/app:1.0'], ['push', hashTag]]);
    expect(recorded[2].env.DOCKER_BUILDKIT).toBe('1');
    const images = JSON.parse(readFileSync(join(dir, '.dockopt/images.json'), 'utf8'));
    expect(images.images.app.digest).toBe(`sha256:${'2'.repeat(64)}`);
  });

  it('a failed build records nothing and exits 1', () => {
    const { dir, env } = standinProject(CONFIG);
    const r = dockopt(['build', '--builder', 'buildx', '-f', 'json'], { cwd: dir, env: { ...env, DOCKOPT_STANDIN_FAIL: 'build' } });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).targets[0]).toMatchObject({ status: 'failed', image: null, reason: '[2/2] RUN true: exit code 1' });
    expect(existsSync(join(dir, '.dockopt/images.json'))).toBe(false);
  });
});
