import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';
import { virtualBuildContext } from '../../src/context/facts.ts';

const ctx = (listing: Record<string, string | number>) => ({ buildContext: virtualBuildContext(listing) });
const listing = { '.dockerignore': '*.md\n!README.md\nsecrets\nnode_modules\n!node_modules/keep\n', 'README.md': 'x', 'CHANGES.md': 'x', 'secrets/key': 'k', 'node_modules/keep/a': 'x', 'node_modules/b/c': 'x', app: 'x' };

describe('DO603 copy-ignored-file', () => {
  ruleCases('DO603', [
    { name: 'a literal source that is excluded: the build fails', text: 'FROM alpine:3.20\nCOPY app CHANGES.md /app/\n', settings: ctx(listing), findings: [[2, 10]], message: 'COPY source "CHANGES.md" is excluded by .dockerignore: the build fails with "/CHANGES.md" not found.', severity: 'error', noFix: true },
    { name: 'inside an excluded directory, ADD too', text: 'FROM alpine:3.20\nADD ./secrets/key /k\n', settings: ctx(listing), findings: [[2, 5]], message: /ADD source "\.\/secrets\/key" is excluded/ },
    { name: 'a wildcard that matches only excluded files', text: 'FROM alpine:3.20\nCOPY CH*.md /d/\n', settings: ctx(listing), findings: [[2, 6]], message: /only matches what \.dockerignore excludes/, severity: 'warning' },
    { name: 'a directory partly re-included', text: 'FROM alpine:3.20\nCOPY node_modules /n\n', settings: ctx(listing), findings: [[2, 6]], message: /except what its `!` patterns re-include/, severity: 'warning' },
    { name: 're-included and plain sources', text: 'FROM alpine:3.20\nCOPY README.md app node_modules/keep *.md /app/\n', settings: ctx(listing), findings: [] },
    { name: 'COPY --from and missing sources are other matters', text: 'FROM alpine:3.20 AS b\nCOPY --from=b /secrets /s\nCOPY nothere /x\n', settings: ctx(listing), findings: [] },
    { name: 'BuildKit check skip pragma', text: '# check=skip=CopyIgnoredFile\nFROM alpine:3.20\nCOPY CHANGES.md /app/\n', settings: ctx(listing), findings: [] },
  ]);
});
