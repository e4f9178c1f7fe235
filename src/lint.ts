// The lint library API: text or files in, findings out. No argv, no stdout, no exit codes.
import { resolve } from 'node:path';
import { rules as catalogue } from '../rules/index.ts';
import { parseDockerfile, type DockerfileModel } from './model.ts';
import { checkModel, type RuleSetting } from './engine.ts';
import { iacGlobs, isIgnored, loadConfig, overridesFor, ruleSettings, type LoadedConfig, type RuleConfig } from './config.ts';
import { displayPath, expandInputs, readInput } from './files.ts';
import type { Finding, LintSettings, Severity } from './types.ts';
import { SEVERITY_RANK } from './types.ts';
import { SHELLCHECK_RULE } from './shellcheck.ts';
import { runShellcheck, runShellcheckSync, type ShellcheckOptions } from './shellcheck-runner.ts';
import { BuildContextResolver, type BuildContextOption } from './context/lint-context.ts';

export { catalogue as rules };

export interface FileResult {
  /** Path as shown to people: relative to the working directory when inside it. */
  path: string;
  /** Absolute path, or null for standard input. */
  absolutePath: string | null;
  /** Why the file could not be linted, or null. */
  error: string | null;
  findings: Finding[];
  /** The text that was linted (for fix, baseline fingerprints and formatters that quote source). */
  text?: string;
}

export interface LintSummary {
  files: number;
  filesWithErrors: number;
  findings: number;
  bySeverity: Record<Severity, number>;
  fixable: number;
  /** Findings hidden because the baseline lists them. */
  baselined: number;
  /** Findings at or above the failure threshold. */
  failing: number;
}

export interface LintResult {
  files: FileResult[];
  summary: LintSummary;
  /** One-line messages for people about the run itself (e.g. ShellCheck missing); the CLI prints them on stderr. */
  notices?: string[];
}

export interface LintOptions {
  cwd?: string;
  /** Explicit config file; otherwise found by walking up from cwd. */
  configPath?: string;
  /** Already loaded config (skips discovery). */
  config?: LoadedConfig;
  /** `--rule CODE=level` overrides. */
  ruleOverrides?: Record<string, RuleConfig>;
  /** Text of standard input when an operand is `-`. */
  stdin?: string;
  /** Name to report for standard input. */
  stdinPath?: string;
  failureThreshold?: Severity | 'none';
  /**
   * Run ShellCheck on RUN scripts for the shellcheck rule (DO590), when that rule is on. Default
   * false (the CLI turns it on); without the binary the run goes on and `notices` says so.
   */
  shellcheck?: boolean | ShellcheckOptions;
  /**
   * Build contexts for the context rules (DO6xx): `dir` for every Dockerfile, else the config's
   * `overrides[].context`, else each Dockerfile's directory; standard input only with `stdin: true`
   * (its path is known) or `dir`. `false` turns context analysis off.
   */
  buildContext?: false | BuildContextOption;
  /** Infrastructure-code globs whose image declarations give Dockerfiles their contexts (default: the config's `discover.iac`). */
  iac?: string[];
}

/**
 * Lint one Dockerfile's text with the given rule settings. Pure and in-process unless
 * `options.shellcheck` asks for ShellCheck (a separate process; skipped silently when missing).
 */
export function lintText(
  text: string,
  path = 'Dockerfile',
  enabled?: readonly RuleSetting[],
  settings?: LintSettings,
  options: { shellcheck?: boolean | ShellcheckOptions } = {},
): Finding[] {
  const model = parseDockerfile(text, path);
  const rules = enabled ?? defaultSettings();
  if (options.shellcheck && rules.some((s) => s.rule.meta.code === SHELLCHECK_RULE)) {
    runShellcheckSync([model], options.shellcheck === true ? {} : options.shellcheck);
  }
  return lintModel(model, rules, settings);
}

export function lintModel(model: DockerfileModel, enabled: readonly RuleSetting[], settings?: LintSettings): Finding[] {
  return checkModel(model, enabled, { catalogue, settings });
}

let defaults: RuleSetting[] | null = null;
export function defaultSettings(): RuleSetting[] {
  return (defaults ??= ruleSettings(catalogue, []));
}

/** Rule settings for one file under a loaded config plus command-line overrides. */
export function settingsForFile(loaded: LoadedConfig, absPath: string | null, cliRules?: Record<string, RuleConfig>): RuleSetting[] {
  const layers: { source: string; rules: Record<string, RuleConfig> | undefined }[] = [{ source: loaded.path ?? 'config', rules: loaded.config.rules }];
  if (absPath) for (const o of overridesFor(loaded, absPath)) layers.push({ source: loaded.path ?? 'config', rules: o.rules });
  if (cliRules) layers.push({ source: '--rule', rules: cliRules });
  return ruleSettings(catalogue, layers);
}

/** The settings every file of a run shares, from the config. */
export function lintSettings(loaded: LoadedConfig): LintSettings {
  const { trustedRegistries, labelSchema, strictLabels } = loaded.config;
  return { trustedRegistries, labelSchema, strictLabels };
}

export async function lintFiles(operands: string[], options: LintOptions = {}): Promise<LintResult> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const loaded = options.config ?? (await loadConfig(cwd, options.configPath));
  const inputs = expandInputs(operands, cwd, (p) => isIgnored(loaded, p), options.stdinPath);
  // Validate --rule before reading files, so a typo is a usage error even with no files.
  settingsForFile(loaded, null, options.ruleOverrides);
  const settings = lintSettings(loaded);
  const notices: string[] = [];
  let contextOption = options.buildContext === false ? null : options.buildContext ?? {};
  const iac = options.iac ?? iacGlobs(loaded);
  if (contextOption && iac.length) {
    // Discovery loads ts-morph: only when infrastructure-code discovery is configured or asked for.
    const { discoverImages } = await import('./iac/discover.ts');
    const found = await discoverImages(iac, loaded.path ? loaded.dir : cwd);
    const declared = new Map<string, string>();
    const first = new Map<string, string>();
    for (const img of found.images) {
      const prev = declared.get(img.dockerfile);
      if (prev === undefined) {
        declared.set(img.dockerfile, img.context);
        first.set(img.dockerfile, `${img.file}:${img.line}`);
      } else if (prev !== img.context) {
        notices.push(`${img.file}:${img.line}: ${displayPath(cwd, img.dockerfile)} is also built with context ${displayPath(cwd, img.context)}; the context rules use ${displayPath(cwd, prev)} (${first.get(img.dockerfile)})`);
      }
    }
    contextOption = { ...contextOption, declared };
    notices.push(...found.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`));
  }
  const contexts = contextOption ? new BuildContextResolver(cwd, loaded, contextOption) : null;
  const files: FileResult[] = [];
  // Parse everything first, so ShellCheck can check all RUN scripts in a few processes.
  const parsed: { result: FileResult; model: DockerfileModel; enabled: RuleSetting[]; dockerfile: string; stdin: boolean }[] = [];
  for (const input of inputs) {
    const read = readInput(input, cwd, options.stdin);
    const { path: shown, absolutePath: abs } = read;
    if ('error' in read) {
      files.push({ path: shown, absolutePath: abs, error: read.error, findings: [] });
      continue;
    }
    const enabled = settingsForFile(loaded, abs ?? (options.stdinPath ? resolve(cwd, options.stdinPath) : null), options.ruleOverrides);
    const result: FileResult = { path: shown, absolutePath: abs, error: null, findings: [], text: read.text };
    files.push(result);
    parsed.push({ result, model: parseDockerfile(read.text, shown), enabled, dockerfile: abs ?? resolve(cwd, options.stdinPath ?? 'Dockerfile'), stdin: !abs });
  }
  if (options.shellcheck) {
    const wanted = parsed.filter((p) => p.enabled.some((s) => s.rule.meta.code === SHELLCHECK_RULE)).map((p) => p.model);
    if (wanted.length) {
      const run = await runShellcheck(wanted, options.shellcheck === true ? {} : options.shellcheck);
      if (run.notice) notices.push(run.notice);
    }
  }
  for (const p of parsed) {
    // Walking a context costs I/O: only for files with a context rule on (once per directory).
    const buildContext = contexts && p.enabled.some((s) => s.rule.meta.needsBuildContext) ? contexts.forDockerfile(p.dockerfile, p.stdin) : undefined;
    p.result.findings = lintModel(p.model, p.enabled, buildContext ? { ...settings, buildContext } : settings);
  }
  const threshold = options.failureThreshold ?? loaded.config.failureThreshold ?? 'warning';
  return { files, summary: summarize(files, threshold), ...(notices.length ? { notices } : {}) };
}

export function summarize(files: FileResult[], threshold: Severity | 'none', baselined = 0): LintSummary {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0, style: 0 };
  let fixable = 0;
  let failing = 0;
  for (const f of files) {
    for (const x of f.findings) {
      bySeverity[x.severity]++;
      if (x.fix) fixable++;
      if (threshold !== 'none' && SEVERITY_RANK[x.severity] >= SEVERITY_RANK[threshold]) failing++;
    }
  }
  return {
    files: files.length,
    filesWithErrors: files.filter((f) => f.error).length,
    findings: files.reduce((n, f) => n + f.findings.length, 0),
    bySeverity,
    fixable,
    baselined,
    failing,
  };
}
