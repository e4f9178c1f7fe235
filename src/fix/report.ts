// Output of `dockopt fix`: unified diffs (jsdiff, loaded only here so the lint path never pays for
// it), the JSON report, and the one-paragraph summary. Pure functions from results to text.
import { findingJson } from '../formatters/json.ts';
import type { FileFixResult, FixResult } from './files.ts';

/** A unified diff of one file, `a/` and `b/` prefixed like git's (apply with `patch -p1`). */
export async function unifiedDiff(file: FileFixResult): Promise<string> {
  if (!file.changed || file.input === undefined || file.output === undefined) return '';
  const { createTwoFilesPatch } = await import('diff');
  const name = file.created ? '/dev/null' : file.path.startsWith('/') ? file.path : `a/${file.path}`;
  const newName = file.path.startsWith('/') ? file.path : `b/${file.path}`;
  const patch = createTwoFilesPatch(name, newName, file.input, file.output, undefined, undefined, { context: 3 });
  // jsdiff starts with a "====" line (and "Index:" before it, in some versions); diff -u does not.
  return patch.replace(/^(Index: .*\n)?=+\n/, '');
}

/** Colour a unified diff for a terminal. */
export function colorDiff(diff: string, paint: { red: (s: string) => string; green: (s: string) => string; cyan: (s: string) => string; bold: (s: string) => string }): string {
  return diff
    .split('\n')
    .map((l) => (l.startsWith('+++') || l.startsWith('---') ? paint.bold(l) : l.startsWith('+') ? paint.green(l) : l.startsWith('-') ? paint.red(l) : l.startsWith('@@') ? paint.cyan(l) : l))
    .join('\n');
}

export function fixJson(result: FixResult): string {
  const doc = {
    files: result.files.map((f) => ({
      path: f.path,
      error: f.error,
      changed: f.changed,
      written: f.written,
      applied: f.applied,
      rejected: f.rejected,
      unsafeSkipped: f.unsafeSkipped,
      ...(f.created !== undefined ? { created: f.created } : {}),
      ...(f.skipped ? { skipped: f.skipped } : {}),
      remaining: f.remaining.map(findingJson),
    })),
    summary: result.summary,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Lines for standard error: rejected fixes, file errors, and the totals. */
export function fixSummaryText(result: FixResult, write: boolean): string {
  const out: string[] = [];
  for (const f of result.files) {
    if (f.error) out.push(`dockopt: ${f.error.startsWith(f.path) ? f.error : `${f.path}: ${f.error}`}`);
    for (const r of f.rejected) out.push(`dockopt: ${f.path}:${r.line}: ${r.code} fix "${r.description}" not applied: ${r.reason}`);
  }
  const s = result.summary;
  const fixes = plural(s.fixesApplied, 'fix', 'fixes');
  const files = plural(s.filesChanged, 'file');
  let line = write ? (s.fixesApplied ? `fixed ${files} (${fixes})` : 'nothing to fix') : s.fixesApplied ? `${fixes} to apply in ${files} (--write applies them)` : 'nothing to fix';
  if (s.unsafeSkipped) line += `; ${plural(s.unsafeSkipped, 'unsafe fix', 'unsafe fixes')} left out (--unsafe applies them)`;
  if (s.remaining) line += `; ${plural(s.remaining, 'finding')} left for \`dockopt lint\``;
  out.push(`dockopt: ${line}`);
  return `${out.join('\n')}\n`;
}
