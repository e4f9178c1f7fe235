import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO214 duplicate-stage-name', () => {
  ruleCases('DO214', [
    { name: 'the same name in another case', text: 'FROM alpine:3.20 AS build\nFROM alpine:3.20 AS Build\n', findings: [[2, 21]], message: /Stage name "Build" is already used on line 1/, severity: 'error', noFix: true },
    { name: 'three times', text: 'FROM alpine:3.20 AS x\nFROM alpine:3.20 AS y\nFROM alpine:3.20 AS x\nFROM alpine:3.20 as x\n', findings: [[3, 21], [4, 21]], message: /line 1/ },
    { name: 'after --platform', text: 'FROM alpine:3.20 AS b\nFROM --platform=linux/arm64 alpine:3.20 AS b\n', findings: [[2, 44]] },

    { name: 'distinct names', text: 'FROM alpine:3.20 AS build\nFROM alpine:3.20 AS test\nFROM alpine:3.20\n', findings: [] },
    { name: 'unnamed stages', text: 'FROM alpine:3.20\nFROM alpine:3.20\n', findings: [] },
    { name: 'a stage built on a stage', text: 'FROM alpine:3.20 AS base\nFROM base AS app\n', findings: [] },
  ]);
});
