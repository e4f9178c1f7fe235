// End-to-end: `dockopt context`, and the context rules through `dockopt lint`.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dockopt, project } from './support/cli.ts';

const big = (n: number) => Buffer.alloc(n, 1);

describe('dockopt context', () => {
  const files = {
    Dockerfile: 'FROM python:3.12-slim\nCOPY requirements.txt /app/\nCOPY src/ /app/src/\n',
    '.dockerignore': 'node_modules\n*.log\n',
    'requirements.txt': 'flask\n',
    'src/app.py': 'print(1)\n',
    'data/dump.sql': big(600_000),
    'data/small.csv': big(1_000),
    'node_modules/x/index.js': big(5_000),
    'debug.log': big(10),
    '.git/HEAD': 'ref: refs/heads/main\n',
  };

  it('prints totals, the largest paths as a tree with bars, and suggested .dockerignore lines', () => {
    const dir = project(null, files);
    const r = dockopt(['context'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Build context . (Dockerfile Dockerfile, ignore file .dockerignore)');
    expect(r.stdout).toMatch(/ {2}sent +7 files +601 kB {2}what the builder may receive\n/);
    expect(r.stdout).toMatch(/ {2}excluded +2 files +5.0 kB {2}left out by \.dockerignore\n/);
    expect(r.stdout).toMatch(/ {2}unused +5 files +601 kB {2}sent, but no COPY\/ADD\/RUN --mount reads it\n/);
    expect(r.stdout).toMatch(/ {2}read +2 files +15 B {2}what BuildKit transfers for this Dockerfile\n/);
    expect(r.stdout).toMatch(/Largest paths sent\n {2}601 kB 100\.0% █{24} {2}data\/ {2}\(2 files, unused\)\n {2}600 kB  99\.8% █{24} {4}data\/dump\.sql {2}\(unused\)\n {2}1\.0 kB   0\.2% ░{24} {4}data\/small\.csv {2}\(unused\)\n/);
    expect(r.stdout).toMatch(/Suggested \.dockerignore additions\n {2}data +# 601 kB, never read by the Dockerfile\n {2}\.git +# 21 B, version control\n$/);
  });

  it('--format json has the documented shape: every path sent, sorted, directories included', () => {
    const dir = project(null, files);
    const r = dockopt(['context', '.', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc)).toEqual(['context', 'dockerfile', 'ignoreFile', 'totalFiles', 'totalBytes', 'ignoredFiles', 'ignoredBytes', 'unusedBytes', 'files', 'largest']);
    expect(doc).toMatchObject({ context: '.', dockerfile: 'Dockerfile', ignoreFile: '.dockerignore', totalFiles: 7, totalBytes: 601_125, ignoredFiles: 2, ignoredBytes: 5_010, unusedBytes: 601_110 });
    expect(doc.files.map((f: { path: string }) => f.path)).toEqual(['.dockerignore', '.git', '.git/HEAD', 'Dockerfile', 'data', 'data/dump.sql', 'data/small.csv', 'requirements.txt', 'src', 'src/app.py']);
    expect(doc.files[1]).toEqual({ path: '.git', type: 'dir', size: 0 });
    expect(doc.largest[0]).toEqual({ path: 'data', type: 'dir', size: 601_000, files: 2, unused: true });
  });

  it('--dockerfile: its <name>.dockerignore applies and its reads count; without a Dockerfile unusedBytes is null', () => {
    const dir = project(null, { ...files, 'build/api.Dockerfile': 'FROM scratch\nCOPY data/ /data/\n', 'build/api.Dockerfile.dockerignore': 'src\n' });
    const doc = JSON.parse(dockopt(['context', '--dockerfile', 'build/api.Dockerfile', '--format', 'json'], { cwd: dir }).stdout);
    expect(doc.ignoreFile).toBe('build/api.Dockerfile.dockerignore');
    expect(doc.files.map((f: { path: string }) => f.path)).toContain('node_modules/x/index.js');
    expect(doc.files.map((f: { path: string }) => f.path)).not.toContain('src/app.py');
    expect(doc.unusedBytes).toBe(doc.totalBytes - 601_000);
    const sub = project(null, { 'ctx/a': 'a' });
    expect(JSON.parse(dockopt(['context', 'ctx', '--format', 'json'], { cwd: sub }).stdout)).toMatchObject({ context: 'ctx', dockerfile: null, unusedBytes: null, totalFiles: 1 });
  });

  it('an invalid .dockerignore, a missing directory or Dockerfile are one-line errors, exit 2', () => {
    const dir = project(null, { '.dockerignore': 'ok\nlogs[\n', a: 'a' });
    const bad = dockopt(['context'], { cwd: dir });
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toMatch(/^dockopt: .*\.dockerignore:2: invalid pattern "logs\[": syntax error in pattern \(BuildKit rejects it, so every build with this context fails\)\n$/);
    expect(dockopt(['context', 'nope'], { cwd: dir })).toMatchObject({ code: 2, stderr: 'dockopt: nope: no such directory\n' });
    expect(dockopt(['context', '--dockerfile', 'nope.Dockerfile'], { cwd: project(null, { a: 'a' }) })).toMatchObject({ code: 2, stderr: 'dockopt: nope.Dockerfile: no such file\n' });
  });
});

describe('dockopt lint: context rules', () => {
  const codes = (stdout: string) => JSON.parse(stdout).files.map((f: { path: string; findings: { code: string; line: number }[] }) => `${f.path}: ${f.findings.map((x) => `${x.code}@${x.line}`).join(' ')}`);
  const quiet = ['--rule', 'DO100=off'];

  it('uses each Dockerfile\'s directory as its context by default', () => {
    const dir = project(null, {
      'api/Dockerfile': 'FROM node:22\nWORKDIR /app\nCOPY package.json ./\nCOPY . .\nUSER node\nCMD ["node", "."]\n',
      'api/package.json': '{}',
      'api/node_modules/a/index.js': 'x',
      'api/.git/HEAD': 'ref',
      'web/Dockerfile': 'FROM nginx:1.27\nCOPY dist/ /usr/share/nginx/html/\nCOPY missing.conf /etc/nginx/conf.d/\n',
      'web/.dockerignore': 'node_modules\n',
      'web/dist/index.html': '<p>',
    });
    const r = dockopt(['lint', '--format', 'json', ...quiet], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(codes(r.stdout)).toEqual(['api/Dockerfile: DO601@4', 'web/Dockerfile: DO604@3']);
    expect(r.code).toBe(1);
    const text = dockopt(['lint', 'web/Dockerfile', ...quiet], { cwd: dir });
    expect(text.stdout).toMatch(/3:6 +error +COPY source "missing\.conf" does not exist in the build context web: the build fails with "\/missing\.conf" not found \(the context is taken to be the Dockerfile's directory: use --context .*\)\. +DO604 copy-missing-source/);
  });

  it('--context sets the context for every Dockerfile; config overrides[].context per Dockerfile', () => {
    const dir = project(null, { 'docker/app.Dockerfile': 'FROM alpine:3.20\nCOPY src/ /src/\nCOPY lib.c /src/\nUSER nobody\n', 'src/main.c': 'int main;', 'docker/lib.c': '' });
    const inDir = dockopt(['lint', 'docker/app.Dockerfile', '--format', 'json', ...quiet], { cwd: dir }).stdout;
    expect(codes(inDir)).toEqual(['docker/app.Dockerfile: DO604@2']);
    expect(JSON.parse(inDir).files[0].findings[0].message).toMatch(/the context is taken to be the Dockerfile's directory: use --context/);
    expect(codes(dockopt(['lint', 'docker/app.Dockerfile', '--context', '.', '--format', 'json', ...quiet], { cwd: dir }).stdout)).toEqual(['docker/app.Dockerfile: DO604@3']);
    writeFileSync(join(dir, '.dockopt.yaml'), 'overrides:\n  - files: ["docker/*.Dockerfile"]\n    context: .\n');
    expect(codes(dockopt(['lint', 'docker/app.Dockerfile', '--format', 'json', ...quiet], { cwd: dir }).stdout)).toEqual(['docker/app.Dockerfile: DO604@3']);
    const bad = dockopt(['lint', '--context', 'nope'], { cwd: dir });
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toBe('dockopt: --context nope: no such directory\n');
  });

  it('config context limits; standard input gets a context only with --stdin-filename or --context', () => {
    const dir = project(null, { a: 'a', b: 'b', c: 'c', '.dockopt.yaml': 'context:\n  maxFiles: 2\n' });
    const text = 'FROM alpine:3.20\nCOPY a /a\nCOPY nothere /x\nUSER nobody\n';
    expect(codes(dockopt(['lint', '-', '--format', 'json', ...quiet], { cwd: dir, input: text }).stdout)).toEqual(['Dockerfile: ']);
    expect(codes(dockopt(['lint', '-', '--stdin-filename', 'Dockerfile', '--format', 'json', ...quiet], { cwd: dir, input: text }).stdout)).toEqual(['Dockerfile: DO600@2 DO604@3']);
    expect(codes(dockopt(['lint', '-', '--context', '.', '--format', 'json', ...quiet], { cwd: dir, input: text }).stdout)).toEqual(['Dockerfile: DO600@2 DO604@3']);
  });

  it('a context taken by default that holds none of the paths the Dockerfile reads is doubted, not reported', () => {
    const dir = project(null, { 'docker/Dockerfile': 'FROM alpine:3.20\nCOPY package.json src/ /app/\nUSER nobody\n', 'package.json': '{}', 'src/a.js': '' });
    expect(codes(dockopt(['lint', '--format', 'json', ...quiet], { cwd: dir }).stdout)).toEqual(['docker/Dockerfile: ']);
    expect(codes(dockopt(['lint', '--format', 'json', '--context', 'docker', ...quiet], { cwd: dir }).stdout)).toEqual(['docker/Dockerfile: DO604@2 DO604@2']);
  });

  it('an invalid .dockerignore is reported on the Dockerfile (DO605), not as a crash', () => {
    const dir = project(null, { Dockerfile: 'FROM alpine:3.20\nCOPY a /a\nUSER nobody\n', a: 'a', '.dockerignore': '!\n' });
    const r = dockopt(['lint', '--format', 'json', ...quiet], { cwd: dir });
    expect(codes(r.stdout)).toEqual(['Dockerfile: DO605@1']);
    expect(JSON.parse(r.stdout).files[0].findings[0].message).toBe('.dockerignore:1: invalid pattern "!": illegal exclusion pattern "!": BuildKit rejects it, so every build of this Dockerfile fails.');
  });
});
