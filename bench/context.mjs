// Build-context walking benchmark (the context section of `npm run bench`; run alone with
// `node bench/context.mjs`). Generates a 100,000-file repository (sources, a large
// node_modules and .git, excluded by a realistic .dockerignore) and reports:
//   1. walkContext time against `find DIR -printf '%s %p\n'` over the same tree (target <= 1.5x);
//   2. that with node_modules/.git excluded, walking time follows what is sent, not what is excluded
//      (node_modules grown 1x, 2x, 4x at constant sources);
//   3. for reference, a walk with no .dockerignore (everything sent and stat'ed) against find.
// Times are the best of several runs on a warm file-system cache (the least disturbed by other
// processes on a shared machine). Exits 1 when the ratio in (1)
// exceeds 1.5.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { mkdirSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { createRequire } from 'node:module';

// The walker straight from the sources (the library bundle pulls in every command's dependencies).
const bundleDir = mkdtempSync(join(tmpdir(), 'dockopt-bench-walk-'));
const bundle = join(bundleDir, 'context.cjs');
await build({ entryPoints: [new URL('../src/context/index.ts', import.meta.url).pathname], bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile: bundle, logLevel: 'warning' });
const { walkContext } = createRequire(import.meta.url)(bundle);
rmSync(bundleDir, { recursive: true, force: true });

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const IGNORE = 'node_modules\n**/node_modules\n.git\ncoverage\n**/*.log\n*.md\n!README.md\n.env*\n';

function tree(base, fanout, filesPerDir, depth, ext) {
  let n = 0;
  const make = (dir, d) => {
    mkdirSync(dir, { recursive: true });
    for (let f = 0; f < filesPerDir; f++) {
      writeFileSync(join(dir, `f${f}.${ext}`), 'x'.repeat((f * 37) % 400));
      n++;
    }
    if (d > 0) for (let k = 0; k < fanout; k++) make(join(dir, `d${k}`), d - 1);
  };
  make(base, depth);
  return n;
}

/** A repository: `src` (sent) and node_modules / .git (excluded) of the given sizes. */
function repo(root, { nodeModulesScale = 1 } = {}) {
  let n = 0;
  n += tree(join(root, 'src'), 5, 20, 3, 'ts'); // 156 dirs x 20 = 3,120
  n += tree(join(root, 'packages'), 6, 12, 3, 'js'); // 259 dirs x 12 = 3,108
  n += tree(join(root, 'assets'), 4, 30, 2, 'png'); // 21 x 30 = 630
  for (let s = 0; s < nodeModulesScale; s++) n += tree(join(root, 'node_modules', `scope${s}`), 8, 11, 3, 'js'); // 585 x 11 = 6,435 each
  n += tree(join(root, '.git', 'objects'), 16, 30, 2, 'obj'); // 273 x 30 = 8,190
  writeFileSync(join(root, 'README.md'), '# repo\n');
  writeFileSync(join(root, 'Dockerfile'), 'FROM node:22\nCOPY . /app\n');
  return n + 2;
}

const best = (xs) => Math.min(...xs);

function timeFind(dir) {
  const devnull = openSync('/dev/null', 'w');
  const times = [];
  try {
    for (let i = 0; i < RUNS + 1; i++) {
      const t0 = process.hrtime.bigint();
      const r = spawnSync('find', [dir, '-printf', '%s %p\n'], { stdio: ['ignore', devnull, 'inherit'] });
      if (r.status !== 0) throw new Error('find failed');
      if (i > 0) times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
  } finally {
    closeSync(devnull);
  }
  return best(times);
}

function timeWalk(dir) {
  const times = [];
  let result;
  for (let i = 0; i < RUNS + 1; i++) {
    const t0 = process.hrtime.bigint();
    result = walkContext(dir);
    if (i > 0) times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: best(times), result };
}

/** File-system calls of one walk: the work, whatever the machine's load. */
function walkCalls(dir) {
  const calls = { readdir: 0, lstat: 0 };
  const counting = {
    ...fs,
    readdirSync: (p, o) => (calls.readdir++, fs.readdirSync(p, o)),
    lstatSync: (p) => (calls.lstat++, fs.lstatSync(p)),
  };
  walkContext(dir, { fs: counting });
  return calls;
}

const count = (root) => Number(spawnSync('sh', ['-c', `find '${root}' | wc -l`], { encoding: 'utf8' }).stdout.trim());
const fmt = (ms) => `${ms.toFixed(1)} ms`;

export function runContextBench(log = console.log) {
  const base = mkdtempSync(join(tmpdir(), 'dockopt-bench-context-'));
  try {
    // node_modules scaled so the whole tree holds about 100,000 files.
    const main = join(base, 'repo');
    let files = repo(main, { nodeModulesScale: 12 });
    let extra = 0;
    while (files < 100_000) {
      files += tree(join(main, 'node_modules', `more${extra++}`), 10, 10, 2, 'js'); // 1,110
    }
    writeFileSync(join(main, '.dockerignore'), IGNORE);
    const entries = count(main) - 1;
    log(`context: generated ${files.toLocaleString('en-US')} files (${entries.toLocaleString('en-US')} entries) in ${main}`);

    const findMs = timeFind(main);
    const walk = timeWalk(main);
    const ratio = walk.ms / findMs;
    log(`context: walk with .dockerignore   ${fmt(walk.ms).padStart(10)}  (${walk.result.totalFiles.toLocaleString('en-US')} files sent, ${walk.result.excluded.length} paths excluded)`);
    log(`context: find -printf '%s %p\\n'    ${fmt(findMs).padStart(10)}  (all ${entries.toLocaleString('en-US')} entries)`);
    log(`context: ratio walk / find         ${ratio.toFixed(2).padStart(7)}x  (target <= 1.5x)`);

    // Reference: nothing excluded, every entry stat'ed.
    unlinkSync(join(main, '.dockerignore'));
    const full = timeWalk(main);
    log(`context: walk without .dockerignore ${fmt(full.ms).padStart(9)}  (${full.result.totalFiles.toLocaleString('en-US')} files sent) = ${(full.ms / findMs).toFixed(2)}x find`);

    // Scaling: the same sources with node_modules 1x, 2x, 4x; time should follow what is sent.
    rmSync(main, { recursive: true, force: true });
    const dir = join(base, 'scaling');
    repo(dir, { nodeModulesScale: 0 });
    writeFileSync(join(dir, '.dockerignore'), IGNORE);
    const scaling = [];
    let units = 0;
    for (const scale of [1, 2, 4]) {
      for (; units < scale * 2; units++) tree(join(dir, 'node_modules', `scope${units}`), 8, 11, 3, 'js');
      const n = count(dir) - 1;
      const w = timeWalk(dir);
      const f = timeFind(dir);
      const calls = walkCalls(dir);
      scaling.push({ scale, entries: n, walk: w.ms, find: f, sent: w.result.totalFiles, calls });
      log(`context: node_modules x${scale}: ${n.toLocaleString('en-US').padStart(7)} entries, ${w.result.totalFiles.toLocaleString('en-US')} sent: walk ${fmt(w.ms).padStart(9)} (${calls.readdir} readdir, ${calls.lstat.toLocaleString('en-US')} lstat), find ${fmt(f).padStart(9)}`);
    }
    const growth = scaling[2].walk / scaling[0].walk;
    const findGrowth = scaling[2].find / scaling[0].find;
    const sameWork = scaling.every((x) => x.calls.readdir === scaling[0].calls.readdir && x.calls.lstat === scaling[0].calls.lstat);
    log(`context: 4x the excluded files: walk time x${growth.toFixed(2)}, find time x${findGrowth.toFixed(2)}; walk file-system calls ${sameWork ? 'unchanged' : 'CHANGED'}`);
    return { files, entries, walkMs: walk.ms, findMs, ratio, fullWalkMs: full.ms, scaling, ok: ratio <= 1.5 && sameWork };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = runContextBench();
  process.exitCode = r.ok ? 0 : 1;
}
