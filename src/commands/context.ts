import type { Handler } from '../cli.ts';
import { loadConfig } from '../config.ts';
import { analyzeContext, type ContextAnalysis } from '../context/report.ts';
import { formatBytes } from '../context/facts.ts';

const BAR = 24;
const count = (n: number) => n.toLocaleString('en-US');
const files = (n: number) => `${count(n)} file${n === 1 ? '' : 's'}`;

function bar(fraction: number): string {
  const full = Math.max(0, Math.min(BAR, Math.round(fraction * BAR)));
  return '█'.repeat(full) + '░'.repeat(BAR - full);
}

function contextText(a: ContextAnalysis): string {
  const j = a.json;
  const out: string[] = [];
  const what = [j.dockerfile ? `Dockerfile ${j.dockerfile}` : 'no Dockerfile', j.ignoreFile ? `ignore file ${j.ignoreFile}` : 'no .dockerignore'];
  out.push(`Build context ${j.context} (${what.join(', ')})`, '');
  const rows: [string, number, number, string][] = [['sent', j.totalFiles, j.totalBytes, 'what the builder may receive']];
  rows.push(['excluded', j.ignoredFiles, j.ignoredBytes, j.ignoreFile ? `left out by ${j.ignoreFile}` : 'nothing: no .dockerignore']);
  if (j.unusedBytes !== null) {
    rows.push(['unused', a.unusedFiles!, j.unusedBytes, 'sent, but no COPY/ADD/RUN --mount reads it']);
    rows.push(['read', a.readFiles!, a.readBytes!, 'what BuildKit transfers for this Dockerfile']);
  }
  const fw = Math.max(...rows.map((r) => count(r[1]).length));
  const bw = Math.max(...rows.map((r) => formatBytes(r[2]).length));
  for (const [label, files, bytes, note] of rows) out.push(`  ${label.padEnd(8)} ${count(files).padStart(fw)} ${files === 1 ? 'file ' : 'files'}  ${formatBytes(bytes).padStart(bw)}  ${note}`);

  if (j.largest.length) {
    out.push('', 'Largest paths sent');
    const total = j.totalBytes || 1;
    const sizes = j.largest.map((l) => formatBytes(l.size));
    const sw = Math.max(...sizes.map((s) => s.length));
    j.largest.forEach((l, i) => {
      const pct = `${((l.size / total) * 100).toFixed(1)}%`.padStart(6);
      const indent = '  '.repeat(a.depths[i] - 1);
      const name = `${indent}${l.path}${l.type === 'dir' ? '/' : ''}`;
      const tags = [l.type === 'dir' ? files(l.files) : '', l.unused ? 'unused' : ''].filter(Boolean).join(', ');
      out.push(`  ${sizes[i].padStart(sw)} ${pct} ${bar(l.size / total)}  ${name}${tags ? `  (${tags})` : ''}`);
    });
  }
  if (a.suggestions.length) {
    out.push('', `Suggested ${j.ignoreFile ?? '.dockerignore'} additions`);
    const lw = Math.max(...a.suggestions.map((s) => s.line.length));
    for (const s of a.suggestions) out.push(`  ${s.line.padEnd(lw)}  # ${formatBytes(s.size)}, ${s.reason}`);
  }
  return `${out.join('\n')}\n`;
}

export const contextCommand: Handler = async (argv, io) => {
  const config = await loadConfig(io.cwd, undefined);
  const analysis = analyzeContext(String(argv.dir ?? '.'), {
    dockerfile: argv.dockerfile as string | undefined,
    cwd: io.cwd,
    limits: config.config.context,
  });
  io.stdout(argv.format === 'json' ? `${JSON.stringify(analysis.json, null, 2)}\n` : contextText(analysis));
  for (const p of analysis.unreadable) io.stderr(`dockopt: ${analysis.json.context}/${p.path}: ${p.message}: the build fails on it\n`);
  for (const p of analysis.skipped) io.stderr(`dockopt: ${analysis.json.context}/${p.path}: ${p.message}\n`);
  return 0;
};
