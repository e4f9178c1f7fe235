// A baseline records the findings a team has accepted for now: they stop failing the run, new
// ones still do. Findings are matched by fingerprint (path, code, the text they point at), so
// edits elsewhere in the file do not break the match.
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fingerprint } from './formatters/fingerprint.ts';
import type { FileResult } from './lint.ts';
import { inputError } from './errors.ts';
import { writeFileAtomic } from './write.ts';

interface BaselineEntry {
  path: string;
  code: string;
  fingerprint: string;
  message: string;
}

interface BaselineFile {
  version: 1;
  findings: BaselineEntry[];
}

function keyPath(baselineFile: string, cwd: string, file: FileResult): string {
  const abs = file.absolutePath ?? resolve(cwd, file.path);
  return relative(dirname(resolve(baselineFile)), abs).split(sep).join('/');
}

export function writeBaseline(baselineFile: string, cwd: string, files: FileResult[]): number {
  const findings: BaselineEntry[] = [];
  for (const f of files) {
    const path = keyPath(baselineFile, cwd, f);
    for (const x of f.findings) findings.push({ path, code: x.code, fingerprint: fingerprint(path, x, f.text), message: x.message });
  }
  findings.sort((a, b) => a.path.localeCompare(b.path) || a.code.localeCompare(b.code) || a.fingerprint.localeCompare(b.fingerprint));
  const doc: BaselineFile = { version: 1, findings };
  writeFileAtomic(resolve(cwd, baselineFile), `${JSON.stringify(doc, null, 2)}\n`);
  return findings.length;
}

/** Remove findings listed in the baseline (each entry matches at most one finding). Returns how many were removed. */
export function applyBaseline(baselineFile: string, cwd: string, files: FileResult[]): number {
  const abs = resolve(cwd, baselineFile);
  let doc: BaselineFile;
  try {
    doc = JSON.parse(readFileSync(abs, 'utf8')) as BaselineFile;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw inputError(baselineFile, code === 'ENOENT' ? 'baseline file not found' : `not a dockopt baseline: ${(err as Error).message}`, 'create one with --write-baseline');
  }
  if (doc?.version !== 1 || !Array.isArray(doc.findings)) throw inputError(baselineFile, 'not a dockopt baseline (expected {"version": 1, "findings": [...]})');
  const budget = new Map<string, number>();
  for (const e of doc.findings) {
    const k = `${e.path}\0${e.code}\0${e.fingerprint}`;
    budget.set(k, (budget.get(k) ?? 0) + 1);
  }
  let removed = 0;
  for (const f of files) {
    const path = keyPath(baselineFile, cwd, f);
    f.findings = f.findings.filter((x) => {
      const k = `${path}\0${x.code}\0${fingerprint(path, x, f.text)}`;
      const n = budget.get(k) ?? 0;
      if (n === 0) return true;
      budget.set(k, n - 1);
      removed++;
      return false;
    });
  }
  return removed;
}
