import { resolve } from 'node:path';
import type { Handler, Io } from '../cli.ts';
import { STDIN_OPERAND, VERSION } from '../cli.ts';
import { lintFiles, summarize, type LintResult } from '../lint.ts';
import { defaultCacheFile } from '../shellcheck-runner.ts';
import { FORMATTERS } from '../formatters/index.ts';
import { applyBaseline, writeBaseline } from '../baseline.ts';
import { usageError } from '../errors.ts';
import { writeFileAtomic } from '../write.ts';
import type { RuleConfig, RuleLevel } from '../config.ts';
import { loadConfig } from '../config.ts';
import type { Severity } from '../types.ts';

const LEVELS = ['off', 'error', 'warning', 'info', 'style'];

export function parseRuleFlags(values: string[]): Record<string, RuleConfig> {
  const out: Record<string, RuleConfig> = {};
  for (const v of values) {
    const m = /^([^=]+)=(.+)$/.exec(v.trim());
    if (!m || !LEVELS.includes(m[2].toLowerCase())) throw usageError(`--rule "${v}" must look like CODE=off|error|warning|info|style`);
    out[m[1].trim()] = m[2].toLowerCase() as RuleLevel;
  }
  return out;
}

export function useColor(argv: Record<string, unknown>, io: Io, toFile: boolean): boolean {
  if (typeof argv.color === 'boolean') return argv.color;
  if (toFile) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== '0') return true;
  return io.isTTY;
}

export const lintCommand: Handler = async (argv, io) => {
  const paths = ((argv.paths as string[]) ?? []).map((p) => (p === STDIN_OPERAND ? '-' : p));
  const stdinName = (argv['stdin-filename'] as string | undefined) ?? 'Dockerfile';
  const stdin = paths.includes('-') ? await io.readStdin() : undefined;
  const config = await loadConfig(io.cwd, argv.config as string | undefined);
  const ruleOverrides = parseRuleFlags(argv.rule as string[]);
  const threshold = (argv['failure-threshold'] as Severity | 'none' | undefined) ?? config.config.failureThreshold ?? 'warning';
  const result: LintResult = await lintFiles(paths, {
    cwd: io.cwd,
    config,
    ruleOverrides,
    stdin,
    stdinPath: stdinName,
    buildContext: { dir: argv.context as string | undefined, stdin: argv['stdin-filename'] !== undefined },
    iac: (argv.iac as string[] | undefined)?.length ? (argv.iac as string[]) : undefined,
    failureThreshold: threshold,
    shellcheck: { cache: defaultCacheFile() },
  });
  for (const n of result.notices ?? []) io.stderr(`dockopt: ${n}\n`);

  if (argv['write-baseline']) {
    const n = writeBaseline(argv['write-baseline'] as string, io.cwd, result.files);
    io.stderr(`dockopt: recorded ${n} finding${n === 1 ? '' : 's'} in ${argv['write-baseline']}\n`);
    return result.files.some((f) => f.error) ? 2 : 0;
  }
  let baselined = 0;
  if (argv.baseline) baselined = applyBaseline(argv.baseline as string, io.cwd, result.files);
  if (argv.quiet) for (const f of result.files) f.findings = f.findings.filter((x) => x.severity === 'error');
  result.summary = summarize(result.files, threshold, baselined);

  const output = argv.output as string | undefined;
  const format = argv.format as string;
  const text = FORMATTERS[format](result, { color: useColor(argv, io, Boolean(output)), version: VERSION, cwd: io.cwd, quiet: Boolean(argv.quiet) });
  if (output) writeFileAtomic(resolve(io.cwd, output), text);
  else io.stdout(text);
  for (const f of result.files) if (f.error && format !== 'stylish') io.stderr(`dockopt: ${f.path}: ${f.error}\n`);

  if (result.files.some((f) => f.error)) return 2;
  if (result.summary.failing > 0) return 1;
  const maxWarnings = argv['max-warnings'] as number | undefined;
  if (maxWarnings !== undefined && maxWarnings >= 0 && result.summary.bySeverity.warning > maxWarnings) {
    io.stderr(`dockopt: ${result.summary.bySeverity.warning} warnings exceed --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
};
