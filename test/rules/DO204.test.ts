import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO204 cd-in-run', () => {
  ruleCases('DO204', [
    { name: 'cd && make', text: 'FROM alpine:3.20\nRUN cd /usr/src/app && make\n', findings: [[2, 5]], message: /Use WORKDIR/, noFix: true },
    { name: 'cd; make', text: 'FROM alpine:3.20\nRUN cd /usr/src/app; make\n', findings: [[2, 5]] },
    { name: 'cd after other commands', text: 'FROM alpine:3.20\nRUN git clone https://example.com/x.git && cd x && make\n', findings: [[2, 44]] },
    { name: 'one finding per RUN, at the first cd', text: 'FROM alpine:3.20\nRUN cd /a && make \\\n && cd /b && make\n', findings: [[2, 5]] },
    { name: 'each RUN', text: 'FROM alpine:3.20\nRUN cd /a && make\nRUN cd /b && make\n', findings: [[2, 5], [3, 5]] },
    { name: 'cd on a continuation line', text: 'FROM alpine:3.20\nRUN set -eux; \\\n    cd /usr/src; \\\n    make\n', findings: [[3, 5]] },
    { name: 'cd inside if/then', text: 'FROM alpine:3.20\nRUN if [ -d /src ]; then cd /src; fi; make\n', findings: [[2, 26]] },
    { name: 'cd in a heredoc RUN', text: '# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN <<EOF\ncd /src\nmake\nEOF\n', findings: [[4, 1]] },
    { name: 'cd in an ONBUILD-free later stage', text: 'FROM alpine:3.20 AS a\nFROM alpine:3.20\nRUN cd /x && ls\n', findings: [[3, 5]] },

    { name: 'WORKDIR', text: 'FROM alpine:3.20\nWORKDIR /usr/src/app\nRUN make\n', findings: [] },
    { name: 'cd in a subshell', text: 'FROM alpine:3.20\nRUN (cd /usr/src/app && make) && make install\n', findings: [] },
    { name: 'cd in a command substitution', text: 'FROM alpine:3.20\nRUN echo "$(cd /x && pwd)" > /where\n', findings: [] },
    { name: 'a trailing cd changes nothing', text: 'FROM alpine:3.20\nRUN make && cd /\n', findings: [] },
    { name: 'a lone cd', text: 'FROM alpine:3.20\nRUN cd /tmp\n', findings: [] },
    { name: 'cd as a word', text: 'FROM alpine:3.20\nRUN echo cd /x && apk add cdrkit\n', findings: [] },
    { name: 'exec form', text: 'FROM alpine:3.20\nRUN ["sh", "-c", "cd /x && make"]\n', findings: [] },
    { name: 'a PowerShell stage', text: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN cd C:\\app; dir\n', findings: [] },
  ]);
});
