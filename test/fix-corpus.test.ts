// `dockopt fix` over every real-world Dockerfile of the corpus, with the default (safe) fixes and
// with everything (--unsafe, which includes the multi-stage rewrite): no exception, fixes
// converge, a second fix changes nothing, the result parses with no new unknown instruction or
// syntax error, and no rule that was silent before fires on the result.
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { corpusFiles } from './support/corpus.ts';
import { fixText, type FixOptions, type Rewrite } from '../src/fix/engine.ts';
import { multistageRewrite } from '../src/fix/multistage.ts';
import { lintText } from '../src/lint.ts';
import { parseDockerfile } from '../src/model.ts';

interface Totals {
  files: number;
  changed: number;
  fixes: number;
  rejected: number;
  maxPasses: number;
  rewritten: number;
}

function run(files: string[], options: FixOptions): { problems: string[]; totals: Totals } {
  const problems: string[] = [];
  const totals: Totals = { files: 0, changed: 0, fixes: 0, rejected: 0, maxPasses: 0, rewritten: 0 };
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const name = relative(process.cwd(), file);
    totals.files++;
    let result;
    try {
      result = fixText(text, { ...options, path: name });
    } catch (err) {
      problems.push(`${name}: ${(err as Error).stack}`);
      continue;
    }
    if (result.changed) totals.changed++;
    totals.fixes += result.applied.length;
    totals.rejected += result.rejected.length;
    totals.maxPasses = Math.max(totals.maxPasses, result.passes);
    if (result.applied.some((a) => a.code === 'MULTISTAGE')) totals.rewritten++;
    const again = fixText(result.output, { ...options, path: name });
    if (again.output !== result.output) problems.push(`${name}: a second fix changes the file again (${again.applied.map((a) => a.code).join(', ')})`);
    const before = parseDockerfile(text);
    const after = parseDockerfile(result.output);
    const unknown = (m: typeof before) => m.instructions.filter((i) => !i.known).map((i) => i.keywordText).sort().join(',');
    if (unknown(after) !== unknown(before)) problems.push(`${name}: unknown instructions changed: [${unknown(before)}] -> [${unknown(after)}]`);
    const fired = new Set(lintText(text, name).map((f) => f.code));
    const fresh = [...new Set(result.remaining.map((f) => f.code))].filter((c) => !fired.has(c));
    if (fresh.length) {
      const examples = result.remaining.filter((f) => fresh.includes(f.code)).map((f) => `${f.code}@${f.line}: ${f.message}`);
      problems.push(`${name}: new findings after fixing: ${examples.join(' | ')}`);
    }
  }
  return { problems, totals };
}

describe('fix over the corpus', () => {
  const files = corpusFiles();
  let rewrite: Rewrite;
  beforeAll(async () => {
    rewrite = await multistageRewrite();
  });

  it('safe fixes: no exception, converge, idempotent, nothing new', () => {
    const { problems, totals } = run(files, {});
    console.log(`fix corpus (safe): ${JSON.stringify(totals)}`);
    expect(problems).toEqual([]);
    expect(totals.files).toBe(files.length);
  }, 600_000);

  it('all fixes (--unsafe, multi-stage rewrite included): no exception, converge, idempotent, nothing new', () => {
    const { problems, totals } = run(files, { unsafe: true, rewrites: [rewrite] });
    console.log(`fix corpus (unsafe): ${JSON.stringify(totals)}`);
    expect(problems).toEqual([]);
  }, 900_000);
});
