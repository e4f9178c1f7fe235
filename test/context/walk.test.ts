// The context walker on real directories: what it sends, what it skips without looking inside,
// symlinks as links, special files, unreadable entries, the ignore file's precedence.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, linkSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { afterAll } from 'vitest';
import { findIgnoreFile, walkContext, type WalkFs } from '../../src/context/walk.ts';

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function tree(files: Record<string, string | null>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dockopt-walk-'));
  made.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    const p = join(dir, rel);
    if (content === null) mkdirSync(p, { recursive: true });
    else {
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content);
    }
  }
  return dir;
}

const paths = (dir: string, opts = {}) => walkContext(dir, opts).files.map((e) => `${e.type[0]} ${e.path}`);

describe('walkContext', () => {
  it('lists directories before their entries, names in byte order, with sizes', () => {
    const dir = tree({ 'b.txt': 'bb', 'a/z': 'z', 'a/y': '', 'a-b': '123', empty: null });
    const r = walkContext(dir);
    expect(r.files.map((e) => e.path)).toEqual(['a', 'a/y', 'a/z', 'a-b', 'b.txt', 'empty']);
    expect(r.files.find((e) => e.path === 'a-b')).toMatchObject({ type: 'file', size: 3 });
    expect(r.files.find((e) => e.path === 'a')).toMatchObject({ type: 'dir', size: 0 });
    for (const e of r.files) {
      expect(e.mode).toBeGreaterThan(0);
      expect(e.ino).toBeGreaterThan(0);
      expect(e.mtimeMs).toBeGreaterThan(0);
    }
    expect(r).toMatchObject({ totalFiles: 4, totalBytes: 6, ignoreFile: null, excludedFiles: null, unreadable: [] });
  });

  it('applies .dockerignore and never reads inside excluded directories', () => {
    const dir = tree({ '.dockerignore': 'node_modules\n.git\n*.log\n', 'node_modules/x/y': 'x', '.git/HEAD': 'ref', 'a.log': 'l', 'src/a.js': 'a' });
    const seen: string[] = [];
    const spy: WalkFs = {
      ...fs,
      readdirSync: (p: string, o: { withFileTypes: true }) => {
        seen.push(p);
        return fs.readdirSync(p, o) as Dirent[];
      },
    } as WalkFs;
    const r = walkContext(dir, { fs: spy });
    expect(r.files.map((e) => e.path)).toEqual(['.dockerignore', 'src', 'src/a.js']);
    expect(r.excluded.map((e) => `${e.type} ${e.path}`)).toEqual(['dir .git', 'file a.log', 'dir node_modules']);
    expect(seen.some((p) => p.includes('node_modules') || p.includes('.git'))).toBe(false);
    expect(r.ignoreFile).toBe(join(fs.realpathSync(dir), '.dockerignore'));
  });

  it('measures what is excluded only when asked', () => {
    const dir = tree({ '.dockerignore': 'node_modules\n', 'node_modules/x/y': 'xx', 'node_modules/z': 'zzz', keep: 'k' });
    const r = walkContext(dir, { measureExcluded: true });
    expect(r.excludedFiles).toBe(2);
    expect(r.excludedBytes).toBe(5);
    expect(r.excluded[0]).toMatchObject({ path: 'node_modules', files: 2, bytes: 5 });
  });

  it('enters an excluded directory a ! pattern names, sending the directory itself', () => {
    const dir = tree({ '.dockerignore': 'node_modules\n!node_modules/keep\n', 'node_modules/keep/x': '1', 'node_modules/other/y': '2' });
    expect(paths(dir)).toEqual(['f .dockerignore', 'd node_modules', 'd node_modules/keep', 'f node_modules/keep/x']);
  });

  it('reports symlinks as links and never follows them', () => {
    const dir = tree({ 'real/deep/f': 'hi', '.dockerignore': 'excluded\n', 'excluded/secret': 's' });
    symlinkSync('real', join(dir, 'linkdir'));
    symlinkSync('/etc/passwd', join(dir, 'abs'));
    symlinkSync('nowhere', join(dir, 'dangling'));
    symlinkSync('excluded', join(dir, 'to-excluded'));
    const r = walkContext(dir);
    expect(r.files.filter((e) => e.type === 'symlink').map((e) => `${e.path} ${e.size}`)).toEqual(['abs 11', 'dangling 7', 'linkdir 4', 'to-excluded 8']);
    expect(r.files.some((e) => e.path.startsWith('linkdir/'))).toBe(false);
  });

  it('leaves named pipes out and sends sockets as empty files', () => {
    const dir = tree({ ok: 'ok' });
    execFileSync('mkfifo', [join(dir, 'fifo')]);
    const r = walkContext(dir);
    expect(r.files.map((e) => e.path)).toEqual(['ok']);
    expect(r.skipped).toEqual([{ path: 'fifo', code: 'FIFO', message: 'named pipe: the engine does not send it' }]);
  });

  it('counts hard links as the files they are', () => {
    const dir = tree({ h1: 'data' });
    linkSync(join(dir, 'h1'), join(dir, 'h2'));
    const r = walkContext(dir);
    expect(r.totalFiles).toBe(2);
    expect(r.files[0].ino).toBe(r.files[1].ino);
  });

  it('reports unreadable entries and goes on', () => {
    const dir = tree({ 'locked/x': '1', open: 'o' });
    const failing: WalkFs = {
      ...fs,
      readdirSync: (p: string, o: { withFileTypes: true }) => {
        if (p.endsWith('/locked')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        return fs.readdirSync(p, o) as Dirent[];
      },
    } as WalkFs;
    const r = walkContext(dir, { fs: failing });
    expect(r.files.map((e) => e.path)).toEqual(['locked', 'open']);
    expect(r.unreadable).toEqual([{ path: 'locked', code: 'EACCES', message: 'permission denied' }]);
  });

  it('<Dockerfile>.dockerignore next to the Dockerfile wins over .dockerignore, even empty', () => {
    const dir = tree({ '.dockerignore': 'a\n', a: '1', b: '2', 'sub/app.Dockerfile': 'FROM scratch\n', 'sub/app.Dockerfile.dockerignore': 'b\n', Dockerfile: '', 'Dockerfile.dockerignore': '' });
    expect(paths(dir).filter((p) => /^f [ab]$/.test(p))).toEqual(['f b']);
    expect(paths(dir, { dockerfile: join(dir, 'sub/app.Dockerfile') }).filter((p) => /^f [ab]$/.test(p))).toEqual(['f a']);
    expect(paths(dir, { dockerfile: join(dir, 'Dockerfile') }).filter((p) => /^f [ab]$/.test(p))).toEqual(['f a', 'f b']);
    expect(findIgnoreFile(dir, join(dir, 'other.Dockerfile'))).toBe(join(dir, '.dockerignore'));
  });

  it('a missing context or an invalid ignore file is a one-line input error', () => {
    expect(() => walkContext('/nonexistent/ctx')).toThrow(/no such directory/);
    const dir = tree({ '.dockerignore': 'ok\n[\n' });
    expect(() => walkContext(dir)).toThrow(/invalid pattern "\["/);
  });
});
