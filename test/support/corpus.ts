// The Dockerfiles the corpus tests run on: the sample in fixtures/corpus, and the shared public
// corpus when it is present.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOTS = [join(import.meta.dirname, '..', '..', 'fixtures', 'corpus'), join(import.meta.dirname, '..', '..', '..', 'shared', 'corpus', 'public')];

export function corpusFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir).sort()) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (!e.endsWith('.tsv') && !e.endsWith('.md')) files.push(p);
    }
  };
  for (const r of ROOTS) if (existsSync(r)) walk(r);
  return files;
}

