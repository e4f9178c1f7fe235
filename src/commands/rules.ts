import type { Handler } from '../cli.ts';
import { rules } from '../../rules/index.ts';
import { findRule } from '../config.ts';
import { usageError } from '../errors.ts';
import type { Rule } from '../types.ts';

export function ruleJson(r: Rule) {
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

export function rulesMarkdownTable(): string {
  const rows = rules.map((r) => `| ${r.meta.code} | ${r.meta.name} | ${r.meta.category} | ${r.meta.severity} | ${r.meta.fixable === 'never' ? '' : 'yes'} | ${(r.meta.hadolint ?? []).join(', ')} | ${(r.meta.buildkit ?? []).join(', ')} |`);
  return ['| Code | Name | Category | Severity | Fix | hadolint | BuildKit check |', '| --- | --- | --- | --- | --- | --- | --- |', ...rows].join('\n');
}

export const rulesCommand: Handler = async (argv, io) => {
  const format = argv.format as string;
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

export function explainText(r: Rule): string {
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
    '',
    'Good:',
    ...m.docs.good.trimEnd().split('\n').map((l) => `    ${l}`),
    '',
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
