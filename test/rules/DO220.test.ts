import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// Fixes are being added to this rule separately: these cases check findings and positions.
describe('DO220 inconsistent-instruction-casing', () => {
  ruleCases('DO220', [
    { name: 'one lower-case among upper-case', text: 'FROM alpine:3.20\nrun echo hi\nCMD ["sh"]\n', findings: [[2, 1]], message: /"run" should be written "RUN" like the upper-case majority/, severity: 'style' },
    { name: 'one upper-case among lower-case', text: 'from alpine:3.20\nrun echo hi\nCMD ["sh"]\n', findings: [[3, 1]], message: /"CMD" should be written "cmd" like the lower-case majority/ },
    { name: 'mixed case is never right', text: 'FROM alpine:3.20\nRun echo hi\nCopy a b\n', findings: [[2, 1], [3, 1]] },
    { name: 'a tie goes to upper case', text: 'FROM alpine:3.20\nrun echo hi\n', findings: [[2, 1]] },
    { name: 'ONBUILD triggers count', text: 'FROM alpine:3.20\nONBUILD run echo hi\nRUN echo\n', findings: [[2, 9]] },
    { name: 'indented instructions', text: 'FROM alpine:3.20\n  run echo hi\nRUN echo\n', findings: [[2, 3]] },

    { name: 'all upper case', text: 'FROM alpine:3.20\nRUN echo hi\nCMD ["sh"]\n', findings: [] },
    { name: 'all lower case', text: 'from alpine:3.20\nrun echo hi\ncmd ["sh"]\n', findings: [] },
    { name: 'unknown instructions are DO000\'s', text: 'FROM alpine:3.20\nRunn echo\n', findings: [] },
    { name: 'words in arguments do not count', text: 'FROM alpine:3.20 as build\nRUN echo run from copy\n', findings: [] },
  ]);
});
