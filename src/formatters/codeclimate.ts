import type { Formatter } from './index.ts';
import type { Severity } from '../types.ts';
import { fingerprint, hashParts } from './fingerprint.ts';
import { rules } from '../../rules/index.ts';

// Code Climate issue format, as GitLab's code quality report reads it.
const SEVERITY: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info', style: 'info' };
const CATEGORY: Record<string, string> = { performance: 'Performance', correctness: 'Bug Risk', security: 'Security', style: 'Style', 'best-practice': 'Clarity', context: 'Performance' };

export const codeclimate: Formatter = (result) => {
  const issues = result.files.flatMap((f) => [
    ...(f.error
      ? [{ type: 'issue', check_name: 'dockopt/input', description: f.error, categories: ['Bug Risk'], severity: 'blocker', fingerprint: hashParts(f.path, 'input', f.error), location: { path: f.path, lines: { begin: 1, end: 1 } } }]
      : []),
    ...f.findings.map((x) => ({
      type: 'issue',
      check_name: `${x.code} ${x.name}`,
      description: x.message,
      categories: [CATEGORY[rules.find((r) => r.meta.code === x.code)?.meta.category ?? 'style'] ?? 'Style'],
      severity: SEVERITY[x.severity],
      fingerprint: fingerprint(f.path, x, f.text),
      location: { path: f.path, positions: { begin: { line: x.line, column: x.column }, end: { line: x.endLine, column: x.endColumn } } },
    })),
  ]);
  return `${JSON.stringify(issues, null, 2)}\n`;
};
