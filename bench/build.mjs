// Build benchmarks (the build section of `npm run bench`; run alone with `node bench/build.mjs`).
// Needs the real engine (eval "$(scripts/engine.sh start)") and dist/ (npm run build).
//
//   1. No-op: `dockopt build` of 10 unchanged images, against `docker build` of the same 10 images
//      with everything in BuildKit's cache (run one after the other). Target <= 0.1x. Two layouts:
//      small images with their own contexts, and a monorepo whose images share its root as context.
//      `node -e 0` is printed beside it: the floor of any Node CLI.
//   2. Parallel: 4 independent images, each with a RUN that sleeps 3 s, `-j 4` against `-j 1`
//      (wall time; every run has new content, so each really builds). Target <= 0.35x.
//   3. Warm hash of a 100,000-file context (every file read by `COPY . /app`) against walking it
//      with the context walker. Target <= 2x.
//
// Ratios are of medians measured in this one run, the contenders interleaved so machine noise
// hits both alike. Prints a table; exits 1 when a target is missed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(root, 'bin', 'dockopt.cjs');
const DOCKER = process.env.DOCKOPT_DOCKER ?? '/usr/bin/docker';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGETS = { noop: 0.1, parallel: 0.35, warmHash: 2 };

if (!process.env.DOCKER_HOST) {
  console.error('bench/build.mjs: needs the engine: eval "$(scripts/engine.sh start)"');
  process.exit(2);
}
const env = { ...process.env, DOCKOPT_DOCKER: DOCKER, DOCKER_BUILDKIT: '1', NO_COLOR: '1' };
const prefix = `dockopt-bench-${Date.now().toString(36)}`;
const work = mkdtempSync(join(tmpdir(), 'dockopt-bench-build-'));

function run(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r;
}
function timed(fn) {
  const t = performance.now();
  fn();
  return performance.now() - t;
}
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function write(dir, files) {
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
}
function config(names) {
  return `images:\n${names.map((n) => `  ${n}:\n    dockerfile: ${n}/Dockerfile\n    tags: [${prefix}/${n}:latest]\n`).join('')}`;
}
const results = [];
function report(name, ours, theirs, target, note) {
  const ratio = ours / theirs;
  results.push({ name, ours, theirs, ratio, target, ok: ratio <= target, note });
}

try {
  // 1. No-op ------------------------------------------------------------------------------------
  // Two layouts: 10 small images with their own contexts, and the seed's monorepo, where 10
  // Lambda-style images share the repository root as context (22,000 files sent).
  const noop = (label, dir, names, dockerfileOf, contextOf) => {
    run(process.execPath, [BIN, 'build', '-f', 'json'], dir);
    // docker build of the same images, fully cached (its own tags: it must not move dockopt's).
    const dockerAll = () => {
      for (const n of names) run(DOCKER, ['build', '-q', '-f', join(dir, dockerfileOf(n)), '-t', `${prefix}/${n}:reference`, join(dir, contextOf(n))], dir);
    };
    dockerAll();
    const docker = [];
    const dockopt = [];
    const node = [];
    for (let i = 0; i < ROUNDS; i++) {
      docker.push(timed(dockerAll));
      dockopt.push(
        timed(() => {
          const r = run(process.execPath, [BIN, 'build', '-f', 'json'], dir);
          if (JSON.parse(r.stdout).targets.some((t) => t.status !== 'skipped')) throw new Error('no-op run built something');
        }),
      );
      node.push(timed(() => run(process.execPath, ['-e', '0'], dir)));
    }
    const floor = median(node) / median(docker);
    report(`no-op, ${label}: dockopt build vs docker build (10 cached images)`, median(dockopt), median(docker), TARGETS.noop, `\`node -e 0\` alone: ${Math.round(median(node))} ms = ${floor.toFixed(3)}x`);
  };
  {
    const dir = join(work, 'noop');
    const names = Array.from({ length: 10 }, (_, i) => `img${i}`);
    const files = { '.dockopt.yaml': config(names) };
    for (const n of names) {
      files[`${n}/Dockerfile`] = 'FROM busybox:local\nCOPY src/ /app/\nRUN cat /app/main.sh > /dev/null\n';
      files[`${n}/src/main.sh`] = `echo ${n}\n`;
      files[`${n}/src/lib.sh`] = `# ${n} library\n`;
    }
    write(dir, files);
    noop('small images', dir, names, (n) => `${n}/Dockerfile`, (n) => n);
  }
  {
    const dir = join(work, 'monorepo');
    const names = Array.from({ length: 10 }, (_, i) => `l${i}`);
    const files = { '.dockerignore': 'docs/\n**/*.md\n.dockopt\n.git\n' };
    for (let p = 0; p < 10; p++) for (let m = 0; m < 10; m++) for (let f = 0; f < 50; f++) files[`packages/p${p}/src/m${m}/f${f}.py`] = `# ${p} ${m} ${f}\n${'x = 1\n'.repeat(f)}`;
    for (let a = 0; a < 30; a++) for (let f = 0; f < 500; f++) files[`services/s${a}/src/f${f}.ts`] = `export const x${f} = ${f};\n`;
    for (let f = 0; f < 2000; f++) files[`docs/d${f}.md`] = 'doc\n';
    let cfg = 'images:\n';
    for (const n of names) {
      files[`lambdas/${n}/handler.py`] = `def handler(event, context):\n    return "${n}"\n`;
      files[`lambdas/${n}/Dockerfile`] = `FROM busybox:local\nWORKDIR /opt\nCOPY packages/ /opt/packages/\nRUN find /opt/packages -name "*.py" | wc -l\nCOPY lambdas/${n}/ /var/task/\n`;
      cfg += `  ${n}:\n    dockerfile: lambdas/${n}/Dockerfile\n    context: .\n    tags: [${prefix}/${n}:latest]\n`;
    }
    files['.dockopt.yaml'] = cfg;
    write(dir, files);
    await new Promise((r) => setTimeout(r, 2500)); // let the digest cache trust the new files
    noop('monorepo (22,000-file shared context)', dir, names, (n) => `lambdas/${n}/Dockerfile`, () => '.');
  }

  // 2. Parallel --------------------------------------------------------------------------------
  {
    const dir = join(work, 'parallel');
    const names = ['a', 'b', 'c', 'd'];
    const files = { '.dockopt.yaml': config(names) };
    for (const n of names) files[`${n}/Dockerfile`] = 'FROM busybox:local\nCOPY nonce /nonce\nRUN sleep 3\n';
    write(dir, files);
    let nonce = 0;
    const fresh = () => {
      nonce++;
      for (const n of names) writeFileSync(join(dir, n, 'nonce'), `${prefix} ${n} ${nonce}\n`);
    };
    const buildWith = (jobs) => {
      fresh();
      return timed(() => {
        const r = run(process.execPath, [BIN, 'build', '-f', 'json', '-j', String(jobs)], dir);
        if (JSON.parse(r.stdout).targets.some((t) => t.status !== 'built')) throw new Error('a parallel-bench image was not built');
      });
    };
    const j4 = [];
    const j1 = [];
    for (let i = 0; i < Math.max(1, Math.ceil(ROUNDS / 2)); i++) {
      j4.push(buildWith(4));
      j1.push(buildWith(1));
    }
    report('parallel: -j 4 vs -j 1 (4 images, RUN sleep 3)', median(j4), median(j1), TARGETS.parallel);
  }

  // 3. Warm hash -------------------------------------------------------------------------------
  {
    const dir = join(work, 'big');
    let n = 0;
    for (let p = 0; p < 100; p++) {
      for (let d = 0; d < 10; d++) {
        const sub = join(dir, `packages/p${p}/src/m${d}`);
        mkdirSync(sub, { recursive: true });
        for (let f = 0; f < 100; f++, n++) writeFileSync(join(sub, `f${f}.py`), `# ${p}/${d}/${f}\n${'x = 1\n'.repeat(f % 20)}`);
      }
    }
    writeFileSync(join(dir, 'Dockerfile'), 'FROM busybox:local\nCOPY . /app\n');
    writeFileSync(join(dir, '.dockerignore'), '.dockopt\n.git\nnode_modules\n');
    // The digest cache does not trust files modified in the last 2 s (their mtime may not move).
    await new Promise((r) => setTimeout(r, 2500));

    const bundleDir = mkdtempSync(join(tmpdir(), 'dockopt-bench-hash-'));
    const entry = join(bundleDir, 'entry.ts');
    const src = (p) => JSON.stringify(join(root, 'src', p));
    writeFileSync(
      entry,
      `import { walkContext } from ${src('context/walk.ts')};
import { flattenReads, readEntries, sentContext, targetReads } from ${src('build/context-files.ts')};
import { FileDigests } from ${src('build/file-digests.ts')};
import { inputParts } from ${src('build/hash.ts')};
import { loadTarget } from ${src('build/targets.ts')};
export { walkContext };
/** What dockopt build does to hash one target: open the digest cache, walk, select reads, digest. */
export function hashContext(dir: string, cacheDir: string) {
  const digests = FileDigests.open(cacheDir);
  const target = loadTarget({ name: 'big', dockerfile: dir + '/Dockerfile', context: dir, tags: ['big:latest'], args: {}, target: null, platform: null, dependsOn: [], source: 'bench' });
  const what = targetReads(target, false);
  const sent = sentContext(dir, target.dockerfile, what.everything ? null : what.prefixes);
  const reads = readEntries(what, sent);
  const parts = inputParts({ dockerfileText: target.text, args: target.effectiveArgs, contextRoot: sent.root, reads }, digests);
  digests.save();
  return { context: parts.context, files: flattenReads(reads).length, read: digests.reads };
}
`,
    );
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: join(bundleDir, 'hash.cjs'), logLevel: 'warning' });
    const { walkContext, hashContext } = createRequire(import.meta.url)(join(bundleDir, 'hash.cjs'));
    rmSync(bundleDir, { recursive: true, force: true });

    const cacheDir = join(dir, '.dockopt', 'file-digests');
    let cold;
    const coldMs = timed(() => (cold = hashContext(dir, cacheDir)));
    if (cold.files < 100_000 || cold.read < 100_000) throw new Error(`cold hash covered ${cold.files} entries, read ${cold.read} files`);
    const walks = [];
    const warm = [];
    for (let i = 0; i < ROUNDS; i++) {
      walks.push(timed(() => walkContext(dir, { dockerfile: join(dir, 'Dockerfile') })));
      let w;
      warm.push(timed(() => (w = hashContext(dir, cacheDir))));
      if (w.read !== 0 || w.context !== cold.context) throw new Error(`warm hash read ${w.read} files or changed`);
    }
    const find = median(Array.from({ length: 3 }, () => timed(() => run('find', [dir, '-printf', '%s %p\n'], dir))));
    report(`warm hash vs walk (${n.toLocaleString('en')} files)`, median(warm), median(walks), TARGETS.warmHash, `cold hash ${Math.round(coldMs)} ms; find ${Math.round(find)} ms`);
  }
} finally {
  const list = spawnSync(DOCKER, ['images', '--format', '{{.Repository}} {{.ID}}'], { env, encoding: 'utf8' });
  const ids = [...new Set(list.stdout.split('\n').filter((l) => l.startsWith(prefix)).map((l) => l.split(' ')[1]))];
  if (ids.length) spawnSync(DOCKER, ['rmi', '-f', ...ids], { env });
  rmSync(work, { recursive: true, force: true });
}

const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
console.log('\ndockopt build benchmarks (medians; ratios from this run)\n');
for (const r of results) {
  console.log(`${r.ok ? 'ok  ' : 'MISS'}  ${r.name}`);
  console.log(`      ${fmt(r.ours)} vs ${fmt(r.theirs)}: ${r.ratio.toFixed(3)}x (target <= ${r.target}x)${r.note ? `; ${r.note}` : ''}`);
}
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
