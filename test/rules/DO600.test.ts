import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';
import { virtualBuildContext, DEFAULT_LIMITS } from '../../src/context/facts.ts';

const ctx = (listing: Record<string, string | number>, limits = {}) => ({ buildContext: virtualBuildContext(listing, { ...DEFAULT_LIMITS, ...limits }) });

describe('DO600 oversized-context', () => {
  ruleCases('DO600', [
    {
      name: 'over the byte limit, on the COPY that reads everything, largest paths named',
      text: 'FROM alpine:3.20\nRUN true\nCOPY . /app\n',
      settings: ctx({ 'data/a.bin': 90_000_000, 'data/b.bin': 30_000_000, 'models/m.bin': 5_000_000, 'main.py': 'x' }),
      findings: [[3, 1]],
      message: 'The build context holds 125 MB in 4 files, over 100 MB. Largest: data/ 120 MB (2 files), models/ 5.0 MB (1 file), main.py 1 B. Exclude what the build does not need in .dockerignore.',
      noFix: true,
    },
    { name: 'over the file limit from the config', text: 'FROM alpine:3.20\nCOPY a /a\n', settings: ctx({ a: 'x', b: 'y', c: 'z' }, { maxFiles: 2 }), findings: [[2, 1]], message: /in 3 files, over 2 files/ },
    { name: 'on FROM when nothing reads the context', text: 'FROM alpine:3.20\nRUN true\n', settings: ctx({ big: 200_000_000 }), findings: [[1, 1]] },
    { name: 'what .dockerignore excludes does not count', text: 'FROM alpine:3.20\nCOPY . /app\n', settings: ctx({ big: 200_000_000, '.dockerignore': 'big\n' }), findings: [] },
    { name: 'under the limits', text: 'FROM alpine:3.20\nCOPY . /app\n', settings: ctx({ a: 50_000_000 }), findings: [] },
    { name: 'no context known', text: 'FROM alpine:3.20\nCOPY . /app\n', findings: [] },
  ]);
});
