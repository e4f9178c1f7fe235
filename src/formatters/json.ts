import type { Formatter } from './index.ts';
import type { Finding } from '../types.ts';

/** A finding as the JSON formats (lint and fix) show it. */
export function findingJson(x: Finding) {
  return {
    code: x.code,
    name: x.name,
    severity: x.severity,
    message: x.message,
    line: x.line,
    column: x.column,
    endLine: x.endLine,
    endColumn: x.endColumn,
    fix: x.fix ? { applicability: x.fix.applicability, description: x.fix.description } : null,
  };
}

export const json: Formatter = (result) => {
  const doc = {
    files: result.files.map((f) => ({
      path: f.path,
      error: f.error,
      findings: f.findings.map(findingJson),
    })),
    summary: result.summary,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
};
