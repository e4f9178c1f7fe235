import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO209 multiple-cmd', () => {
  ruleCases('DO209', [
    { name: 'two CMDs', text: 'FROM alpine:3.20\nCMD ["echo", "one"]\nCMD ["echo", "two"]\n', findings: [[2, 1]], message: /overridden by the CMD on line 3/, noFix: true },
    { name: 'three CMDs: all but the last', text: 'FROM alpine:3.20\nCMD a\nRUN true\nCMD b\ncmd c\n', findings: [[2, 1], [4, 1]], message: /line 5/ },
    { name: 'in the second stage', text: 'FROM alpine:3.20 AS a\nCMD ["a"]\nFROM alpine:3.20\nCMD ["b"]\nCMD ["c"]\n', findings: [[4, 1]] },

    { name: 'one CMD', text: 'FROM alpine:3.20\nCMD ["echo", "one"]\n', findings: [] },
    { name: 'one CMD per stage', text: 'FROM alpine:3.20 AS a\nCMD ["a"]\nFROM a\nCMD ["b"]\n', findings: [] },
    { name: 'CMD and ENTRYPOINT', text: 'FROM alpine:3.20\nENTRYPOINT ["echo"]\nCMD ["hi"]\n', findings: [] },
    { name: 'an ONBUILD CMD', text: 'FROM alpine:3.20\nONBUILD CMD ["a"]\nCMD ["b"]\n', findings: [] },
    { name: 'HEALTHCHECK CMD is not a CMD', text: 'FROM alpine:3.20\nHEALTHCHECK CMD ["true"]\nCMD ["b"]\n', findings: [] },
  ]);
});
