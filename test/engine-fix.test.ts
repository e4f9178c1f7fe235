// `dockopt fix` checked against the real engine: for each fixture project (fixtures/fix-engine/,
// built offline from busybox with stand-in package managers), build the original and the fixed
// Dockerfile from the same context and compare the images' runtime config and filesystem. They
// must be the same except the cache directories the new mounts keep out of the image (and the
// intended changes a case declares). Then change a source file and build the fixed project again:
// the dependency steps must come from the cache.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEngine, docker } from './support/engine.ts';
import { dockopt, project, ROOT } from './support/cli.ts';
import { parseDockerfile } from '../src/model.ts';
import { imageDifferences } from './fix/images.ts';

const BASES: Record<string, string> = {
  python: 'dockopt-fixengine/python:3.12',
  node: 'dockopt-fixengine/node:22',
  debian: 'dockopt-fixengine/debian:bookworm',
  alpine: 'dockopt-fixengine/alpine:3.20',
  golang: 'dockopt-fixengine/golang:1.22',
  lambda: 'public.ecr.aws/lambda/python:3.12-dockopt-fixengine',
};
const TAG = `dockopt-fixengine-test-${process.pid}`;
const made: string[] = [];

interface Rebuild {
  /** File (relative to the project) to change between the two builds of the fixed Dockerfile. */
  change?: string;
  /** Build args of the second build (instead of a file change). */
  buildArgs?: string[];
  /** Steps (matched against BuildKit's step names) that must be CACHED the second time. */
  cached: RegExp[];
  /** Steps that must run again (the changed file's COPY, for instance). */
  rebuilt?: RegExp[];
  /** A step the original Dockerfile runs again (the problem the fix solves). */
  originalRebuilds?: RegExp;
}

interface EngineCase {
  name: string;
  fixture: string;
  args: string[];
  /** Fixes that must have been applied (codes, MULTISTAGE for the rewrite). */
  applied: string[];
  buildArgs?: string[];
  /** Intended differences: paths (relative) and config keys, each with a reason in a comment. */
  allowPaths?: string[];
  allowConfig?: string[];
  rebuild?: Rebuild;
}

const CASES: EngineCase[] = [
  { name: 'pip cache mount, ADD→COPY, casing (safe fixes)', fixture: 'python-pip', args: [], applied: ['DO101', 'DO206', 'DO220'] },
  {
    name: 'pip: requirements first (layer order)',
    fixture: 'python-pip',
    args: ['--unsafe', '--only', 'DO101,DO102,DO206,DO220'],
    applied: ['DO101', 'DO102', 'DO206', 'DO220'],
    rebuild: { change: 'app.py', cached: [/RUN .*pip install/], rebuilt: [/COPY \. \./], originalRebuilds: /RUN .*pip install/ },
  },
  {
    name: 'npm cache mount, package.json first, CMD in JSON form',
    fixture: 'node-npm',
    args: ['--unsafe', '--only', 'DO101,DO102,DO217'],
    applied: ['DO101', 'DO102', 'DO217'],
    // CMD node server.js → CMD ["node", "server.js"]: the program runs without /bin/sh -c (intended).
    allowConfig: ['Cmd'],
    rebuild: { change: 'server.js', cached: [/RUN .*npm ci/], rebuilt: [/COPY \. \./], originalRebuilds: /RUN .*npm ci/ },
  },
  {
    name: 'node multi-stage template',
    fixture: 'node-npm',
    args: ['--multistage'],
    applied: ['MULTISTAGE'],
    rebuild: { change: 'server.js', cached: [/\[dependencies .*RUN .*npm ci/] },
  },
  {
    name: 'apt: lone update merged, cache mounts, docker-clean removed, MAINTAINER as label',
    fixture: 'apt-system',
    args: ['--unsafe', '--only', 'DO101,DO104,DO216'],
    applied: ['DO101', 'DO104', 'DO216'],
    // The apt fix removes Debian's docker-clean hook so that downloaded packages reach the cache.
    allowPaths: ['etc/apt/apt.conf.d/docker-clean'],
    // MAINTAINER becomes the OCI authors label (intended).
    allowConfig: ['Labels'],
  },
  { name: 'apk: --no-cache replaced by a cache mount', fixture: 'apk-alpine', args: [], applied: ['DO101'] },
  {
    name: 'go: module and build caches, go.mod first',
    fixture: 'go-modules',
    args: ['--unsafe', '--only', 'DO101,DO102'],
    applied: ['DO101', 'DO102'],
    rebuild: { change: 'main.go', cached: [/RUN .*go mod download/], rebuilt: [/RUN .*go build/], originalRebuilds: /RUN .*go mod download/ },
  },
  { name: 'go multi-stage template', fixture: 'go-modules', args: ['--multistage'], applied: ['MULTISTAGE'], rebuild: { change: 'main.go', cached: [/\[dependencies .*go mod download/] } },
  {
    name: 'volatile ARG declared after the install',
    fixture: 'volatile-arg',
    args: ['--unsafe', '--only', 'DO105'],
    applied: ['DO105'],
    buildArgs: ['--build-arg', 'GIT_SHA=1111111'],
    rebuild: { buildArgs: ['--build-arg', `GIT_SHA=${process.pid}${Date.now()}`], cached: [/RUN .*pip install/], originalRebuilds: /RUN .*pip install/ },
  },
  { name: 'non-root user: the mount belongs to the user (uid=)', fixture: 'nonroot-user', args: [], applied: ['DO101'] },
  {
    name: 'Lambda monorepo: requirements and local packages before the handlers',
    fixture: 'lambda-monorepo',
    args: ['--unsafe', '--only', 'DO101,DO102,DO103'],
    applied: ['DO101', 'DO102', 'DO103'],
    rebuild: { change: 'handlers/polling.py', cached: [/RUN .*dnf install/, /RUN .*-r .*requirements\.txt/, /RUN .*pip install \/tmp\/receipt_dynamo/], rebuilt: [/COPY \. /], originalRebuilds: /RUN .*requirements\.txt/ },
  },
  {
    name: 'Lambda monorepo: multi-stage template (fix --unsafe)',
    fixture: 'lambda-monorepo',
    args: ['--unsafe'],
    applied: ['MULTISTAGE'],
    rebuild: { change: 'handlers/polling.py', cached: [/\[base .*dnf install/, /\[dependencies .*requirements\.txt/, /\[app .*pip install \/tmp\/receipt_dynamo/], rebuilt: [/COPY \. /] },
  },
];

/** Step names from `--progress=plain` output, and which of them were CACHED. */
function steps(output: string): { name: string; cached: boolean }[] {
  const names = new Map<string, string>();
  const cached = new Set<string>();
  for (const line of output.split('\n')) {
    const m = /^#(\d+) (\[.*)$/.exec(line);
    if (m && !names.has(m[1])) names.set(m[1], m[2]);
    const c = /^#(\d+) CACHED$/.exec(line);
    if (c) cached.add(c[1]);
  }
  return [...names].map(([id, name]) => ({ name, cached: cached.has(id) }));
}

function build(context: string, dockerfile: string, tag: string, args: string[] = []): string {
  const r = docker(['build', '--progress=plain', '-f', dockerfile, '-t', tag, ...args, context]);
  if (r.code !== 0) throw new Error(`build of ${tag} failed:\n${r.stderr.split('\n').slice(-25).join('\n')}`);
  made.push(tag);
  return r.stderr;
}

/** The Dockerfile as BuildKit builds it offline: a `# syntax=` directive would pull a frontend. */
function offline(text: string): string {
  return text.replace(/^\uFEFF?#\s*syntax\s*=.*\r?\n/im, '');
}

describeEngine('dockopt fix against the real engine', () => {
  beforeAll(() => {
    const base = join(ROOT, 'fixtures', 'fix-engine', '_base');
    for (const [target, tag] of Object.entries(BASES)) {
      const r = docker(['build', '-q', '--target', target, '-t', tag, base]);
      if (r.code !== 0) throw new Error(`base image ${tag}: ${r.stderr}`);
    }
  }, 300_000);

  afterAll(() => {
    if (made.length) docker(['rmi', '-f', ...new Set(made)]);
  });

  // .dockerignore generation: the same Dockerfile built from the context without and with the
  // generated file. Junk the test adds (VCS, caches, editor files) may disappear from the image;
  // nothing else may change, and the build must still find everything it reads.
  const IGNORE_CASES: { name: string; fixture: string; junk: Record<string, string>; allowPaths: string[] }[] = [
    {
      name: '.dockerignore for a context read by name',
      fixture: 'dockerignore-app',
      junk: { '.git/HEAD': 'ref: refs/heads/main\n', 'app/__pycache__/__main__.cpython-312.pyc': 'pyc', '.venv/bin/python': '#!/bin/sh\n', 'notes.log': 'log\n', '.idea/workspace.xml': '<x/>\n' },
      // COPY app/ reads the directory; the bytecode cache inside it is junk, not an input.
      allowPaths: ['srv/app/__pycache__', 'srv/app/__pycache__/__main__.cpython-312.pyc'],
    },
    {
      name: '.dockerignore for a context copied whole (COPY . .)',
      fixture: 'node-npm',
      junk: { '.git/HEAD': 'ref: refs/heads/main\n', 'node_modules/stale/index.js': 'old\n', '.DS_Store': 'x', 'npm-debug.log': 'log\n' },
      allowPaths: ['usr/src/app/.git', 'usr/src/app/.git/HEAD', 'usr/src/app/.DS_Store', 'usr/src/app/npm-debug.log'],
    },
  ];
  IGNORE_CASES.forEach((c, index) => {
    it(c.name, () => {
      const plain = project(`fix-engine/${c.fixture}`, c.junk);
      const ignored = project(`fix-engine/${c.fixture}`, c.junk);
      const run = dockopt(['fix', '--write', '--only', 'dockerignore', '--format', 'json'], { cwd: ignored });
      expect(run.code, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as { files: { path: string; applied: { code: string }[] }[] };
      expect(report.files.find((f) => f.path === '.dockerignore')?.applied[0].code).toBe('DOCKERIGNORE');
      expect(readFileSync(join(ignored, 'Dockerfile'), 'utf8')).toBe(readFileSync(join(plain, 'Dockerfile'), 'utf8'));
      const tagPlain = `${TAG}:ignore-${index}-without`;
      const tagIgnored = `${TAG}:ignore-${index}-with`;
      build(plain, join(plain, 'Dockerfile'), tagPlain);
      build(ignored, join(ignored, 'Dockerfile'), tagIgnored);
      expect(imageDifferences(tagPlain, tagIgnored, { cacheTargets: [], paths: c.allowPaths })).toEqual([]);
    }, 180_000);
  });

  CASES.forEach((c, index) => {
    it(c.name, () => {
      const context = project(`fix-engine/${c.fixture}`);
      const work = mkdtempSync(join(tmpdir(), 'dockopt-fixed-'));
      cpSync(context, work, { recursive: true });
      const original = readFileSync(join(context, 'Dockerfile'), 'utf8');
      const run = dockopt(['fix', '--write', '--format', 'json', ...c.args, 'Dockerfile'], { cwd: work });
      expect(run.stderr).not.toMatch(/not applied|internal error/);
      expect(run.code, run.stderr).toBe(0);
      const report = JSON.parse(run.stdout) as { files: { applied: { code: string }[] }[] };
      const applied = new Set(report.files[0].applied.map((a) => a.code));
      for (const code of c.applied) expect([...applied], `applied ${code}`).toContain(code);
      const fixed = readFileSync(join(work, 'Dockerfile'), 'utf8');
      expect(fixed).not.toBe(original);

      // Both builds read the same context; the Dockerfiles live outside it.
      const files = mkdtempSync(join(tmpdir(), 'dockopt-dockerfiles-'));
      writeFileSync(join(files, 'original.Dockerfile'), original);
      writeFileSync(join(files, 'fixed.Dockerfile'), offline(fixed));
      const tagOriginal = `${TAG}:${index}-original`;
      const tagFixed = `${TAG}:${index}-fixed`;
      build(context, join(files, 'original.Dockerfile'), tagOriginal, c.buildArgs);
      build(context, join(files, 'fixed.Dockerfile'), tagFixed, c.buildArgs);

      const model = parseDockerfile(fixed);
      const cacheTargets = model.instructions.flatMap((i) => (i.keyword === 'RUN' ? i.mounts.filter((m) => m.type === 'cache' && m.target).map((m) => model.expand(m.target!, i) ?? m.target!) : []));
      expect(imageDifferences(tagOriginal, tagFixed, { cacheTargets, paths: c.allowPaths, config: c.allowConfig })).toEqual([]);

      if (c.rebuild) {
        const rb = c.rebuild;
        // A change no earlier build has seen (BuildKit's cache is keyed by content).
        if (rb.change) appendFileSync(join(context, rb.change), `\n# changed ${process.pid}-${index}-${Date.now()}\n`);
        const again = steps(build(context, join(files, 'fixed.Dockerfile'), `${tagFixed}-again`, rb.buildArgs ?? c.buildArgs));
        for (const re of rb.cached) {
          const step = again.filter((s) => re.test(s.name));
          expect(step.length, `a step matching ${re} in ${JSON.stringify(again.map((s) => s.name))}`).toBeGreaterThan(0);
          for (const s of step) expect(s.cached, `${s.name} comes from the cache`).toBe(true);
        }
        for (const re of rb.rebuilt ?? []) expect(again.some((s) => re.test(s.name) && !s.cached), `${re} runs again in ${JSON.stringify(again)}`).toBe(true);
        if (rb.originalRebuilds) {
          const before = steps(build(context, join(files, 'original.Dockerfile'), `${tagOriginal}-again`, rb.buildArgs ?? c.buildArgs));
          const re = rb.originalRebuilds;
          expect(before.some((s) => re.test(s.name) && !s.cached), `the original runs ${re} again: ${JSON.stringify(before)}`).toBe(true);
        }
      }
    }, 180_000);
  });
});
