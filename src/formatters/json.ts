import type { Formatter } from './index.ts';

export const json: Formatter = (result) => {
  const doc = {
    files: result.files.map((f) => ({
      path: f.path,
      error: f.error,
      findings: f.findings.map((x) => ({
        code: x.code,
        name: x.name,
        severity: x.severity,
        message: x.message,
        line: x.line,
        column: x.column,
        endLine: x.endLine,
        endColumn: x.endColumn,
        fix: x.fix ? { applicability: x.fix.applicability, description: x.fix.description } : null,
      })),
    })),
    summary: result.summary,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
};
