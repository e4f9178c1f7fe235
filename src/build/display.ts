// Progress while building. On a terminal: one live line per running target (current step, elapsed
// time), redrawn in place, and a final line per finished target above them. Otherwise: every output
// line prefixed with its target's name, as CI logs want.
import { formatDuration, NO_PAINT, truncate, type Paint } from './report.ts';
import type { BuildEvent, TargetResult } from './run.ts';

export interface DisplayOptions {
  write: (text: string) => void;
  /** Redraw live lines in place (a terminal). */
  live: boolean;
  columns?: () => number;
  paint?: Paint;
  now?: () => number;
  /** Redraw interval for live lines. */
  intervalMs?: number;
}

interface Running {
  started: number;
  step: string | null;
}

const SPINNER = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export class ProgressDisplay {
  private readonly running = new Map<string, Running>();
  private drawn = 0;
  private frame = 0;
  private timer: NodeJS.Timeout | null = null;
  private readonly paint: Paint;
  private readonly now: () => number;

  constructor(private readonly options: DisplayOptions) {
    this.paint = options.paint ?? NO_PAINT;
    this.now = options.now ?? Date.now;
  }

  handle(event: BuildEvent): void {
    switch (event.type) {
      case 'plan': {
        const total = event.plan.targets.length;
        const skip = event.plan.targets.filter((t) => t.action === 'skip').length;
        this.print(`dockopt: ${total} target${total === 1 ? '' : 's'}: ${total - skip} to build, ${skip} up to date (-j ${event.plan.settings.jobs}, ${event.plan.settings.builder})`);
        return;
      }
      case 'start':
        this.running.set(event.name, { started: this.now(), step: null });
        if (this.options.live) this.ensureTimer();
        return;
      case 'output': {
        const r = this.running.get(event.name);
        if (r) r.step = event.step ?? r.step;
        if (!this.options.live) this.options.write(`[${event.name}] ${event.line}\n`);
        return;
      }
      case 'finish':
        this.running.delete(event.result.name);
        this.print(this.finalLine(event.result));
        if (this.running.size === 0) this.stopTimer();
        return;
    }
  }

  /** Clear the live lines (call once the build is over). */
  stop(): void {
    this.stopTimer();
    if (this.options.live) this.clearLive();
  }

  private finalLine(r: TargetResult): string {
    const p = this.paint;
    const steps = r.steps.total ? ` (${r.steps.cached}/${r.steps.total} steps cached)` : '';
    const prefix = this.options.live ? '' : `[${r.name}] `;
    const name = this.options.live ? `${p.bold(r.name)} ` : '';
    switch (r.status) {
      case 'built':
        return `${prefix}${p.green('✓')} ${name}built in ${formatDuration(r.durationMs)}${steps}`;
      case 'skipped':
        return `${prefix}${p.dim('•')} ${name}skipped (${r.reason ?? 'up to date'})`;
      case 'failed':
        return `${prefix}${p.red('✗')} ${name}failed after ${formatDuration(r.durationMs)}: ${r.reason ?? 'unknown error'}${r.logFile ? p.dim(` (log: ${r.logFile})`) : ''}`;
      default:
        return `${prefix}${p.yellow('-')} ${name}cancelled: ${r.reason ?? ''}`;
    }
  }

  /** Print a permanent line (above the live block on a terminal). */
  private print(line: string): void {
    if (!this.options.live) {
      this.options.write(`${line}\n`);
      return;
    }
    this.clearLive();
    this.options.write(`${line}\n`);
    this.drawLive();
  }

  private ensureTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.frame++;
      this.clearLive();
      this.drawLive();
    }, this.options.intervalMs ?? 100);
    this.timer.unref();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private clearLive(): void {
    if (this.drawn === 0) return;
    // Up to the first live line, then clear to the end of the screen.
    this.options.write(`\x1b[${this.drawn}F\x1b[0J`);
    this.drawn = 0;
  }

  private drawLive(): void {
    if (this.running.size === 0) return;
    const width = Math.max(20, (this.options.columns?.() ?? 80) - 1);
    const spinner = SPINNER[this.frame % SPINNER.length];
    const nameWidth = Math.min(30, Math.max(...[...this.running.keys()].map((n) => n.length)));
    const lines: string[] = [];
    for (const [name, r] of this.running) {
      const elapsed = formatDuration(this.now() - r.started).padStart(6);
      const head = `${spinner} ${truncate(name, nameWidth).padEnd(nameWidth)} ${elapsed}  `;
      const step = truncate(r.step ?? 'starting', width - head.length);
      lines.push(`${this.paint.bold(head)}${step}`);
    }
    this.options.write(`${lines.join('\n')}\n`);
    this.drawn = lines.length;
  }
}
