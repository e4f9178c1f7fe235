import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO210 multiple-entrypoint', () => {
  ruleCases('DO210', [
    { name: 'two ENTRYPOINTs', text: 'FROM alpine:3.20\nENTRYPOINT ["echo", "one"]\nENTRYPOINT ["echo", "two"]\n', findings: [[2, 1]], message: /overridden by the ENTRYPOINT on line 3/, noFix: true },
    { name: 'three, shell and exec form', text: 'FROM alpine:3.20\nENTRYPOINT a\nENTRYPOINT ["b"]\nentrypoint c\n', findings: [[2, 1], [3, 1]] },
    { name: 'in a later stage', text: 'FROM alpine:3.20 AS a\nENTRYPOINT ["a"]\nFROM alpine:3.20\nENTRYPOINT ["b"]\nENTRYPOINT ["c"]\n', findings: [[4, 1]] },

    { name: 'one ENTRYPOINT', text: 'FROM alpine:3.20\nENTRYPOINT ["echo"]\nCMD ["hi"]\n', findings: [] },
    { name: 'one per stage', text: 'FROM alpine:3.20 AS a\nENTRYPOINT ["a"]\nFROM a\nENTRYPOINT ["b"]\n', findings: [] },
    { name: 'an ONBUILD ENTRYPOINT', text: 'FROM alpine:3.20\nONBUILD ENTRYPOINT ["a"]\nENTRYPOINT ["b"]\n', findings: [] },
  ]);
});
