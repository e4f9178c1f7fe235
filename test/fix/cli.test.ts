// `dockopt fix` end to end: the built CLI on temporary projects, checking stdout, stderr, the exit
// code and the files together.
import { describe, expect, it } from 'vitest';
import { chmodSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { dockopt, project, ROOT } from '../support/cli.ts';

const SIMPLE = 'FROM alpine:3.20\nrun echo hi\nCMD node server.js\n';

describe('dockopt fix', () => {
  it('prints a unified diff, exits 1 when something would change, and writes nothing', () => {
    const dir = project(null, { Dockerfile: SIMPLE });
    const r = dockopt(['fix', '--no-dockerignore'], { cwd: dir });
    expect(r.stdout).toBe(
      [
        '--- a/Dockerfile',
        '+++ b/Dockerfile',
        '@@ -1,3 +1,4 @@',
        '+# syntax=docker/dockerfile:1',
        ' FROM alpine:3.20',
        '-run echo hi',
        '+RUN echo hi',
        ' CMD node server.js',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('dockopt: 2 fixes to apply in 1 file (--write applies them); 1 unsafe fix left out (--unsafe applies them); 1 finding left for `dockopt lint`\n');
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(SIMPLE);
  });

  it('exits 0 when there is nothing to fix', () => {
    const dir = project(null, { Dockerfile: '# syntax=docker/dockerfile:1\nFROM alpine:3.20\nCMD ["sh"]\n' });
    const r = dockopt(['fix', '--no-dockerignore'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: '', stderr: 'dockopt: nothing to fix\n' });
  });

  it('--write replaces the file atomically, keeping its mode, CRLF and BOM', () => {
    const dir = project(null, { 'svc/Dockerfile': '\uFEFFFROM alpine:3.20\r\nrun echo hi\r\n' });
    const file = join(dir, 'svc', 'Dockerfile');
    chmodSync(file, 0o640);
    const r = dockopt(['fix', '--write', '--no-dockerignore', 'svc'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('dockopt: fixed 1 file (2 fixes)\n');
    expect(readFileSync(file, 'utf8')).toBe('\uFEFF# syntax=docker/dockerfile:1\r\nFROM alpine:3.20\r\nRUN echo hi\r\n');
    expect(statSync(file).mode & 0o777).toBe(0o640);
    expect(readdirSync(join(dir, 'svc'))).toEqual(['Dockerfile']);
  });

  it('--unsafe applies the unsafe fixes too; --only restricts them', () => {
    const dir = project(null, { Dockerfile: SIMPLE });
    expect(dockopt(['fix', '--write', '--unsafe', '--no-dockerignore'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN echo hi\nCMD ["node", "server.js"]\n');
    const other = project(null, { Dockerfile: SIMPLE });
    const r = dockopt(['fix', '--write', '--unsafe', '--only', 'shell-form-cmd'], { cwd: other });
    expect(r.stderr).toBe('dockopt: fixed 1 file (1 fix); 2 findings left for `dockopt lint`\n');
    expect(readFileSync(join(other, 'Dockerfile'), 'utf8')).toBe('FROM alpine:3.20\nrun echo hi\nCMD ["node", "server.js"]\n');
  });

  it('--format json reports the files, the fixes applied and the findings left', () => {
    const dir = project(null, { Dockerfile: SIMPLE });
    const r = dockopt(['fix', '--format', 'json', '--no-dockerignore'], { cwd: dir });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.files).toHaveLength(1);
    expect(doc.files[0]).toMatchObject({ path: 'Dockerfile', error: null, changed: true, written: false, unsafeSkipped: 1, rejected: [] });
    expect(doc.files[0].applied.map((a: { code: string }) => a.code)).toEqual(['DO100', 'DO220']);
    expect(doc.files[0].applied[1]).toEqual({ code: 'DO220', name: 'inconsistent-instruction-casing', description: 'Write RUN', applicability: 'safe', line: 2, pass: 1 });
    expect(doc.files[0].remaining).toEqual([expect.objectContaining({ code: 'DO217', line: 4, fix: { applicability: 'unsafe', description: 'Convert to JSON (exec) form' } })]);
    expect(doc.summary).toEqual({ files: 1, filesChanged: 1, filesWithErrors: 0, fixesApplied: 2, fixesRejected: 0, remaining: 1, unsafeSkipped: 1 });
  });

  it('reads standard input: a diff, or with --write the fixed text', () => {
    const dir = project(null);
    const diff = dockopt(['fix', '-', '--stdin-filename', 'web/Dockerfile'], { cwd: dir, input: SIMPLE });
    expect(diff.code).toBe(1);
    expect(diff.stdout).toMatch(/^--- a\/web\/Dockerfile\n\+\+\+ b\/web\/Dockerfile\n/);
    const fixed = dockopt(['fix', '--write', '-'], { cwd: dir, input: SIMPLE });
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toBe('# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN echo hi\nCMD node server.js\n');
  });

  it('--multistage rewrites into the template', () => {
    const dir = project(null, { Dockerfile: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n' });
    const r = dockopt(['fix', '--write', '--multistage', '--no-dockerignore'], { cwd: dir });
    expect(r.stderr).toBe('dockopt: fixed 1 file (1 fix)\n');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('FROM base AS dependencies\nCOPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n');
  });

  it('usage and input errors exit 2 with one line; other files are still fixed', () => {
    const dir = project(null, { Dockerfile: SIMPLE });
    const bad = dockopt(['fix', '--only', 'DO999'], { cwd: dir });
    expect(bad).toEqual({ code: 2, stdout: '', stderr: 'dockopt: --only: no rule "DO999" (see `dockopt rules`)\n' });
    const missing = dockopt(['fix', '--write', '--no-dockerignore', 'Dockerfile', 'nope/Dockerfile'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('dockopt: nope/Dockerfile: no such file or directory\ndockopt: fixed 1 file (2 fixes); 1 unsafe fix left out (--unsafe applies them); 1 finding left for `dockopt lint`\n');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).not.toBe(SIMPLE);
  });

  it('creates a .dockerignore for a context without one, never excluding what a COPY reads', () => {
    const dir = project(null, {
      Dockerfile: '# syntax=docker/dockerfile:1\nFROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\nCOPY app/ /app/\nCOPY build/wheels /wheels\nCMD ["python", "-m", "app"]\n',
      'requirements.txt': 'flask\n',
      'app/__init__.py': '',
      'build/wheels/a.whl': 'w',
      '.git/HEAD': 'ref: refs/heads/main\n',
      'node_modules/x/index.js': '',
    });
    const r = dockopt(['fix', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const file = JSON.parse(r.stdout).files.find((f: { path: string }) => f.path === '.dockerignore');
    expect(file).toMatchObject({ created: true, changed: true, applied: [{ code: 'DOCKERIGNORE', applicability: 'safe' }] });
    expect(file.skipped).toContainEqual({ pattern: 'build', reason: 'COPY on line 7 of Dockerfile reads build/wheels' });
    const diff = dockopt(['fix'], { cwd: dir });
    expect(diff.stdout).toMatch(/^--- \/dev\/null\n\+\+\+ b\/\.dockerignore\n@@ -0,0 \+1,\d+ @@\n\+# Made by `dockopt fix`/);
    expect(dockopt(['fix', '--write'], { cwd: dir }).code).toBe(0);
    const text = readFileSync(join(dir, '.dockerignore'), 'utf8');
    expect(text.split('\n')).toEqual(expect.arrayContaining(['.dockerignore', '.git', 'node_modules', '**/__pycache__', 'dist']));
    expect(text.split('\n')).not.toContain('build');
    expect(statSync(join(dir, '.dockerignore')).mode & 0o777).toBe(0o644);
    // Done: nothing left to add.
    expect(dockopt(['fix'], { cwd: dir })).toMatchObject({ code: 0, stdout: '' });
  });

  it('additions to an existing .dockerignore are unsafe', () => {
    const files = { Dockerfile: '# syntax=docker/dockerfile:1\nFROM alpine:3.20\nCOPY app.sh /app.sh\nCMD ["/app.sh"]\n', 'app.sh': '', '.dockerignore': '# mine\n.git\n' };
    const dir = project(null, files);
    const safe = dockopt(['fix'], { cwd: dir });
    expect(safe).toEqual({ code: 0, stdout: '', stderr: 'dockopt: nothing to fix; 1 unsafe fix left out (--unsafe applies them)\n' });
    const unsafe = dockopt(['fix', '--write', '--unsafe'], { cwd: dir });
    expect(unsafe, JSON.stringify(unsafe)).toMatchObject({ code: 0 });
    const text = readFileSync(join(dir, '.dockerignore'), 'utf8');
    expect(text.startsWith('# mine\n.git\n\n# Added by `dockopt fix`\n# Version control\n.hg\n.svn\n# Editors and IDEs\n')).toBe(true);
    expect(text.split('\n').filter((l) => l === '.git')).toHaveLength(1);
  });

  it('the lint path does not load the diff library or handlebars', () => {
    // Static imports reachable from the lint command and the rules.
    const seen = new Set<string>();
    const packages = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^import (?!type )[^;]*?from '([^']+)'/gm)) {
        const spec = m[1];
        if (spec.startsWith('.')) walk(join(file, '..', spec));
        else packages.add(spec);
      }
    };
    walk(join(ROOT, 'src', 'commands', 'lint.ts'));
    expect(seen.has(join(ROOT, 'src', 'fix', 'report.ts'))).toBe(false);
    expect(seen.has(join(ROOT, 'src', 'fix', 'multistage.ts'))).toBe(false);
    expect([...packages].filter((p) => p === 'diff' || p === 'handlebars')).toEqual([]);
  });

  it('writes through a temporary file: a read-only directory leaves the original intact', () => {
    const dir = project(null, { 'ro/Dockerfile': SIMPLE });
    chmodSync(join(dir, 'ro'), 0o555);
    try {
      const r = dockopt(['fix', '--write', '--no-dockerignore', 'ro'], { cwd: dir });
      if (process.getuid?.() === 0) return; // root writes anyway
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^dockopt: ro\/Dockerfile: cannot be written \(EACCES\)/);
      expect(readFileSync(join(dir, 'ro', 'Dockerfile'), 'utf8')).toBe(SIMPLE);
    } finally {
      chmodSync(join(dir, 'ro'), 0o755);
    }
  });
});

