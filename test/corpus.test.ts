// Every real-world Dockerfile lints without an exception, and every finding points inside the file.
// Runs on the shared public corpus when it is present and always on the sample in fixtures/corpus.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { corpusFiles } from './support/corpus.ts';
import { lintText } from '../src/lint.ts';
import { parseDockerfile } from '../src/model.ts';

describe('corpus', () => {
  const files = corpusFiles();
  it('has the fixture sample at least', () => {
    expect(files.length).toBeGreaterThanOrEqual(80);
  });

  it('lints every file without an exception, with valid positions', () => {
    const problems: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const lines = parseDockerfile(text).lineStarts.length;
      let findings;
      try {
        findings = lintText(text, file);
      } catch (err) {
        problems.push(`${file}: ${(err as Error).stack}`);
        continue;
      }
      for (const f of findings) {
        const ok = f.line >= 1 && f.line <= lines && f.column >= 1 && f.endLine >= f.line && f.endLine <= lines && (f.endLine > f.line || f.endColumn >= f.column) && f.start <= f.end && f.end <= text.length && f.message.length > 0;
        if (!ok) problems.push(`${file}: bad position ${JSON.stringify(f)}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
