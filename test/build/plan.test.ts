// Targets, inferred dependencies, cycles, order and the hash, without an engine (the engine side
// of planning runs against the recording stand-in in place of the docker client).
import { chmodSync, mkdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertAcyclic, closure, dependenciesOf, tagOwners, topologicalOrder } from '../../src/build/graph.ts';
import { loadTarget, withoutSyntaxDirective, discoveredTargetSpecs, type TargetSpec } from '../../src/build/targets.ts';
import { canonicalRef, repositoryFromName } from '../../src/build/refs.ts';
import { planBuild } from '../../src/build/plan.ts';
import { flattenReads, readEntries, sentContext, targetReads } from '../../src/build/context-files.ts';
import { contextReads } from '../../src/context/reads.ts';
import { compareWalkOrder, FileDigests } from '../../src/build/file-digests.ts';
import { parseDockerfile } from '../../src/model.ts';
import { DockoptError } from '../../src/errors.ts';
import { project, ROOT } from '../support/cli.ts';

const STANDIN = join(ROOT, 'test', 'support', 'recording-builder.mjs');
/** The stand-in as docker client; no engine at DOCKER_HOST, so direct API calls fall back to it. */
const NO_ENGINE = { DOCKOPT_DOCKER: STANDIN, DOCKOPT_RECORD: '', DOCKER_HOST: 'unix:///nonexistent/docker.sock' };

function spec(dir: string, name: string, dockerfile: string, extra: Partial<TargetSpec> = {}): TargetSpec {
  return { name, dockerfile: join(dir, dockerfile), context: dir, tags: [`${name}:latest`], args: {}, target: null, platform: null, dependsOn: [], source: 'config', ...extra };
}

function depsOf(files: Record<string, string>, specs: (dir: string) => TargetSpec[]) {
  const dir = project(null, files);
  const all = specs(dir);
  const owners = tagOwners(all);
  return Object.fromEntries(all.map((s) => [s.name, dependenciesOf(loadTarget(s), owners).map((d) => `${d.on} <- ${d.why}`)]));
}

describe('image references', () => {
  it('names the same image the same way', () => {
    for (const ref of ['base', 'base:latest', 'docker.io/library/base', 'index.docker.io/library/base:latest']) expect(canonicalRef(ref)).toBe('docker.io/library/base:latest');
    expect(canonicalRef('ghcr.io/org/app:1')).toBe('ghcr.io/org/app:1');
    expect(canonicalRef('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(canonicalRef('Base:1')).toBeNull();
    expect(canonicalRef('app:bad tag')).toBeNull();
  });
  it('makes a repository name from any target name', () => {
    expect(repositoryFromName('services/API')).toBe('services/api');
    expect(repositoryFromName('lambdas/poll ing/Dockerfile.arm')).toBe('lambdas/poll-ing/dockerfile.arm');
    expect(repositoryFromName('..')).toBe('image');
  });
});

describe('inferred dependencies', () => {
  it('FROM a target tag, directly, through an ARG default, and through a build arg', () => {
    const deps = depsOf(
      {
        'base/Dockerfile': 'FROM busybox:local\n',
        'a/Dockerfile': 'FROM base\n',
        'b/Dockerfile': 'ARG BASE=docker.io/library/base:latest\nFROM ${BASE}\n',
        'c/Dockerfile': 'ARG BASE_IMAGE\nFROM $BASE_IMAGE AS build\nRUN true\n',
        'd/Dockerfile': 'ARG BASE=other\nFROM ${BASE}\n',
      },
      (dir) => [
        spec(dir, 'base', 'base/Dockerfile'),
        spec(dir, 'a', 'a/Dockerfile'),
        spec(dir, 'b', 'b/Dockerfile'),
        spec(dir, 'c', 'c/Dockerfile', { args: { BASE_IMAGE: 'base:latest' } }),
        spec(dir, 'd', 'd/Dockerfile', { args: { BASE: 'base' } }),
      ],
    );
    expect(deps).toEqual({
      base: [],
      a: ['base <- FROM base (line 1)'],
      b: ['base <- FROM docker.io/library/base:latest (line 2)'],
      c: ['base <- FROM base:latest (line 2)'],
      d: ['base <- FROM base (line 2)'],
    });
  });

  it('COPY --from and RUN --mount from= an image tag; stage names and indexes are not images', () => {
    const deps = depsOf(
      {
        'tools/Dockerfile': 'FROM busybox:local\n',
        'base/Dockerfile': 'FROM busybox:local\n',
        'app/Dockerfile': [
          'FROM busybox:local AS build',
          'RUN --mount=type=bind,from=tools:latest,target=/t true',
          'FROM build AS base',
          'COPY --from=build /a /a',
          'COPY --from=0 /b /b',
          'FROM busybox:local',
          'COPY --from=base /c /c',
          'COPY --from=registry.example/base:latest /d /d',
          '',
        ].join('\n'),
      },
      (dir) => [spec(dir, 'tools', 'tools/Dockerfile'), spec(dir, 'base', 'base/Dockerfile'), spec(dir, 'app', 'app/Dockerfile')],
    );
    expect(deps.app).toEqual(['tools <- RUN --mount from tools:latest (line 2)']);
  });

  it('only the stages the build runs count (unreachable stages and --target)', () => {
    const deps = depsOf(
      {
        'base/Dockerfile': 'FROM busybox:local\n',
        'app/Dockerfile': 'FROM base AS dev\nRUN true\nFROM busybox:local AS prod\nRUN true\n',
      },
      (dir) => [spec(dir, 'base', 'base/Dockerfile'), spec(dir, 'prod', 'app/Dockerfile', { tags: ['prod:1'] }), spec(dir, 'dev', 'app/Dockerfile', { tags: ['dev:1'], target: 'dev' })],
    );
    expect(deps).toEqual({ base: [], prod: [], dev: ['base <- FROM base (line 1)'] });
  });

  it('explicit dependsOn comes first and is not repeated', () => {
    const deps = depsOf({ 'base/Dockerfile': 'FROM busybox:local\n', 'a/Dockerfile': 'FROM base\n' }, (dir) => [spec(dir, 'base', 'base/Dockerfile'), spec(dir, 'a', 'a/Dockerfile', { dependsOn: ['base'] })]);
    expect(deps.a).toEqual(['base <- dependsOn']);
  });
});

describe('graph', () => {
  const deps = (edges: Record<string, string[]>) => new Map(Object.entries(edges).map(([k, v]) => [k, v.map((on) => ({ on, why: 'test' }))]));

  it('names a cycle', () => {
    const d = deps({ a: ['b'], b: ['c'], c: ['a'], x: [] });
    expect(() => assertAcyclic(['x', 'a', 'b', 'c'], d, '/p/.dockopt.yaml')).toThrow(DockoptError);
    try {
      assertAcyclic(['x', 'a', 'b', 'c'], d, '/p/.dockopt.yaml');
    } catch (err) {
      expect((err as DockoptError).format()).toMatch(/^\/p\/\.dockopt\.yaml: dependency cycle: a -> b -> c -> a \(/);
    }
    expect(() => assertAcyclic(['a'], deps({ a: ['a'] }), null)).toThrow('dependency cycle: a -> a');
  });

  it('selects the requested targets with their dependencies, asking only about those, and refuses unknown ones', () => {
    const d = deps({ base: [], a: ['base'], b: ['base'], tool: [] });
    const asked: string[] = [];
    const of = (n: string) => (asked.push(n), d.get(n)!);
    expect(closure(['base', 'a', 'b', 'tool'], ['a'], of)).toEqual(['a', 'base']);
    expect(asked).toEqual(['a', 'base']);
    expect(closure(['base', 'a', 'b', 'tool'], [], of)).toEqual(['base', 'a', 'b', 'tool']);
    expect(() => closure(['base', 'a'], ['nope'], of)).toThrow('unknown target "nope"');
  });

  it('orders dependencies first, keeping declaration order otherwise', () => {
    const d = deps({ app: ['base'], tool: [], base: [], worker: ['app'] });
    expect(topologicalOrder(['app', 'tool', 'base', 'worker'], d)).toEqual(['tool', 'base', 'app', 'worker']);
  });
});

describe('targets', () => {
  it('discovers every Dockerfile, named after its path, with its directory as context', () => {
    const dir = project(null, { 'services/api/Dockerfile': 'FROM x\n', 'services/api/Dockerfile.dev': 'FROM x\n', 'node_modules/m/Dockerfile': 'FROM x\n' });
    const specs = discoveredTargetSpecs(dir, { path: null, dir, source: 'none', config: {} });
    expect(specs.map((s) => [s.name, s.context.slice(dir.length), s.tags])).toEqual([
      ['services/api', '/services/api', ['services/api:latest']],
      ['services/api/Dockerfile.dev', '/services/api', ['services/api/dockerfile.dev:latest']],
    ]);
  });

  it('--builtin-frontend removes `# syntax=` without moving lines or breaking later directives', () => {
    const text = '# syntax=docker/dockerfile:1\n# escape=`\nFROM x\nRUN a `\n  b\n';
    const out = withoutSyntaxDirective(text, parseDockerfile(text).directives);
    expect(out).toBe('# escape=`\n\nFROM x\nRUN a `\n  b\n');
    expect(parseDockerfile(out).escapeChar).toBe('`');
    expect(withoutSyntaxDirective('# syntax=x\nFROM y\n', parseDockerfile('# syntax=x\nFROM y\n').directives)).toBe('\nFROM y\n');
  });

  it('only declared build args (and BUILDKIT_*) are part of a target', () => {
    const dir = project(null, { Dockerfile: 'FROM x\nARG USED\n' });
    const t = loadTarget(spec(dir, 'a', 'Dockerfile', { args: { USED: '1', UNUSED: '2', BUILDKIT_INLINE_CACHE: '1' } }));
    expect(t.effectiveArgs).toEqual({ BUILDKIT_INLINE_CACHE: '1', USED: '1' });
  });

  it('a missing stage or Dockerfile is a one-line error', () => {
    const dir = project(null, { Dockerfile: 'FROM x AS a\n' });
    expect(() => loadTarget(spec(dir, 'a', 'Dockerfile', { target: 'nope' }))).toThrow('target "a": no stage named "nope" in its Dockerfile');
    expect(() => loadTarget(spec(dir, 'b', 'missing/Dockerfile'))).toThrow('Dockerfile of target "b" does not exist');
  });
});

/** planBuild against the stand-in docker client (no images in its engine): hashes only. */
async function hashes(dir: string, extra: Parameters<typeof planBuild>[0] = {}) {
  const plan = await planBuild({ cwd: dir, env: { ...process.env, ...NO_ENGINE }, ...extra });
  return { plan, of: Object.fromEntries(plan.targets.map((p) => [p.target.name, p.hash])) };
}

const MONO = {
  '.dockopt.yaml': 'images:\n  base: {dockerfile: base/Dockerfile, context: ., tags: [mono/base:latest]}\n  app: {dockerfile: app/Dockerfile, context: ., tags: [mono/app:latest], args: {V: "1"}}\n  tool: {dockerfile: tool/Dockerfile, context: tool}\n',
  '.dockerignore': '**/*.md\n.dockopt\n',
  'base/Dockerfile': 'FROM busybox:local\nCOPY pkg/ /pkg/\n',
  'pkg/a.py': 'a = 1\n',
  'pkg/README.md': 'docs\n',
  'app/Dockerfile': 'FROM mono/base:latest\nARG V\nCOPY app/*.py /app/\n',
  'app/main.py': 'print(1)\n',
  'app/notes.txt': 'not copied\n',
  'tool/Dockerfile': 'FROM busybox:local\nCOPY . /tool/\n',
  'tool/run.sh': 'echo\n',
};

describe('context reads', () => {
  it('whole-subtree shortcuts select exactly the entries contextReads covers', () => {
    const files: Record<string, string> = {};
    for (const top of ['src', 'src-extra', 'lib', 'docs', 'a']) for (const sub of ['x', 'y.py', 'z/deep.py', 'z/w.txt']) files[`${top}/${sub}`] = top + sub;
    files['a.py'] = '';
    files['srcfile'] = '';
    files['Dockerfile'] = 'FROM x\n';
    const dir = project(null, files);
    const sent = sentContext(dir, join(dir, 'Dockerfile'));
    const cases = [
      'FROM x\nCOPY src/ /s\n',
      'FROM x\nCOPY src /s\nCOPY lib/z/deep.py /d\n',
      'FROM x\nCOPY s*/ /s\n',
      'FROM x\nCOPY */z/*.py /s\n',
      'FROM x\nCOPY --exclude=*.txt src/ /s\n',
      'FROM x\nARG DIR\nCOPY $DIR/z /s\n',
      'FROM x\nCOPY a.py /a\nRUN --mount=type=bind,source=lib/z,target=/l true\n',
      'FROM x\nCOPY ./docs/../src/./z /z\n',
    ];
    for (const text of cases) {
      writeFileSync(join(dir, 'Dockerfile'), text);
      const t = loadTarget(spec(dir, 'a', 'Dockerfile'));
      const naive = sent.entries.filter((e) => contextReads({ ...t.model, instructions: t.stages.flatMap((st) => st.instructions) }).isRead(e.path));
      const reads = targetReads(t, false);
      // ('.' is the context directory itself, added when everything is read: its mode reaches the image.)
      expect(flattenReads(readEntries(reads, sent)).map((e) => e.path).filter((p) => p !== '.'), text).toEqual(naive.map((e) => e.path));
      // A walk that enters only what the reads can reach gives the same reads.
      const pruned = sentContext(dir, join(dir, 'Dockerfile'), reads.everything ? null : reads.prefixes);
      expect(flattenReads(readEntries(reads, pruned)).map((e) => e.path), text).toEqual(flattenReads(readEntries(reads, sent)).map((e) => e.path));
    }
  });
});

describe('the build hash', () => {
  it('changes with what the build reads, and only with that', async () => {
    const dir = project(null, MONO);
    const { plan, of: first } = await hashes(dir);
    expect(plan.targets.map((p) => [p.target.name, p.dependencies.map((d) => d.on)])).toEqual([['base', []], ['app', ['base']], ['tool', []]]);
    const same = async (what: string) => expect((await hashes(dir)).of, what).toEqual(first);

    // Not read: an excluded file, a file no COPY reads, a touch that keeps the content.
    writeFileSync(join(dir, 'pkg/README.md'), 'changed docs\n');
    writeFileSync(join(dir, 'app/notes.txt'), 'changed\n');
    utimesSync(join(dir, 'app/main.py'), new Date(2001, 1, 1), new Date(2001, 1, 1));
    await same('unread changes');
    expect((await hashes(dir, { buildArgs: { UNDECLARED: 'x' } })).of).toEqual(first);

    // A read file's content changes the app only; the base's package changes base and app.
    writeFileSync(join(dir, 'app/main.py'), 'print(2)\n');
    const second = (await hashes(dir)).of;
    expect(second.app).not.toBe(first.app);
    expect([second.base, second.tool]).toEqual([first.base, first.tool]);
    writeFileSync(join(dir, 'pkg/a.py'), 'a = 2\n');
    const third = (await hashes(dir)).of;
    expect(third.base).not.toBe(second.base);
    expect(third.app).not.toBe(second.app);
    expect(third.tool).toBe(second.tool);

    // A mode, a new file under a copied directory, a build arg, a platform.
    chmodSync(join(dir, 'pkg/a.py'), 0o755);
    const fourth = (await hashes(dir)).of;
    expect(fourth.base).not.toBe(third.base);
    writeFileSync(join(dir, 'pkg/b.py'), '');
    const fifth = (await hashes(dir)).of;
    expect(fifth.base).not.toBe(fourth.base);
    expect((await hashes(dir, { buildArgs: { V: '2' } })).of.app).not.toBe(fifth.app);
    expect((await hashes(dir)).of).toEqual(fifth);

    // The whole-context COPY of tool reads everything sent, symlinks as links.
    symlinkSync('run.sh', join(dir, 'tool/link'));
    const sixth = (await hashes(dir)).of;
    expect(sixth.tool).not.toBe(fifth.tool);
    rmSync(join(dir, 'tool/link'));
    symlinkSync('other', join(dir, 'tool/link'));
    expect((await hashes(dir)).of.tool).not.toBe(sixth.tool);
  });

  it('says what changed since the last build', async () => {
    const dir = project(null, MONO);
    const { plan } = await hashes(dir);
    const images: Record<string, unknown> = {};
    for (const p of plan.targets) images[p.target.name] = { image: 'sha256:x', hash: p.hash, hashTag: p.hashTag, tags: [], digest: null, updatedAt: '', inputs: p.parts };
    mkdirSync(join(dir, '.dockopt'), { recursive: true });
    writeFileSync(join(dir, '.dockopt/images.json'), JSON.stringify({ version: 1, images }));
    writeFileSync(join(dir, 'pkg/a.py'), 'a = 3\n');
    const reasons = Object.fromEntries((await hashes(dir, { buildArgs: { V: '9' } })).plan.targets.map((p) => [p.target.name, p.reason]));
    expect(reasons).toEqual({ base: 'changed: context files', tool: `its image ${plan.targets[2].hashTag} is not in the engine`, app: 'changed: build args, dependency base' });
  });

  it('skips targets whose hash-tagged image the engine has, unless --force', async () => {
    const dir = project(null, MONO);
    const { plan } = await hashes(dir);
    const base = plan.targets[0];
    const images = { [base.hashTag]: { id: 'sha256:abc', labels: { 'dockopt.hash': base.hash } }, [plan.targets[2].hashTag]: { id: 'sha256:def', labels: { 'dockopt.hash': 'another' } } };
    const env = { ...process.env, ...NO_ENGINE, DOCKOPT_STANDIN_IMAGES: JSON.stringify(images) };
    const again = await planBuild({ cwd: dir, env });
    expect(again.targets.map((p) => [p.target.name, p.action])).toEqual([['base', 'skip'], ['app', 'build'], ['tool', 'build']]);
    const forced = await planBuild({ cwd: dir, env, force: true });
    expect(forced.targets.map((p) => [p.action, p.reason])).toEqual(Array(3).fill(['build', '--force']));
  });

  it('a warm hash reads no file; a file changed just now is read again next time', async () => {
    const dir = project(null, { Dockerfile: 'FROM busybox:local\nCOPY . /\n', '.dockerignore': '.dockopt\n', ...Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`f${i}.txt`, `${i}`])) });
    const old = new Date(Date.now() - 60_000);
    for (let i = 0; i < 50; i++) utimesSync(join(dir, `f${i}.txt`), old, old);
    utimesSync(join(dir, 'Dockerfile'), old, old);
    utimesSync(join(dir, '.dockerignore'), old, old);
    const cold = await hashes(dir);
    expect(cold.plan.filesRead).toBe(52);
    const warm = await hashes(dir);
    expect(warm.plan.filesRead).toBe(0);
    expect(warm.of).toEqual(cold.of);
    writeFileSync(join(dir, 'f1.txt'), 'new');
    const changed = await hashes(dir);
    expect(changed.plan.filesRead).toBe(1);
    expect(changed.of).not.toEqual(cold.of);
    // Too recent to trust its mtime: not remembered, so read again.
    expect((await hashes(dir)).plan.filesRead).toBe(1);
  });

  it('the digest cache: hits in walk order, odd names re-read, racy files not remembered', () => {
    const dir = project(null, { 'a/b': 'y', 'a\tb': 'x', 'a-b': 'z', new: 'n' });
    const old = { size: 1, mtimeMs: 1000, ino: 5 };
    const recent = { ...old, mtimeMs: Date.now() };
    const store = join(dir, 'cache');
    const paths = ['a/b', 'a\tb', 'a-b', 'new'];
    const ids = [{ ...old }, { ...old }, { ...old }, recent];
    const first = FileDigests.open(store);
    const read = first.reader(dir);
    const digests = paths.map((p, i) => read(p, ids[i]));
    expect(first.reads).toBe(4);
    expect(() => read('nothing-here', { ...old })).toThrow('ENOENT');
    first.save();
    const again = FileDigests.open(store);
    const reread = again.reader(dir);
    expect(paths.map((p, i) => reread(p, { ...ids[i] }))).toEqual(digests);
    // The name with a tab (the format cannot hold it) and the racy one were read again.
    expect(again.reads).toBe(2);
    // A changed identity is a miss.
    expect(again.reader(dir)('a/b', { ...old, ino: 6 })).toBe(digests[0]);
    expect(again.reads).toBe(3);
  });

  it('walk order puts a directory before its siblings that extend its name', () => {
    const order = ['a', 'a/b', 'a/b/c', 'a-b', 'a.b', 'ab'];
    const sorted = [...order].reverse().sort(compareWalkOrder);
    expect(sorted).toEqual(order);
  });
});
