// Spawn the built CLI (bin/dockopt.cjs → dist/cli.cjs) on a temporary copy of a fixture project.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = join(ROOT, 'bin', 'dockopt.cjs');

if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) throw new Error('dist/cli.cjs is missing: run `npm run build` (npm test does it)');

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function dockopt(args: string[], opts: { cwd: string; input?: string; env?: Record<string, string> }): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd,
    input: opts.input,
    encoding: 'utf8',
    // A private cache home keeps the ShellCheck result cache out of the user's home.
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', CI: '', XDG_CACHE_HOME: CACHE_HOME, ...opts.env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const made: string[] = [];
const CACHE_HOME = mkdtempSync(join(tmpdir(), 'dockopt-cache-'));
made.push(CACHE_HOME);
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

/** A temporary directory holding a copy of fixtures/<name> (or empty), plus extra files. */
export function project(fixture: string | null, files: Record<string, string | Buffer> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'dockopt-test-'));
  made.push(dir);
  if (fixture) cpSync(join(ROOT, 'fixtures', fixture), dir, { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  return dir;
}
