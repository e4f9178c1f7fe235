import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO000 syntax-error', () => {
  ruleCases('DO000', [
    { name: 'misspelt keyword, with a hint', text: 'FROM alpine:3.20\nRUNN apk add curl\n', findings: [[2, 1]], message: /Unknown instruction "RUNN" \(did you mean RUN\?\)/, severity: 'error', noFix: true },
    { name: 'misspelt lower-case keyword', text: 'from alpine:3.20\ncopyy a b\n', findings: [[2, 1]], message: /did you mean COPY\?/ },
    { name: 'unknown keyword without a near match', text: 'FROM alpine:3.20\nFROBNICATE x\n', findings: [[2, 1]], message: /^Unknown instruction "FROBNICATE": the builder rejects the file\.$/ },
    { name: 'a missing line continuation', text: 'FROM alpine:3.20\nRUN apk add curl\n    git\n', findings: [[3, 5]], message: /is a `\\` missing at the end of line 2\?/ },
    { name: 'a missing continuation with a backtick escape', text: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a\n    b\n', findings: [[4, 5]], message: /is a `` ` `` missing|is a `.` missing/ },
    { name: 'an instruction without arguments', text: 'FROM alpine:3.20\nWORKDIR\nCOPY\n', findings: [[2, 1], [3, 1]], message: /needs at least one argument/ },
    { name: 'FROM without an image', text: 'FROM\n', findings: [[1, 1]], message: /FROM needs at least one argument/ },
    { name: 'no FROM at all', text: 'ARG VERSION=1\nARG OTHER\n', findings: [[1, 1]], message: /No FROM instruction/ },
    { name: 'an unknown keyword after a CRLF line', text: 'FROM alpine:3.20\r\nRUNN x\r\n', findings: [[2, 1]] },

    { name: 'a valid file', text: 'ARG BASE=alpine:3.20\nFROM $BASE\nRUN apk add curl\nCMD ["sh"]\n', findings: [] },
    { name: 'lower-case and mixed-case keywords are known', text: 'from alpine:3.20\nRun echo hi\ncmd ["sh"]\n', findings: [] },
    { name: 'an empty file', text: '', findings: [] },
    { name: 'comments and directives only', text: '# syntax=docker/dockerfile:1\n# nothing to build yet\n', findings: [] },
    { name: 'CMD and ENTRYPOINT may be empty', text: 'FROM alpine:3.20\nENTRYPOINT []\nCMD\n', findings: [] },
    { name: 'a RUN that is only a heredoc', text: 'FROM alpine:3.20\nRUN <<EOF\necho hi\nEOF\n', findings: [] },
    { name: 'comment lines inside a continued RUN', text: 'FROM alpine:3.20\nRUN apk add \\\n  # curl for the health check\n  curl\n', findings: [] },
    { name: 'an instruction before FROM is DO340\'s', text: 'RUN echo hi\nFROM alpine:3.20\n', findings: [] },
    { name: 'a forbidden ONBUILD trigger is DO323\'s', text: 'FROM alpine:3.20\nONBUILD FROM busybox\n', findings: [] },
    { name: 'ONBUILD with a valid trigger', text: 'FROM alpine:3.20\nONBUILD RUN echo hi\nONBUILD COPY . /app\n', findings: [] },
    { name: 'a continuation that keeps an indented argument line', text: 'FROM alpine:3.20\nRUN apk add \\\n    git\n', findings: [] },
  ]);
});
