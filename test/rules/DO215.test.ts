import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO215 reserved-stage-name', () => {
  ruleCases('DO215', [
    { name: 'scratch', text: 'FROM alpine:3.20 AS scratch\n', findings: [[1, 21]], message: /"scratch" is a reserved name/, severity: 'error', noFix: true },
    { name: 'context', text: 'FROM alpine:3.20 AS context\n', findings: [[1, 21]] },
    { name: 'in another case', text: 'FROM alpine:3.20 as Scratch\n', findings: [[1, 21]] },

    { name: 'a normal name', text: 'FROM alpine:3.20 AS base\n', findings: [] },
    { name: 'FROM scratch', text: 'FROM scratch AS final\n', findings: [] },
    { name: 'names that contain the words', text: 'FROM alpine:3.20 AS scratch-build\nFROM alpine:3.20 AS build_context\n', findings: [] },
  ]);
});
