import type { Handler } from '../cli.ts';
import { rules } from '../../rules/index.ts';
import { findRule } from '../config.ts';
import { usageError } from '../errors.ts';
import type { Rule } from '../types.ts';

function ruleJson(r: Rule) {
  return {
    code: r.meta.code,
    name: r.meta.name,
    category: r.meta.category,
    severity: r.meta.severity,
    status: r.meta.status,
    fixable: r.meta.fixable !== 'never',
    enabledByDefault: r.meta.enabledByDefault !== false,
    hadolint: r.meta.hadolint ?? [],
    buildkit: r.meta.buildkit ?? [],
    description: r.meta.docs.summary,
  };
}

function rulesMarkdownTable(): string {
  const rows = rules.map((r) => `| ${r.meta.code} | ${r.meta.name} | ${r.meta.category} | ${r.meta.severity} | ${r.meta.fixable === 'never' ? '' : 'yes'} | ${(r.meta.hadolint ?? []).join(', ')} | ${(r.meta.buildkit ?? []).join(', ')} |`);
  return ['| Code | Name | Category | Severity | Fix | hadolint | BuildKit check |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

export const rulesCommand: Handler = async (argv, io) => {
  const format = argv.format as string;
  if (argv.migration) {
    const { buildkitMigration, hadolintMigration, migrationMarkdown } = await import('../migration.ts');
    io.stdout(format === 'json' ? `${JSON.stringify({ hadolint: hadolintMigration(rules), buildkit: buildkitMigration(rules) }, null, 2)}\n` : migrationMarkdown(rules));
    return 0;
  }
  if (format === 'json') {
    io.stdout(`${JSON.stringify(rules.map(ruleJson), null, 2)}\n`);
    return 0;
  }
  if (format === 'markdown') {
    io.stdout(`${rulesMarkdownTable()}\n`);
    return 0;
  }
  const width = Math.max(...rules.map((r) => r.meta.name.length));
  for (const r of rules) {
    const eq = [...(r.meta.hadolint ?? []), ...(r.meta.buildkit ?? [])].join(', ');
    const flags = `${r.meta.fixable !== 'never' ? ' [fix]' : ''}${r.meta.status === 'preview' ? ' [preview]' : ''}${r.meta.enabledByDefault === false ? ' [off]' : ''}`;
    io.stdout(`${r.meta.code}  ${r.meta.name.padEnd(width)}  ${r.meta.severity.padEnd(7)}  ${r.meta.docs.summary}${flags}${eq ? `  (${eq})` : ''}\n`);
  }
  return 0;
};

/** The build context a context rule's example is checked with, as a short listing. */
function contextLines(listing: Record<string, string | number> | undefined): string[] {
  if (!listing) return [];
  const entry = ([path, v]: [string, string | number]) =>
    path === '.dockerignore' ? `.dockerignore: ${JSON.stringify(v)}` : `${path} (${typeof v === 'number' ? `${v.toLocaleString('en-US')} bytes` : `${Buffer.byteLength(v)} bytes`})`;
  return [`  in a build context holding: ${Object.entries(listing).map(entry).join(', ')}`];
}

function explainText(r: Rule): string {
  const m = r.meta;
  const eq = [...(m.hadolint ?? []).map((c) => `hadolint ${c}`), ...(m.buildkit ?? []).map((c) => `BuildKit check ${c}`)];
  return [
    `${m.code} ${m.name} (${m.category}, ${m.severity}${m.status === 'preview' ? ', preview' : ''}${m.enabledByDefault === false ? ', off by default' : ''})`,
    '',
    m.docs.summary,
    '',
    m.docs.rationale,
    '',
    'Bad:',
    ...m.docs.bad.trimEnd().split('\n').map((l) => `    ${l}`),
    ...contextLines(m.docs.context?.bad),
    '',
    'Good:',
    ...m.docs.good.trimEnd().split('\n').map((l) => `    ${l}`),
    ...contextLines(m.docs.context ? (m.docs.context.good ?? m.docs.context.bad) : undefined),
    '',
    ...(m.docs.settings ? [`The examples assume this config: ${JSON.stringify(m.docs.settings)}`, ''] : []),
    `Fix: ${m.fixable === 'never' ? 'none' : m.fixable === 'always' ? 'available (dockopt fix)' : 'available in some cases (dockopt fix)'}`,
    ...(eq.length ? [`Equivalent to: ${eq.join(', ')}`] : []),
    `Suppress: # dockopt ignore=${m.code}${m.hadolint?.length ? `  or  # hadolint ignore=${m.hadolint[0]}` : ''}${m.buildkit?.length ? `  or  # check=skip=${m.buildkit[0]}` : ''}`,
    '',
  ].join('\n');
}

export const explainCommand: Handler = async (argv, io) => {
  const code = String(argv.code);
  const rule = findRule(rules, code) ?? rules.find((r) => r.meta.hadolint?.includes(code.toUpperCase()) || r.meta.buildkit?.some((b) => b.toLowerCase() === code.toLowerCase()));
  if (!rule) throw usageError(`no rule "${code}"`, 'run `dockopt rules` for the list');
  io.stdout(explainText(rule));
  return 0;
};
