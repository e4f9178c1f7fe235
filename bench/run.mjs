// npm run bench: dockopt's speed against its peers, all measured in this one run.
//
// (a) Lint throughput over the corpus in one process, as a ratio to dockerfile-ast parse-only
//     (DockerfileParser.parse + getInstructions) and to dockerfile-utils' validate() on the same
//     files. Rounds interleave the three so machine noise hits them alike; the ratio uses medians.
// (b) Cold start of `node bin/dockopt.cjs lint <file>` as a ratio to `node -e 0`: many interleaved
//     runs, median and spread (p10..p90).
//
// Timing never goes in the tests; this prints a table and exits 1 when a target is missed.
// BENCH_ROUNDS, BENCH_COLD_RUNS and BENCH_CORPUS (a directory) override the defaults.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { lintText, rules } = await import(join(root, 'dist', 'index.js'));
// Every rule on, off-by-default ones included, with the config the label and registry rules read.
const everyRule = rules.map((rule) => ({ rule, severity: rule.meta.severity, options: {} }));
const everySetting = { trustedRegistries: ['docker.io', 'mcr.microsoft.com'], labelSchema: { 'org.opencontainers.image.source': 'url', 'org.opencontainers.image.version': 'semver' }, strictLabels: true };

const TARGETS = { parseRatio: 0.8, utilsRatio: 1.5, coldRatio: 1.4 };
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 40);

// --- corpus -----------------------------------------------------------------------------------

function corpusFiles() {
  const shared = process.env.BENCH_CORPUS ?? join(root, '..', 'shared', 'corpus', 'public');
  const dir = existsSync(shared) ? shared : join(root, 'fixtures', 'corpus');
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (!e.endsWith('.tsv') && !e.endsWith('.md')) files.push(p);
    }
  };
  walk(dir);
  return { dir, files };
}

const { dir: corpusDir, files } = corpusFiles();
const texts = files.map((f) => readFileSync(f, 'utf8'));
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);

// --- (a) throughput ---------------------------------------------------------------------------

let sink = 0; // keeps results alive so no work is optimised away
const contenders = {
  'dockerfile-ast parse': () => {
    for (const t of texts) sink += DockerfileParser.parse(t).getInstructions().length;
  },
  'dockerfile-utils validate': () => {
    for (const t of texts) sink += validate(t).length;
  },
  'dockopt lint': () => {
    for (let i = 0; i < texts.length; i++) sink += lintText(texts[i], files[i]).length;
  },
  'dockopt lint, every rule on': () => {
    for (let i = 0; i < texts.length; i++) sink += lintText(texts[i], files[i], everyRule, everySetting).length;
  },
};

/** Wall time and CPU time (user + system, this process) of one call, in ms. */
function time(fn) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
};

process.stdout.write(`corpus: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB (${relative(process.cwd(), corpusDir) || corpusDir})\n`);
process.stdout.write('warming up...');
for (let i = 0; i < 2; i++) for (const fn of Object.values(contenders)) fn();
const times = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
const cpuTimes = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
for (let r = 0; r < ROUNDS; r++) {
  // Rotate the order each round so no contender always runs right after another's garbage.
  const names = Object.keys(contenders);
  for (let k = 0; k < names.length; k++) {
    const name = names[(k + r) % names.length];
    const t = time(contenders[name]);
    times[name].push(t.wall);
    cpuTimes[name].push(t.cpu);
  }
  process.stdout.write('.');
}
process.stdout.write('\n\n');

const rate = (name) => files.length / (median(times[name]) / 1000);
const lintRate = rate('dockopt lint');
const everyRate = rate('dockopt lint, every rule on');
const parseRate = rate('dockerfile-ast parse');
const utilsRate = rate('dockerfile-utils validate');
// The same ratios from CPU time: steadier than wall time when other processes share the cores.
const cpuRatio = (other) => median(cpuTimes[other]) / median(cpuTimes['dockopt lint']);

// --- (b) cold start ---------------------------------------------------------------------------

const sample = ['fixtures/demo/Dockerfile', 'fixtures/corpus'].map((p) => join(root, p)).find((p) => existsSync(p) && statSync(p).isFile()) ?? files[0];
const runs = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'dockopt lint <file>': [process.execPath, [join(root, 'bin', 'dockopt.cjs'), 'lint', sample]],
};
function wall([cmd, args]) {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'ignore', env: { ...process.env, NO_COLOR: '1' } });
  const ms = performance.now() - t0;
  if (r.error || (r.status !== 0 && r.status !== 1)) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.error?.message ?? `exit ${r.status}`}`);
  return ms;
}
process.stdout.write(`cold start: ${COLD_RUNS} interleaved runs each on ${relative(root, sample)}`);
for (let i = 0; i < 5; i++) for (const spec of Object.values(runs)) wall(spec);
const cold = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
for (let i = 0; i < COLD_RUNS; i++) {
  const names = i % 2 ? Object.keys(runs).reverse() : Object.keys(runs);
  for (const name of names) cold[name].push(wall(runs[name]));
  if (i % 10 === 9) process.stdout.write('.');
}
process.stdout.write('\n\n');
const nodeMs = median(cold['node -e 0']);

// What the lint path loads: heavy libraries of other commands must stay out of it.
const recordFile = join(tmpdir(), `dockopt-bench-modules-${process.pid}.txt`);
spawnSync(process.execPath, [join(root, 'bin', 'dockopt.cjs'), 'lint', sample], {
  cwd: root,
  stdio: 'ignore',
  env: { ...process.env, NODE_OPTIONS: `--require ${join(root, 'test', 'support', 'record-modules.cjs')}`, DOCKOPT_RECORD_MODULES: recordFile },
});
const loadedModules = new Set(readFileSync(recordFile, 'utf8').split('\n'));
rmSync(recordFile, { force: true });
const heavy = ['ts-morph', 'handlebars', 'diff'].filter((m) => loadedModules.has(m));
const lintMs = median(cold['dockopt lint <file>']);

// --- report -----------------------------------------------------------------------------------

const rows = [];
const fmtRate = (r) => `${r.toFixed(0)} files/s`;
const spreadOf = (xs) => `${quantile(xs, 0.1).toFixed(1)}..${quantile(xs, 0.9).toFixed(1)} ms`;
const check = (ok) => (ok ? 'PASS' : 'FAIL');
const roundDetail = (name) => `median ${median(times[name]).toFixed(0)} ms/round (cpu ${median(cpuTimes[name]).toFixed(0)} ms)`;
rows.push(['dockerfile-ast parse-only', fmtRate(parseRate), roundDetail('dockerfile-ast parse'), '', '']);
rows.push(['dockerfile-utils validate()', fmtRate(utilsRate), roundDetail('dockerfile-utils validate'), '', '']);
rows.push(['dockopt lint (all default rules)', fmtRate(lintRate), roundDetail('dockopt lint'), '', '']);
rows.push(['  lint / parse-only', '', `by cpu time ${cpuRatio('dockerfile-ast parse').toFixed(2)}x`, `${(lintRate / parseRate).toFixed(2)}x (>= ${TARGETS.parseRatio})`, check(lintRate / parseRate >= TARGETS.parseRatio)]);
rows.push(['  lint / dockerfile-utils', '', `by cpu time ${cpuRatio('dockerfile-utils validate').toFixed(2)}x`, `${(lintRate / utilsRate).toFixed(2)}x (>= ${TARGETS.utilsRatio})`, check(lintRate / utilsRate >= TARGETS.utilsRatio)]);
rows.push([`dockopt lint, all ${rules.length} rules on`, fmtRate(everyRate), roundDetail('dockopt lint, every rule on'), '', '']);
rows.push(['  all rules / parse-only', '', '', `${(everyRate / parseRate).toFixed(2)}x (>= ${TARGETS.parseRatio})`, check(everyRate / parseRate >= TARGETS.parseRatio)]);
rows.push(['  all rules / dockerfile-utils', '', '', `${(everyRate / utilsRate).toFixed(2)}x (>= ${TARGETS.utilsRatio})`, check(everyRate / utilsRate >= TARGETS.utilsRatio)]);
rows.push(['node -e 0', `${nodeMs.toFixed(1)} ms`, `p10..p90 ${spreadOf(cold['node -e 0'])}`, '', '']);
rows.push(['dockopt lint <file> (cold)', `${lintMs.toFixed(1)} ms`, `p10..p90 ${spreadOf(cold['dockopt lint <file>'])}`, '', '']);
rows.push(['  cold start / node -e 0', '', '', `${(lintMs / nodeMs).toFixed(2)}x (<= ${TARGETS.coldRatio})`, check(lintMs / nodeMs <= TARGETS.coldRatio)]);
rows.push(['lint path loads ts-morph/handlebars/diff', heavy.length ? heavy.join(', ') : 'none', 'recorded with test/support/record-modules.cjs', 'none', check(heavy.length === 0)]);

const header = ['measure', 'value', 'detail', 'ratio (target)', 'result'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
console.log(line(header));
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
console.log(`\nnode ${process.version}, ${ROUNDS} rounds over ${files.length} files (after 2 warm-up rounds); ${COLD_RUNS} cold runs each (after 5 warm-up runs).`);
if (sink === -1) console.log('');

const failed = rows.some((r) => r[4] === 'FAIL');
process.exitCode = failed ? 1 : 0;
