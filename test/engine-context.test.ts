// .dockerignore semantics against the real engine: for each context, BuildKit builds
// `FROM scratch` + `COPY . /` with the local exporter, and the exported tree must be exactly what
// `dockopt context --format json` lists (paths, types, file sizes). Also checks what the context
// rules claim about builds (an excluded or missing COPY source fails, a wildcard matching nothing
// does not).
import { expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { describeEngine, docker } from './support/engine.ts';
import { dockopt } from './support/cli.ts';

interface Case {
  name: string;
  /** Context files: content, or null for an (empty) directory. */
  files: Record<string, string | null>;
  /** Symlinks: path → target. */
  links?: Record<string, string>;
  /** Where the Dockerfile is, relative to the context (may start with ../); its `<name>.dockerignore` is honoured. */
  dockerfile?: string;
  /** Files next to the Dockerfile outside the context (e.g. its .dockerignore), relative to the context. */
  outside?: Record<string, string>;
  setup?: (dir: string) => void;
}

const CASES: Case[] = [
  {
    name: 'negation re-including inside an excluded directory',
    files: { '.dockerignore': 'node_modules\n!node_modules/keep\n!node_modules/gone/x\n', 'node_modules/keep/a.js': 'a', 'node_modules/other/b.js': 'b', 'node_modules/gone/y': 'y', 'src/x': 'x' },
  },
  {
    name: 'a negation with a wildcard does not re-enter an excluded directory',
    files: { '.dockerignore': 'a\n!**/c\nb\n!b/*/c\n', 'a/b/c': '1', c: '2', 'b/x/c': '3', 'b/x/d': '4' },
  },
  {
    name: '** at the start, middle and end',
    files: { '.dockerignore': '**/*.log\na/**/b\nlogs/**\n**foo\n', 'x.log': '1', 'd/e/y.log': '2', 'a/b': '3', 'a/x/y/b': '4', 'a/c': '5', 'logs/z/q': '6', 'm/xfoo': '7', foo: '8', 'n/foo': '9' },
  },
  {
    name: 'parent directories are matched to the depth of the pattern',
    files: { '.dockerignore': '**/b\n!x/y/b/keep\nq/**/r\n!q/s/r/keep\n', 'x/y/b/keep': '1', 'x/y/b/other': '2', 'x/y/b/z/w': '3', 'q/s/r/keep': '4', 'q/s/r/other': '5' },
  },
  {
    name: 'trailing slashes and leading slashes',
    files: { '.dockerignore': 'dir/\n/foo\n!/foo/keep\nsub/*/\n', dir: 'a file named dir', 'other/dir/x': '1', 'foo/a': '2', 'foo/keep': '3', 'bar/foo': '4', 'sub/s/t': '5', 'sub/u': '6' },
  },
  {
    name: '* and ? do not cross /',
    files: { '.dockerignore': '*.txt\n*/*.md\nfil?\n', 'a.txt': '1', 'd/b.txt': '2', 'x.md': '3', 'd/y.md': '4', 'd/e/z.md': '5', file: '6', fil: '7', 'fi/l': '8' },
  },
  {
    name: 'dotfiles',
    files: { '.dockerignore': '.*\n!.env\n!.dockerignore\n', '.env': 'E', '.git/HEAD': 'ref', '.cache/x': 'c', 'a/.hidden': 'h', visible: 'v' },
  },
  {
    name: 'everything but one dotfile',
    files: { '.dockerignore': '*\n!.env\n', '.env': 'E', '.git/HEAD': 'ref', a: 'a' },
  },
  {
    name: 'the Dockerfile and .dockerignore themselves excluded',
    files: { '.dockerignore': 'Dockerfile\n.dockerignore\n', Dockerfile: 'FROM scratch\n', app: 'a' },
    dockerfile: 'Dockerfile',
  },
  {
    name: '<name>.dockerignore next to the Dockerfile takes precedence',
    files: { '.dockerignore': 'a\n', a: '1', b: '2', 'sub/app.Dockerfile': 'FROM scratch\n', 'sub/app.Dockerfile.dockerignore': 'b\n' },
    dockerfile: 'sub/app.Dockerfile',
  },
  {
    name: 'an empty <name>.dockerignore still takes precedence',
    files: { '.dockerignore': 'a\n', a: '1', b: '2', Dockerfile: 'FROM scratch\n', 'Dockerfile.dockerignore': '' },
    dockerfile: 'Dockerfile',
  },
  {
    name: 'a Dockerfile outside the context with its own ignore file',
    files: { '.dockerignore': 'a\n', a: '1', 'x/f': '2' },
    dockerfile: '../outside/build.Dockerfile',
    outside: { '../outside/build.Dockerfile': 'FROM scratch\n', '../outside/build.Dockerfile.dockerignore': 'x/f\n' },
  },
  {
    name: 'empty directories',
    files: { '.dockerignore': 'gone\n', empty: null, 'deep/er/est': null, gone: null, 'full/x': '1' },
  },
  {
    name: 'symlinks are sent as links, never followed',
    files: { '.dockerignore': 'excluded\nlink-excluded\n', 'real/deep/f': 'hi', 'excluded/secret': 's' },
    links: { linkdir: 'real', abs: '/etc/passwd', dangling: 'nowhere', 'to-excluded': 'excluded', 'link-excluded': 'real', 'real/up': '../..' },
  },
  {
    name: 'names with spaces and unicode',
    files: { '.dockerignore': 'ünï/*.txt\nname with space.txt\n  padded.md  \n', 'ünï/a.txt': '1', 'ünï/b.md': '2', 'name with space.txt': '3', 'name  with space.txt': '4', 'padded.md': '5', 'café/crème brûlée': '6', '日本/語.txt': '7' },
  },
  {
    name: 'monorepo: ignore everything, re-include a few directories',
    files: { '.dockerignore': '*\n!packages/api\n!packages/shared\n!package.json\n**/node_modules\n', 'package.json': '{}', 'yarn.lock': 'l', 'packages/api/src/x': '1', 'packages/api/node_modules/d/i': '2', 'packages/shared/y': '3', 'packages/web/z': '4', 'docs/readme': '5' },
  },
  {
    name: 'monorepo with **: ignore everything, re-include packages/api/**',
    files: { '.dockerignore': '**\n!packages/api/**\n', 'packages/api/src/x': '1', 'packages/web/z': '2', top: '3' },
  },
  {
    name: 'classes, escapes and regexp characters',
    files: { '.dockerignore': 'd[^a]e\n[a-c]x\n\\*\n\\d\na+b\n(x)\n[[:upper:]]\nk{2}\n(m|n)o\n', kk: 'k2', 'k{2}': 'k', mo: 'm', no: 'n', '(m|n)o': 'mn', 'd/e': '1', dbe: '2', ax: '3', dx: '4', '*': '5', '7': '6', z: '7', 'a+b': '8', aab: '9', '(x)': 'a', x: 'b', Q: 'c' },
  },
  {
    name: 'comments, blank lines, CRLF, BOM and cleaned patterns',
    files: { '.dockerignore': '\uFEFF# comment\r\n\r\n #not-a-comment\r\nfoo/../bar\r\n./baz\r\n', '# comment': '1', '#not-a-comment': '2', bar: '3', baz: '4', 'foo/q': '5' },
  },
  {
    name: 'special files: named pipes are left out, sockets arrive empty; hard links',
    files: { ok: 'ok', h1: 'data' },
    setup: (dir) => {
      execFileSync('mkfifo', [join(dir, 'fifo')]);
      execFileSync('python3', ['-c', `import socket; socket.socket(socket.AF_UNIX).bind(${JSON.stringify(join(dir, 'sock'))})`]);
      linkSync(join(dir, 'h1'), join(dir, 'h2'));
    },
  },
];

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

function makeContext(c: Case): { root: string; ctx: string } {
  const root = mkdtempSync(join(tmpdir(), 'dockopt-engine-ctx-'));
  made.push(root);
  const ctx = join(root, 'ctx');
  mkdirSync(ctx);
  for (const [rel, content] of Object.entries({ ...c.files, ...c.outside })) {
    const p = join(ctx, rel);
    if (content === null) mkdirSync(p, { recursive: true });
    else {
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content);
    }
  }
  for (const [rel, target] of Object.entries(c.links ?? {})) {
    mkdirSync(dirname(join(ctx, rel)), { recursive: true });
    symlinkSync(target, join(ctx, rel));
  }
  c.setup?.(ctx);
  return { root, ctx };
}

/** `type path size` for each exported entry (size for files and links). */
function listTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string, rel: string) => {
    for (const name of readdirSync(abs)) {
      const p = rel ? `${rel}/${name}` : name;
      const st = lstatSync(join(abs, name));
      if (st.isDirectory()) {
        out.push(`dir ${p}`);
        walk(join(abs, name), p);
      } else out.push(`${st.isSymbolicLink() ? 'symlink' : 'file'} ${p} ${st.size}`);
    }
  };
  walk(dir, '');
  return out.sort();
}

/** What the engine sends: build FROM scratch + COPY . / and export the result. */
function engineSends(root: string, ctx: string, dockerfile: string | undefined): string[] {
  const probe = join(root, 'probe');
  mkdirSync(probe);
  const name = basename(dockerfile ?? 'Dockerfile');
  writeFileSync(join(probe, name), 'FROM scratch\nCOPY . /\n');
  if (dockerfile) {
    try {
      writeFileSync(join(probe, `${name}.dockerignore`), readFileSync(join(ctx, `${dockerfile}.dockerignore`)));
    } catch {
      /* no Dockerfile-specific ignore file */
    }
  }
  const out = join(root, 'out');
  const r = docker(['build', '-q', '-f', join(probe, name), '-o', `type=local,dest=${out}`, ctx]);
  if (r.code !== 0) throw new Error(`engine build failed: ${r.stderr}`);
  mkdirSync(out, { recursive: true });
  return listTree(out);
}

describeEngine('build context: dockopt context lists exactly what the engine sends', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const { root, ctx } = makeContext(c);
      const expected = engineSends(root, ctx, c.dockerfile);
      const args = ['context', ctx, '--format', 'json', ...(c.dockerfile ? ['--dockerfile', join(ctx, c.dockerfile)] : [])];
      const r = dockopt(args, { cwd: root });
      expect(r.stderr.replace(/^dockopt: .*named pipe.*\n/m, '')).toBe('');
      expect(r.code).toBe(0);
      const report = JSON.parse(r.stdout);
      const got = report.files.map((f: { path: string; type: string; size: number }) => (f.type === 'dir' ? `dir ${f.path}` : `${f.type} ${f.path} ${f.size}`)).sort();
      expect(got).toEqual(expected);
      const files = expected.filter((e) => !e.startsWith('dir '));
      expect(report.totalFiles).toBe(files.length);
      expect(report.totalBytes).toBe(files.reduce((n, e) => n + Number(e.split(' ').pop()), 0));
    });
  }
});

describeEngine('build context: what the context rules claim about builds', () => {
  const build = (ctx: string, dockerfile: string) => {
    writeFileSync(join(ctx, 'Dockerfile'), dockerfile);
    return docker(['build', '-q', '-o', `type=local,dest=${join(ctx, '..', `out-${Math.random().toString(36).slice(2)}`)}`, ctx]);
  };
  const lint = (ctx: string) => JSON.parse(dockopt(['lint', 'Dockerfile', '--format', 'json'], { cwd: ctx }).stdout).files[0].findings.map((f: { code: string }) => f.code);

  it('COPY of a source .dockerignore excludes fails the build (DO603)', () => {
    const { ctx } = makeContext({ name: '', files: { '.dockerignore': 'secret*\n', 'secret.txt': 's', app: 'a' } });
    const r = build(ctx, 'FROM scratch\nCOPY secret.txt /\n');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/"\/secret\.txt" not found/);
    expect(lint(ctx)).toContain('DO603');
  });

  it('COPY of a missing source fails the build (DO604); a wildcard matching nothing does not', () => {
    const { ctx } = makeContext({ name: '', files: { app: 'a' } });
    const missing = build(ctx, 'FROM scratch\nCOPY app nothere.txt /\n');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/"\/nothere\.txt" not found/);
    expect(lint(ctx)).toContain('DO604');
    const wildcard = build(ctx, 'FROM scratch\nCOPY app nothere*.txt /\n');
    expect(wildcard.code).toBe(0);
    expect(lint(ctx)).not.toContain('DO604');
  });

  it('an invalid .dockerignore pattern fails every build (DO605)', () => {
    const { ctx } = makeContext({ name: '', files: { '.dockerignore': 'logs[\n', app: 'a' } });
    const r = build(ctx, 'FROM scratch\nCOPY app /\n');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/syntax error in pattern/);
    expect(lint(ctx)).toContain('DO605');
  });
});
