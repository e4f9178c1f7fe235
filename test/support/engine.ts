// Engine tests run against a real dockerd (scripts/engine.sh start). Without one they are skipped
// with a loud notice; under CI=true a missing engine fails the run instead.
import { spawnSync } from 'node:child_process';
import { describe } from 'vitest';

export const DOCKER = process.env.DOCKOPT_DOCKER ?? '/usr/bin/docker';

let cached: string | null | undefined;
/** Why the engine is not usable, or null when it is. */
export function engineProblem(): string | null {
  if (cached !== undefined) return cached;
  if (!process.env.DOCKER_HOST) return (cached = 'DOCKER_HOST is not set (run: eval "$(scripts/engine.sh start)")');
  const r = spawnSync(DOCKER, ['version', '--format', '{{.Server.Version}}'], { encoding: 'utf8', timeout: 20_000 });
  if (r.status !== 0) return (cached = `${DOCKER} version failed: ${(r.stderr || r.error?.message || '').trim()}`);
  const img = spawnSync(DOCKER, ['image', 'inspect', 'busybox:local'], { encoding: 'utf8', timeout: 20_000 });
  if (img.status !== 0) return (cached = 'the busybox:local image is missing (scripts/engine.sh start imports it)');
  return (cached = null);
}

/** describe() for tests that need the real engine. */
export function describeEngine(name: string, fn: () => void): void {
  const problem = engineProblem();
  if (problem && process.env.CI) {
    describe(name, () => {
      throw new Error(`engine tests must run under CI, but: ${problem}`);
    });
    return;
  }
  if (problem) {
    console.warn(`\n*** SKIPPING ENGINE TESTS "${name}": ${problem} ***\n`);
    describe.skip(name, fn);
    return;
  }
  describe(name, fn);
}

export function docker(args: string[], opts: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(DOCKER, args, { encoding: 'utf8', cwd: opts.cwd, input: opts.input, env: { ...process.env, DOCKER_BUILDKIT: '1' }, timeout: 300_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
