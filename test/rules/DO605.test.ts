import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';
import { virtualBuildContext } from '../../src/context/facts.ts';

const ctx = (listing: Record<string, string | number>) => ({ buildContext: virtualBuildContext(listing) });

describe('DO605 invalid-dockerignore', () => {
  ruleCases('DO605', [
    { name: 'an unclosed class', text: 'FROM alpine:3.20\nCOPY app /app\n', settings: ctx({ app: 'x', '.dockerignore': 'ok\nlogs[\n' }), findings: [[1, 1]], message: '.dockerignore:2: invalid pattern "logs[": syntax error in pattern: BuildKit rejects it, so every build of this Dockerfile fails.', severity: 'error', noFix: true },
    { name: 'a lone !', text: 'FROM alpine:3.20\n', settings: ctx({ '.dockerignore': '!\n' }), findings: [[1, 1]], message: /illegal exclusion pattern/ },
    { name: 'a valid file', text: 'FROM alpine:3.20\n', settings: ctx({ '.dockerignore': '**/*.log\n!keep.log\n[a-c]*\n' }), findings: [] },
  ]);
});
