// Finding, reading and validating `.dockopt.yaml` / `.dockopt.json` (or, for people migrating,
// `.hadolint.yaml`), and turning it into the rule settings for one Dockerfile.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { configError } from './errors.ts';
import type { Rule, Severity } from './types.ts';
import { SEVERITIES } from './types.ts';
import type { RuleSetting } from './engine.ts';
import validate from './generated/config-validator.js';
import { rules as catalogue } from '../rules/index.ts';
import { SHELLCHECK_RULE } from './shellcheck.ts';

export type RuleLevel = Severity | 'off';
export type RuleConfig = RuleLevel | { severity?: RuleLevel; options?: Record<string, unknown> };

export interface Override {
  files: string | string[];
  rules?: Record<string, RuleConfig>;
  context?: string;
  args?: Record<string, string>;
}

export interface ImageConfig {
  dockerfile: string;
  context?: string;
  tags?: string[];
  args?: Record<string, string>;
  target?: string;
  platform?: string;
  dependsOn?: string[];
}

export interface DockoptConfig {
  rules?: Record<string, RuleConfig>;
  ignore?: string | string[];
  failureThreshold?: Severity | 'none';
  trustedRegistries?: string[];
  labelSchema?: Record<string, string>;
  strictLabels?: boolean;
  overrides?: Override[];
  context?: { maxBytes?: number; maxFiles?: number; largePathBytes?: number };
  images?: Record<string, ImageConfig>;
  build?: {
    builder?: 'docker' | 'buildx' | 'buildctl';
    docker?: string;
    jobs?: number;
    builtinFrontend?: boolean;
    buildxBuilder?: string;
    cacheFrom?: string[];
    cacheTo?: string[];
  };
  discover?: { iac?: string | string[] };
}

export interface LoadedConfig {
  /** The file read, or null when none was found. */
  path: string | null;
  /** Directory relative paths in the config are resolved against. */
  dir: string;
  source: 'dockopt' | 'hadolint' | 'none';
  config: DockoptConfig;
}

const CONFIG_NAMES = ['.dockopt.yaml', '.dockopt.yml', '.dockopt.json'];
const HADOLINT_NAMES = ['.hadolint.yaml', '.hadolint.yml'];

/** Walk up from `cwd` to the filesystem root for the first dockopt config, else a hadolint one. */
export function findConfig(cwd: string): { path: string; source: 'dockopt' | 'hadolint' } | null {
  let hadolint: string | null = null;
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_NAMES) {
      const p = join(dir, name);
      if (existsSync(p)) return { path: p, source: 'dockopt' };
    }
    if (!hadolint) for (const name of HADOLINT_NAMES) if (existsSync(join(dir, name))) hadolint = join(dir, name);
    if (dirname(dir) === dir) break;
  }
  return hadolint ? { path: hadolint, source: 'hadolint' } : null;
}

export async function loadConfig(cwd: string, explicit?: string): Promise<LoadedConfig> {
  const found = explicit ? { path: resolve(cwd, explicit), source: explicit.includes('hadolint') ? ('hadolint' as const) : ('dockopt' as const) } : findConfig(cwd);
  if (!found) return { path: null, dir: resolve(cwd), source: 'none', config: {} };
  let text: string;
  try {
    text = readFileSync(found.path, 'utf8');
  } catch (err) {
    throw configError(found.path, `cannot read config: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const data = await parseConfigText(found.path, text);
  const config = found.source === 'hadolint' ? fromHadolint(found.path, data) : await validateConfig(found.path, text, data);
  return { path: found.path, dir: dirname(found.path), source: found.source, config };
}

async function parseConfigText(file: string, text: string): Promise<unknown> {
  if (file.endsWith('.json')) {
    try {
      return text.trim() ? JSON.parse(text) : {};
    } catch (err) {
      const m = /position (\d+)/.exec((err as Error).message);
      const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
      throw configError(file, `invalid JSON: ${(err as Error).message.replace(/ in JSON at position \d+.*$/, '')}`, line);
    }
  }
  // js-yaml: a third of the `yaml` package's cold parse time, which every run with a config pays.
  // An empty file (or one of comments only) is an empty config.
  if (!text.replace(/^\s*#.*$/gm, '').trim()) return {};
  const { load } = await import('js-yaml');
  try {
    return load(text, { filename: file }) ?? {};
  } catch (err) {
    const e = err as { reason?: string; message: string; mark?: { line: number } };
    throw configError(file, `invalid YAML: ${e.reason ?? e.message.split('\n')[0]}`, e.mark ? e.mark.line + 1 : undefined);
  }
}

async function validateConfig(file: string, text: string, data: unknown): Promise<DockoptConfig> {
  // Compiled from the schema at build time (scripts/gen-config-validator.mjs): no ajv at run time.
  if (!validate(data)) {
    const err = validate.errors![0];
    const path = err.instancePath.split('/').slice(1).map((p: string) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    let key = path.join('.');
    let message: string;
    if (err.keyword === 'additionalProperties') {
      const extra = (err.params as { additionalProperty: string }).additionalProperty;
      path.push(extra);
      key = path.join('.');
      message = `unknown key "${key}"`;
    } else if (err.keyword === 'enum') {
      message = `"${key}" must be one of ${(err.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
    } else if (err.keyword === 'oneOf') {
      message = `"${key}" has an invalid value ${JSON.stringify(valueAt(data, path))}`;
    } else {
      message = `"${key || '(top level)'}" ${err.message}`;
    }
    throw configError(file, message, lineOf(file, text, path), 'see schema/dockopt.schema.json');
  }
  const config = data as DockoptConfig;
  return config;
}

function valueAt(data: unknown, path: string[]): unknown {
  let cur: unknown = data;
  for (const p of path) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined;
  return cur;
}

/**
 * The 1-based line of a key path in the config text, for error messages: JSON by the key's first
 * occurrence; YAML by following indentation (block mappings and `- ` items; a flow mapping `{...}`
 * answers with its own line). Falls back to the deepest part found.
 */
function lineOf(file: string, text: string, path: string[]): number | undefined {
  if (file.endsWith('.json')) {
    const last = path[path.length - 1];
    if (!last) return undefined;
    const idx = text.indexOf(`"${last}"`);
    return idx === -1 ? undefined : text.slice(0, idx).split('\n').length;
  }
  const lines = text.split(/\r?\n/);
  const indentOf = (l: string) => l.length - l.trimStart().length;
  const content = (l: string) => l.trim() !== '' && !l.trimStart().startsWith('#');
  let from = 0;
  let to = lines.length;
  let parentIndent = -1;
  let found: number | undefined;
  for (const part of path) {
    if (found !== undefined && lines[found].includes('{')) return found + 1; // flow mapping: same line
    let hit = -1;
    if (/^\d+$/.test(part)) {
      let n = -1;
      for (let i = from; i < to; i++) {
        if (content(lines[i]) && indentOf(lines[i]) > parentIndent && lines[i].trimStart().startsWith('- ') && ++n === Number(part)) {
          hit = i;
          break;
        }
      }
    } else {
      const key = new RegExp(`^\\s*(- )?(["']?)${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\2\\s*:`);
      for (let i = from; i < to; i++) {
        if (content(lines[i]) && indentOf(lines[i]) > parentIndent && key.test(lines[i])) {
          hit = i;
          break;
        }
      }
    }
    if (hit === -1) break;
    found = hit;
    parentIndent = indentOf(lines[hit]);
    from = hit + 1;
    to = lines.length;
    for (let i = from; i < lines.length; i++) {
      if (content(lines[i]) && indentOf(lines[i]) <= parentIndent && !(lines[i].trimStart().startsWith('- ') && indentOf(lines[i]) === parentIndent && /^\s*[^-\s]/.test(lines[hit]))) {
        to = i;
        break;
      }
    }
  }
  return found === undefined ? undefined : found + 1;
}

/** Map the `.hadolint.yaml` keys dockopt understands onto a dockopt config. */
function fromHadolint(file: string, data: unknown): DockoptConfig {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw configError(file, 'expected a mapping at the top level');
  const h = data as Record<string, unknown>;
  const rules: Record<string, RuleConfig> = {};
  const byDl = (code: string) => catalogue.filter((r) => r.meta.hadolint?.includes(String(code).toUpperCase()));
  for (const code of asStrings(h.ignored)) for (const r of byDl(code)) rules[r.meta.code] = 'off';
  // Ignored ShellCheck codes become exclusions of the shellcheck rule.
  const sc = asStrings(h.ignored).map((c) => c.toUpperCase()).filter((c) => /^SC\d{4}$/.test(c));
  if (sc.length) rules[SHELLCHECK_RULE] = { options: { exclude: sc } };
  const override = h.override as Record<string, unknown> | undefined;
  if (override && typeof override === 'object') {
    for (const level of ['error', 'warning', 'info', 'style'] as const) {
      for (const code of asStrings(override[level])) for (const r of byDl(code)) if (rules[r.meta.code] !== 'off') rules[r.meta.code] = level;
    }
  }
  const config: DockoptConfig = { rules };
  // hadolint accepts one registry as a plain string too.
  const trusted = typeof h.trustedRegistries === 'string' ? [h.trustedRegistries] : asStrings(h.trustedRegistries);
  if (trusted.length) config.trustedRegistries = trusted;
  // hadolint's `ignore` level sits below style: failing at it means failing on any finding.
  const threshold = h['failure-threshold'] === 'ignore' ? 'style' : h['failure-threshold'];
  if (typeof threshold === 'string' && [...SEVERITIES, 'none'].includes(threshold)) config.failureThreshold = threshold as Severity | 'none';
  if (h['label-schema'] && typeof h['label-schema'] === 'object') config.labelSchema = h['label-schema'] as Record<string, string>;
  if (typeof h['strict-labels'] === 'boolean') config.strictLabels = h['strict-labels'];
  return config;
}

function asStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

function toArray(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** The infrastructure-code globs asked for: `cli` (`--iac`) when it names some, else the config's `discover.iac`. */
export function iacGlobs(loaded: LoadedConfig, cli?: string[]): string[] {
  if (cli && cli.length) return cli;
  return toArray(loaded.config.discover?.iac);
}

/** Path of `file` relative to the config directory, with `/` separators. */
function configRelative(loaded: LoadedConfig, file: string): string {
  return relative(loaded.dir, resolve(file)).split(sep).join('/');
}

const matchers = new WeakMap<object, { globs: string | string[] | undefined; match: (rel: string) => boolean }>();

/**
 * The matcher for the globs `owner` (the config, an override) holds, compiled once: discovery asks
 * about every directory and file it walks, lint about every Dockerfile.
 */
function globMatcher(owner: object, globs: string | string[] | undefined): (rel: string) => boolean {
  let m = matchers.get(owner);
  if (!m || m.globs !== globs) matchers.set(owner, (m = { globs, match: picomatch(toArray(globs), { dot: true }) }));
  return m.match;
}

export function isIgnored(loaded: LoadedConfig, file: string): boolean {
  const globs = toArray(loaded.config.ignore);
  if (globs.length === 0) return false;
  const rel = configRelative(loaded, file);
  return globMatcher(loaded.config, loaded.config.ignore)(rel) || globs.some((g) => rel.startsWith(`${g.replace(/\/+$/, '')}/`));
}

/** The overrides that apply to one Dockerfile, in config order. */
export function overridesFor(loaded: LoadedConfig, file: string): Override[] {
  const rel = configRelative(loaded, file);
  return (loaded.config.overrides ?? []).filter((o) => globMatcher(o, o.files)(rel));
}

export function findRule(catalogue: readonly Rule[], key: string): Rule | undefined {
  const k = key.toLowerCase();
  return catalogue.find((r) => r.meta.code.toLowerCase() === k || r.meta.name === k);
}

/**
 * Which rules run on a file and how: defaults, then the config's `rules`, then matching
 * `overrides`, then `--rule` from the command line.
 */
export function ruleSettings(
  catalogue: readonly Rule[],
  layers: { source: string; rules: Record<string, RuleConfig> | undefined }[],
): RuleSetting[] {
  const state = new Map<Rule, { level: RuleLevel; options: Record<string, unknown> }>();
  for (const rule of catalogue) {
    state.set(rule, { level: rule.meta.enabledByDefault === false ? 'off' : rule.meta.severity, options: {} });
  }
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer.rules ?? {})) {
      const rule = findRule(catalogue, key);
      if (!rule) throw configError(layer.source, `unknown rule "${key}" in rules`, undefined, 'run `dockopt rules` for the list');
      const cur = state.get(rule)!;
      if (typeof value === 'string') cur.level = value;
      else {
        if (value.severity) cur.level = value.severity;
        if (value.options) cur.options = { ...cur.options, ...value.options };
      }
    }
  }
  const out: RuleSetting[] = [];
  for (const [rule, s] of state) if (s.level !== 'off') out.push({ rule, severity: s.level, options: s.options });
  return out;
}
