// End-to-end: the built CLI on temporary projects; stdout, stderr and exit code checked together.
import { describe, expect, it } from 'vitest';
import { readFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { dockopt, project } from './support/cli.ts';

const CLEAN = '# syntax=docker/dockerfile:1\nFROM alpine:3.20\nUSER nobody\nCMD ["true"]\n';
const WARN = 'FROM alpine:3.20\nCMD ["true"]\n'; // DO100 warning only

describe('dockopt lint', () => {
  it('exits 0 with a clean file and says so', () => {
    const dir = project(null, { Dockerfile: CLEAN });
    const r = dockopt(['lint'], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('1 file checked, no problems');
  });

  it('exits 1 on a warning and prints it grouped by file with code and position', () => {
    const dir = project('demo');
    const r = dockopt(['lint'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Dockerfile\n/);
    expect(r.stdout).toMatch(/ {2}1:1 +warning +No `# syntax=docker\/dockerfile:1` directive.*DO100 missing-syntax-directive/);
    expect(r.stdout).toMatch(/7:5 +warning +`pip install` runs without a cache mount/);
    expect(r.stderr).toBe('');
  });

  it('finds Dockerfile variants and skips node_modules, .git and *.dockerignore', () => {
    const dir = project(null, {
      'a/Dockerfile': CLEAN,
      'b/Dockerfile.prod': CLEAN,
      'c/api.Dockerfile': CLEAN,
      'd/Containerfile': CLEAN,
      'e/Dockerfile.dockerignore': 'node_modules\n',
      'node_modules/x/Dockerfile': 'BROKEN\n',
      '.git/Dockerfile': 'BROKEN\n',
    });
    const r = dockopt(['lint', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['a/Dockerfile', 'b/Dockerfile.prod', 'c/api.Dockerfile', 'd/Containerfile']);
  });

  it('--failure-threshold error lets warnings pass; none never fails', () => {
    const dir = project(null, { Dockerfile: WARN });
    expect(dockopt(['lint', '--failure-threshold', 'error'], { cwd: dir }).code).toBe(0);
    expect(dockopt(['lint', '--failure-threshold', 'none'], { cwd: dir }).code).toBe(0);
    expect(dockopt(['lint'], { cwd: dir }).code).toBe(1);
  });

  it('--max-warnings counts warnings', () => {
    const dir = project(null, { Dockerfile: WARN });
    expect(dockopt(['lint', '--failure-threshold', 'error', '--max-warnings', '1'], { cwd: dir }).code).toBe(0);
    const r = dockopt(['lint', '--failure-threshold', 'error', '--max-warnings', '0'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1 warnings exceed --max-warnings 0');
  });

  it('--quiet reports errors only', () => {
    const dir = project(null, { Dockerfile: 'FROM alpine:3.20 AS scratch\n' });
    const r = dockopt(['lint', '--quiet', '--format', 'json'], { cwd: dir });
    const codes = JSON.parse(r.stdout).files[0].findings.map((f: { code: string }) => f.code);
    expect(codes).toEqual(['DO215']);
    expect(r.code).toBe(1);
  });

  it('--rule turns a rule off or changes its severity; an unknown rule is a usage error', () => {
    const dir = project(null, { Dockerfile: WARN });
    expect(dockopt(['lint', '--rule', 'DO100=off'], { cwd: dir }).code).toBe(0);
    const r = dockopt(['lint', '--rule', 'missing-syntax-directive=error', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout).files[0].findings[0].severity).toBe('error');
    const bad = dockopt(['lint', '--rule', 'DO999=off'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^dockopt: .*unknown rule "DO999"/);
    expect(bad.stdout).toBe('');
  });

  it('reads standard input with -', () => {
    const dir = project(null);
    const r = dockopt(['lint', '-', '--format', 'json'], { cwd: dir, input: 'FROM alpine:3.20\nRUNN x\n' });
    expect(r.code).toBe(1);
    const file = JSON.parse(r.stdout).files[0];
    expect(file.path).toBe('Dockerfile');
    expect(file.findings.map((f: { code: string; line: number }) => `${f.code}@${f.line}`)).toContain('DO000@2');
  });

  it('the JSON format has the documented shape', () => {
    const dir = project(null, { Dockerfile: 'FROM node\n' });
    const doc = JSON.parse(dockopt(['lint', '--format', 'json'], { cwd: dir }).stdout);
    expect(Object.keys(doc)).toEqual(['files', 'summary']);
    expect(doc.files[0]).toMatchObject({ path: 'Dockerfile', error: null });
    const f = doc.files[0].findings.find((x: { code: string }) => x.code === 'DO200');
    expect(f).toEqual({ code: 'DO200', name: 'untagged-base-image', severity: 'warning', message: expect.stringContaining('node'), line: 1, column: 6, endLine: 1, endColumn: 10, fix: null });
    expect(doc.summary).toMatchObject({ files: 1, filesWithErrors: 0 });
  });

  it('reports a missing, binary, non-UTF-8 or empty-directory input in one line, exits 2 and still lints the rest', () => {
    const dir = project(null, {
      Dockerfile: WARN,
      'bin.Dockerfile': Buffer.from([0x46, 0x52, 0x00, 0x01, 0x02]),
      'latin1.Dockerfile': Buffer.from('FROM alpine:3.20\nLABEL a="\xe9"\n', 'latin1'),
      'empty/README': 'x',
    });
    const r = dockopt(['lint', 'Dockerfile', 'missing/Dockerfile', 'bin.Dockerfile', 'latin1.Dockerfile', 'empty'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('missing/Dockerfile\n  error  no such file or directory');
    expect(r.stdout).toContain('bin.Dockerfile\n  error  is a binary file, not a Dockerfile');
    expect(r.stdout).toContain('latin1.Dockerfile\n  error  is not valid UTF-8 (line 2)');
    expect(r.stdout).toContain('empty\n  error  is a directory with no Dockerfile in it');
    expect(r.stdout).toContain('DO100 missing-syntax-directive');
    expect(r.stdout).not.toMatch(/at .*\.(c?js|ts):\d+/); // no stack trace
  });

  it('handles an empty file, a CRLF file with a BOM, and a 5 MB file', () => {
    const big = `FROM alpine:3.20\n${`RUN echo ${'a'.repeat(240)}\n`.repeat(20_000)}`;
    expect(big.length).toBeGreaterThan(5_000_000);
    const dir = project(null, { 'empty.Dockerfile': '', 'crlf.Dockerfile': '\uFEFFFROM alpine:3.20\r\nrun echo hi\r\n', 'big.Dockerfile': big });
    const r = dockopt(['lint', '--format', 'json', '--rule', 'DO100=off'], { cwd: dir });
    expect(r.stderr).toBe('');
    const files = JSON.parse(r.stdout).files as { path: string; error: string | null; findings: { code: string; line: number; column: number }[] }[];
    const byPath = Object.fromEntries(files.map((f) => [f.path, f]));
    expect(byPath['empty.Dockerfile']).toMatchObject({ error: null, findings: [] });
    expect(byPath['crlf.Dockerfile'].findings).toContainEqual(expect.objectContaining({ code: 'DO220', line: 2, column: 1 }));
    expect(byPath['big.Dockerfile'].error).toBeNull();
  });

  it('--output writes the report to a file', () => {
    const dir = project(null, { Dockerfile: WARN });
    const r = dockopt(['lint', '--format', 'json', '--output', 'report.json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')).files).toHaveLength(1);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('a baseline hides recorded findings and keeps failing on new ones', () => {
    const dir = project(null, { Dockerfile: WARN });
    const w = dockopt(['lint', '--write-baseline', 'baseline.json'], { cwd: dir });
    expect(w.code).toBe(0);
    expect(w.stderr).toContain('recorded 1 finding in baseline.json');
    expect(existsSync(join(dir, 'baseline.json'))).toBe(true);
    expect(dockopt(['lint', '--baseline', 'baseline.json'], { cwd: dir }).code).toBe(0);
    // A line added above does not break the match; a new problem still fails.
    const changed = project(null, { Dockerfile: `# comment\n${WARN}RUN cd /x && make\n`, 'baseline.json': readFileSync(join(dir, 'baseline.json'), 'utf8') });
    const r = dockopt(['lint', '--baseline', 'baseline.json', '--failure-threshold', 'info', '--format', 'json'], { cwd: changed });
    const doc = JSON.parse(r.stdout);
    expect(doc.files[0].findings.map((f: { code: string }) => f.code)).toEqual(['DO204']);
    expect(doc.summary.baselined).toBe(1);
    expect(r.code).toBe(1);
    const missing = dockopt(['lint', '--baseline', 'nope.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('dockopt: nope.json: baseline file not found (create one with --write-baseline)\n');
  });

  it('an unknown option is a usage error with exit 2', () => {
    const r = dockopt(['lint', '--bogus'], { cwd: project(null) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('dockopt: Unknown argument: bogus (see `dockopt --help`)\n');
  });
});

describe('config', () => {
  it('is found by walking up and applies rule settings and ignore globs', () => {
    const dir = project(null, {
      '.dockopt.yaml': 'rules:\n  DO100: off\nignore:\n  - legacy/**\n',
      'svc/Dockerfile': WARN,
      'legacy/Dockerfile': 'RUNN\n',
    });
    const r = dockopt(['lint', '--format', 'json'], { cwd: join(dir) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual(['svc/Dockerfile']);
    expect(dockopt(['lint'], { cwd: join(dir, 'svc') }).code).toBe(0);
  });

  it('an unknown key is one clear error naming the file, the line and the key', () => {
    const dir = project(null, { '.dockopt.yaml': 'rules:\n  DO100: off\nrulez: {}\n', Dockerfile: WARN });
    const r = dockopt(['lint'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^dockopt: .*\.dockopt\.yaml:3: unknown key "rulez" \(see schema\/dockopt\.schema\.json\)\n$/);
    expect(r.stdout).toBe('');
  });

  it('a bad severity and invalid YAML are config errors too', () => {
    const bad = dockopt(['lint'], { cwd: project(null, { '.dockopt.yaml': 'failureThreshold: loud\n', Dockerfile: WARN }) });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/\.dockopt\.yaml:1: "failureThreshold" must be one of "error", "warning", "info", "style", "none"/);
    const yaml = dockopt(['lint'], { cwd: project(null, { '.dockopt.yaml': 'rules: [\n', Dockerfile: WARN }) });
    expect(yaml.code).toBe(2);
    expect(yaml.stderr).toMatch(/^dockopt: .*\.dockopt\.yaml:\d+: invalid YAML/);
    const rule = dockopt(['lint'], { cwd: project(null, { '.dockopt.json': '{"rules": {"no-such-rule": "off"}}', Dockerfile: WARN }) });
    expect(rule.code).toBe(2);
    expect(rule.stderr).toMatch(/unknown rule "no-such-rule"/);
  });

  it('reads .hadolint.yaml when there is no dockopt config', () => {
    const dir = project(null, { '.hadolint.yaml': 'ignored:\n  - DL3006\noverride:\n  error:\n    - DL3007\n', Dockerfile: '# syntax=docker/dockerfile:1\nFROM node\nFROM python:latest\n' });
    const doc = JSON.parse(dockopt(['lint', '--format', 'json'], { cwd: dir }).stdout);
    const found = doc.files[0].findings.map((f: { code: string; severity: string }) => `${f.code}:${f.severity}`);
    expect(found).not.toContain('DO200:warning');
    expect(found).toContain('DO201:error');
  });
});

describe('rules and explain', () => {
  it('rules --format json lists the catalogue with equivalents', () => {
    const r = dockopt(['rules', '--format', 'json'], { cwd: project(null) });
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout);
    const dl3006 = list.find((x: { code: string }) => x.code === 'DO200');
    expect(dl3006).toEqual({ code: 'DO200', name: 'untagged-base-image', category: 'best-practice', severity: 'warning', status: 'stable', fixable: false, enabledByDefault: true, hadolint: ['DL3006'], buildkit: [], description: expect.any(String) });
  });

  it('explain prints the docs of a rule by code, name or hadolint code', () => {
    const cwd = project(null);
    const r = dockopt(['explain', 'missing-cache-mount'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^DO101 missing-cache-mount \(performance, warning\)/);
    expect(r.stdout).toContain('Bad:\n    FROM python:3.12-slim');
    expect(dockopt(['explain', 'DL3006'], { cwd }).stdout).toMatch(/^DO200 untagged-base-image/);
    const none = dockopt(['explain', 'DO999'], { cwd });
    expect(none).toMatchObject({ code: 2, stderr: 'dockopt: no rule "DO999" (run `dockopt rules` for the list)\n' });
  });
});
