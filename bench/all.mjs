// `npm run bench`: every benchmark, one after the other, each printing its own table of ratios
// measured in the same run. The build benchmark needs the engine (eval "$(scripts/engine.sh start)");
// without one it is reported as skipped.
import { spawnSync } from 'node:child_process';

const parts = [
  { name: 'lint (throughput, cold start)', script: 'bench/run.mjs' },
  { name: 'build context walk', script: 'bench/context.mjs' },
  { name: 'build (no-op, parallel, warm hash)', script: 'bench/build.mjs', needsEngine: true },
];
const results = [];
for (const p of parts) {
  console.log(`\n=== ${p.name} (${p.script}) ===\n`);
  if (p.needsEngine && !process.env.DOCKER_HOST) {
    console.log('skipped: no engine (eval "$(scripts/engine.sh start)")');
    results.push([p.name, 'skipped']);
    continue;
  }
  const r = spawnSync(process.execPath, [p.script], { stdio: 'inherit' });
  results.push([p.name, r.status === 0 ? 'all targets met' : `targets missed (exit ${r.status})`]);
}
console.log('\n=== summary ===');
for (const [name, outcome] of results) console.log(`${name}: ${outcome}`);
process.exitCode = results.some(([, o]) => o.startsWith('targets missed')) ? 1 : 0;
