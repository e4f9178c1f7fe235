// Build reports as text and JSON: pure functions from results to strings.
import type { BuildReport, TargetResult } from './run.ts';

/** `--format json`: exactly the documented keys. */
export function jsonReport(report: BuildReport): string {
  const targets = report.targets.map((t) => ({
    name: t.name,
    status: t.status,
    hash: t.hash,
    image: t.image,
    tags: t.tags,
    durationMs: t.durationMs,
    steps: { total: t.steps.total, cached: t.steps.cached },
    reason: t.reason,
  }));
  return `${JSON.stringify({ targets }, null, 2)}\n`;
}

export interface Paint {
  green: (s: string) => string;
  red: (s: string) => string;
  yellow: (s: string) => string;
  dim: (s: string) => string;
  bold: (s: string) => string;
}

export const NO_PAINT: Paint = { green: (s) => s, red: (s) => s, yellow: (s) => s, dim: (s) => s, bold: (s) => s };

const STEP_WIDTH = 72;

/** Text cut to `width` characters with an ellipsis (long RUN lines: the log has them whole). */
export function truncate(text: string, width: number): string {
  if (width <= 1) return '';
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const m = Math.floor(ms / 60_000);
  return `${m}m${String(Math.round((ms % 60_000) / 1000)).padStart(2, '0')}s`;
}

function statusText(status: TargetResult['status'], paint: Paint): string {
  switch (status) {
    case 'built':
      return paint.green(status);
    case 'skipped':
    case 'would-skip':
      return paint.dim(status);
    case 'failed':
      return paint.red(status);
    case 'cancelled':
      return paint.yellow(status);
    default:
      return status;
  }
}

/** Pad a cell whose text may hold colour codes. */
function pad(text: string, plainLength: number, width: number): string {
  return text + ' '.repeat(Math.max(0, width - plainLength));
}

function table(header: string[], rows: { plain: string[]; painted: string[] }[], rightAligned: Set<number>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r.plain[i].length)));
  const line = (plain: string[], painted: string[]) =>
    painted
      .map((cell, i) => (i === painted.length - 1 ? cell : rightAligned.has(i) ? ' '.repeat(widths[i] - plain[i].length) + cell : pad(cell, plain[i].length, widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header, header), ...rows.map((r) => line(r.plain, r.painted))].join('\n');
}

/** The summary after a build: one row per target, the slowest steps, and the totals. */
export function textSummary(report: BuildReport, paint: Paint = NO_PAINT): string {
  const rows = report.targets.map((t) => {
    const ran = t.status === 'built' || t.status === 'failed' || (t.status === 'cancelled' && t.logFile !== null);
    const plain = [
      t.name,
      t.status,
      t.status === 'skipped' || (t.status === 'cancelled' && !ran) ? '-' : formatDuration(t.durationMs),
      ran ? `${t.steps.cached}/${t.steps.total}` : '-',
      t.status === 'failed' || t.status === 'cancelled' ? (t.reason ?? '') : t.slowest[0] ? `${truncate(t.slowest[0].name, STEP_WIDTH)} ${t.slowest[0].seconds!.toFixed(1)}s` : '',
    ];
    const painted = [...plain];
    painted[1] = statusText(t.status, paint);
    return { plain, painted };
  });
  const out = [table(['TARGET', 'STATUS', 'TIME', 'CACHED', 'SLOWEST STEP / REASON'], rows, new Set([2, 3]))];
  const slow = report.targets
    .flatMap((t) => t.slowest.map((s) => ({ target: t.name, step: s })))
    .sort((a, b) => b.step.seconds! - a.step.seconds!)
    .slice(0, 5);
  if (slow.length) {
    out.push('', 'Slowest steps:');
    const width = Math.max(...slow.map((s) => s.target.length));
    for (const s of slow) out.push(`  ${s.step.seconds!.toFixed(1).padStart(6)}s  ${s.target.padEnd(width)}  ${truncate(s.step.name, STEP_WIDTH)}`);
  }
  const failedLogs = report.targets.filter((t) => t.status === 'failed' && t.logFile);
  if (failedLogs.length) {
    out.push('');
    for (const t of failedLogs) out.push(`${paint.red('failed')} ${t.name}: full log in ${t.logFile}`);
  }
  out.push('', totals(report, paint));
  return `${out.join('\n')}\n`;
}

function totals(report: BuildReport, paint: Paint): string {
  const count = (s: TargetResult['status']) => report.targets.filter((t) => t.status === s).length;
  const parts = [`${count('built')} built`, `${count('skipped')} skipped`];
  if (count('failed')) parts.push(paint.red(`${count('failed')} failed`));
  if (count('cancelled')) parts.push(paint.yellow(`${count('cancelled')} cancelled`));
  const n = report.targets.length;
  return `${n} target${n === 1 ? '' : 's'}: ${parts.join(', ')} in ${formatDuration(report.durationMs)}${report.interrupted ? ' (interrupted)' : ''}`;
}

/** `--dry-run`: the order, and for each target what would happen and why. */
export function planText(report: BuildReport, paint: Paint = NO_PAINT): string {
  const lines: string[] = [];
  report.targets.forEach((t, i) => {
    const what = t.status === 'would-skip' ? paint.dim('skip ') : paint.green('build');
    const deps = t.dependsOn.length ? `  after ${t.dependsOn.map((d) => d.on).join(', ')}` : '';
    lines.push(`${String(i + 1).padStart(3)}. ${what}  ${t.name}${paint.dim(deps)}`);
    if (t.reason) lines.push(`        ${t.reason}`);
  });
  const skip = report.targets.filter((t) => t.status === 'would-skip').length;
  lines.push('', `${report.targets.length - skip} to build, ${skip} up to date (-j ${report.jobs}); nothing was built (--dry-run)`);
  return `${lines.join('\n')}\n`;
}
