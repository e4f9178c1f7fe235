import { resolve } from 'node:path';
import { isatty } from 'node:tty';
import type { Handler } from '../cli.ts';
import { usageError } from '../errors.ts';
import { writeFileAtomic } from '../write.ts';
import { useColor } from './lint.ts';
import { colors } from '../colors.ts';
import { runBuild, type BuildReport } from '../build/run.ts';
import { jsonReport, NO_PAINT, planText, textSummary, type Paint } from '../build/report.ts';
import { ProgressDisplay } from '../build/display.ts';
import type { BuilderName } from '../build/builders.ts';

/** `NAME=VALUE`, or `NAME` alone for the value in the environment (as `docker build` does). */
function parseBuildArgs(values: string[], env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values) {
    const eq = v.indexOf('=');
    if (eq === -1 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(v) && env[v] !== undefined) out[v] = env[v]!;
    else if (eq <= 0) throw usageError(`--build-arg "${v}" must look like NAME=VALUE (or NAME, set in the environment)`);
    else out[v.slice(0, eq)] = v.slice(eq + 1);
  }
  return out;
}

/** Exit code: 130 interrupted, 1 any target failed or was cancelled, else 0. */
function buildExitCode(report: BuildReport): number {
  if (report.interrupted) return 130;
  return report.targets.some((t) => t.status === 'failed' || t.status === 'cancelled') ? 1 : 0;
}

export const buildCommand: Handler = async (argv, io) => {
  const format = argv.format as 'text' | 'json';
  const output = argv.output as string | undefined;
  const color = useColor(argv, io, false);
  const paint: Paint = color ? colors(true) : NO_PAINT;
  const live = io.isTTY && isatty(2) && !io.env.CI && io.env.TERM !== 'dumb';
  const display = new ProgressDisplay({ write: io.stderr, live, columns: io.columns, paint: live ? paint : NO_PAINT });

  // Ctrl-C stops the running builds (their process groups) and exits 130; a second one exits now.
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    io.stderr('\ndockopt: interrupted: stopping running builds (Ctrl-C again to exit now)\n');
    controller.abort('interrupted');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let report: BuildReport;
  try {
    report = await runBuild({
      cwd: io.cwd,
      env: io.env,
      configPath: argv.config as string | undefined,
      targets: (argv.targets as string[] | undefined) ?? [],
      force: Boolean(argv.force),
      push: Boolean(argv.push),
      dryRun: Boolean(argv['dry-run']),
      jobs: argv.jobs as number | undefined,
      failFast: Boolean(argv['fail-fast']),
      builder: argv.builder as BuilderName | undefined,
      docker: argv.docker as string | undefined,
      builtinFrontend: argv['builtin-frontend'] as boolean | undefined,
      buildArgs: parseBuildArgs((argv['build-arg'] as string[] | undefined) ?? [], io.env),
      cacheFrom: (argv['cache-from'] as string[] | undefined)?.length ? (argv['cache-from'] as string[]) : undefined,
      cacheTo: (argv['cache-to'] as string[] | undefined)?.length ? (argv['cache-to'] as string[]) : undefined,
      buildxBuilder: argv['buildx-builder'] as string | undefined,
      iac: (argv.iac as string[] | undefined) ?? [],
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'plan') for (const w of event.plan.warnings) io.stderr(`dockopt: warning: ${w}\n`);
        if (!argv['dry-run']) display.handle(event);
      },
    });
  } finally {
    display.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  const text = format === 'json' ? jsonReport(report) : report.dryRun ? planText(report, paint) : textSummary(report, paint);
  if (output) writeFileAtomic(resolve(io.cwd, output), format === 'json' ? text : text.replace(/\x1b\[[0-9;]*m/g, ''));
  else io.stdout(text);
  return buildExitCode(report);
};
