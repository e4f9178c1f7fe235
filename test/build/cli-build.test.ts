// `dockopt build` errors that need no engine: each is one line on standard error and exit 2.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dockopt, project, ROOT } from '../support/cli.ts';

const STANDIN = join(ROOT, 'test', 'support', 'recording-builder.mjs');
const env = { DOCKOPT_DOCKER: STANDIN, DOCKER_HOST: 'unix:///nonexistent/docker.sock', DOCKOPT_RECORD: '' };

const config = (images: string) => `images:\n${images}`;

describe('dockopt build: usage and config errors', () => {
  it('names a dependency cycle', () => {
    const dir = project(null, {
      '.dockopt.yaml': config('  a: {dockerfile: a/Dockerfile, tags: [app/a:1]}\n  b: {dockerfile: b/Dockerfile, tags: [app/b:1]}\n'),
      'a/Dockerfile': 'FROM app/b:1\n',
      'b/Dockerfile': 'FROM busybox:local\nCOPY --from=app/a:1 /x /x\n',
    });
    const r = dockopt(['build'], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`dockopt: ${join(dir, '.dockopt.yaml')}: dependency cycle: a -> b -> a (a target cannot be built FROM (or COPY --from) its own tag or a target that depends on it)\n`);
  });

  it('refuses an unknown target, listing the known ones', () => {
    const dir = project(null, { 'api/Dockerfile': 'FROM busybox:local\n', 'worker/Dockerfile': 'FROM busybox:local\n' });
    const r = dockopt(['build', 'web'], { cwd: dir, env });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dockopt: unknown target "web" (targets are: api, worker)\n');
  });

  it('reports a missing Dockerfile, a bad dependsOn, a bad tag, a bad --build-arg and -j 0', () => {
    const missing = project(null, { '.dockopt.yaml': config('  a: {dockerfile: nope/Dockerfile}\n') });
    expect(dockopt(['build'], { cwd: missing, env }).stderr).toBe(`dockopt: ${join(missing, 'nope/Dockerfile')}: Dockerfile of target "a" does not exist\n`);
    const dep = project(null, { '.dockopt.yaml': config('  a: {dockerfile: Dockerfile, dependsOn: [b]}\n'), Dockerfile: 'FROM x\n' });
    expect(dockopt(['build'], { cwd: dep, env }).stderr).toMatch(/: images\.a\.dependsOn: no image named "b" \(images are: a\)\n$/);
    const tag = project(null, { '.dockopt.yaml': config('  a: {dockerfile: Dockerfile, tags: ["App:1"]}\n'), Dockerfile: 'FROM x\n' });
    expect(dockopt(['build'], { cwd: tag, env }).stderr).toMatch(/: images\.a\.tags: "App:1" is not a valid image tag/);
    const ok = project(null, { Dockerfile: 'FROM busybox:local\n' });
    const arg = dockopt(['build', '--build-arg', 'NOVALUE'], { cwd: ok, env });
    expect([arg.code, arg.stderr]).toEqual([2, 'dockopt: --build-arg "NOVALUE" must look like NAME=VALUE (or NAME, set in the environment)\n']);
    const fromEnv = dockopt(['build', '--build-arg', 'FROM_ENV', '--dry-run'], { cwd: ok, env: { ...env, FROM_ENV: 'x' } });
    expect(fromEnv.code).toBe(0);
    const jobs = dockopt(['build', '-j', '0'], { cwd: ok, env });
    expect([jobs.code, jobs.stderr]).toEqual([2, 'dockopt: --jobs must be a whole number of at least 1 (got 0)\n']);
  });

  it('reads only the Dockerfiles of the requested targets and their dependencies', () => {
    const dir = project(null, { 'api/Dockerfile': 'FROM busybox:local\n', 'broken/Dockerfile': 'COPY x y\n' });
    expect(dockopt(['build', 'broken', '--dry-run'], { cwd: dir, env }).stderr).toBe(`dockopt: ${join(dir, 'broken/Dockerfile')}: has no FROM instruction\n`);
    const r = dockopt(['build', 'api', '--dry-run', '-f', 'json'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).targets.map((t: { name: string }) => t.name)).toEqual(['api']);
  });

  it('an unreachable engine is one line naming DOCKER_HOST, exit 2', () => {
    const dir = project(null, { Dockerfile: 'FROM busybox:local\n' });
    const r = dockopt(['build'], { cwd: dir, env: { DOCKOPT_DOCKER: '/usr/bin/docker', DOCKER_HOST: 'unix:///nonexistent/docker.sock' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^dockopt: cannot reach the Docker engine: Cannot connect to the Docker daemon at unix:\/\/\/nonexistent\/docker\.sock\. Is the docker daemon running\? \(is dockerd running\? check DOCKER_HOST\)\n$/);
  });

  it('a docker client that does not exist is one line naming the setting', () => {
    const dir = project(null, { Dockerfile: 'FROM busybox:local\n' });
    const r = dockopt(['build', '--docker', '/nonexistent/docker'], { cwd: dir, env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' } });
    expect([r.code, r.stderr]).toEqual([2, 'dockopt: docker client "/nonexistent/docker" not found (set --docker, DOCKOPT_DOCKER or build.docker in the config)\n']);
  });

  it('warns when the context sends .dockopt/ (its logs would change the hash of a COPY . build)', () => {
    const dir = project(null, { Dockerfile: 'FROM busybox:local\nCOPY . /app\n', '.dockopt/images.json': '{}' });
    const r = dockopt(['build', '--dry-run'], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`dockopt: warning: the context of ${dir.split('/').pop()} (${dir}) sends .dockopt/, where dockopt keeps logs and caches: add \`.dockopt\` to .dockerignore\n`);
  });
});
