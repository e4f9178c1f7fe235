import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';
import { virtualBuildContext } from '../../src/context/facts.ts';

const ctx = (listing: Record<string, string | number>) => ({ buildContext: virtualBuildContext(listing) });
const listing = { 'app/main.py': 'x', 'data/raw/a.csv': 30_000_000, 'data/raw/b.csv': 20_000_000, 'docs/big.pdf': 12_000_000, 'docs/small.md': 'x', 'notes.txt': 'x' };

describe('DO602 unused-context-path', () => {
  ruleCases('DO602', [
    {
      name: 'large paths nothing reads, whole directories where possible',
      text: 'FROM python:3.12-slim\nCOPY app/ /app/\n',
      settings: ctx(listing),
      findings: [[2, 1]],
      message: 'data/ (50.0 MB), docs/ (12.0 MB) are in the build context but no instruction reads them (62.0 MB unused in all): add `data`, `docs` to .dockerignore.',
      severity: 'info',
      noFix: true,
    },
    { name: 'a file inside a directory that is partly read', text: 'FROM python:3.12-slim\nCOPY app/ /app/\nCOPY data/ /data/\nCOPY docs/small.md /\n', settings: ctx(listing), findings: [[2, 1]], message: /^docs\/big\.pdf \(12\.0 MB\) is in the build context/ },
    { name: 'COPY . . reads everything', text: 'FROM python:3.12-slim\nCOPY . /app/\n', settings: ctx(listing), findings: [] },
    { name: 'a bind mount reads its source', text: 'FROM python:3.12-slim\nCOPY app/ /app/\nRUN --mount=type=bind,source=data,target=/d --mount=source=docs,target=/docs true\n', settings: ctx(listing), findings: [] },
    { name: 'wildcards and variables count as reads', text: 'FROM python:3.12-slim\nARG DOCS=docs\nCOPY app/ d*/raw/ /app/\nCOPY ${DOCS}/*.pdf /\n', settings: ctx(listing), findings: [] },
    { name: 'what --exclude leaves out is not read', text: 'FROM python:3.12-slim\nCOPY app/ /app/\nCOPY --exclude=*.pdf docs/ data/ /d/\n', settings: ctx(listing), findings: [[2, 1]], message: /^docs\/big\.pdf/ },
  ]);
});
