import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO218 pipe-without-pipefail', () => {
  ruleCases('DO218', [
    { name: 'curl | tar', text: 'FROM debian:bookworm-slim\nRUN curl -fsSL https://example.com/tool.tgz | tar xz\n', findings: [[2, 5]], message: /pipes commands without pipefail/, noFix: true },
    { name: 'the first piped command is reported', text: 'FROM debian:bookworm-slim\nRUN set -e; wget -qO- https://x | sh && echo ok | tee log\n', findings: [[2, 13]] },
    { name: 'one finding per RUN', text: 'FROM debian:bookworm-slim\nRUN a | b\nRUN c | d\n', findings: [[2, 5], [3, 5]] },
    { name: 'a pipe inside if/then', text: 'FROM debian:bookworm-slim\nRUN if [ -n "$SHA" ]; then echo "$SHA *x.tgz" | sha256sum -c -; fi\n', findings: [[2, 28]] },
    { name: 'a pipe after 2>&1', text: 'FROM debian:bookworm-slim\nRUN make 2>&1 | tee build.log\n', findings: [[2, 5]] },
    { name: 'a group piped', text: 'FROM debian:bookworm-slim\nRUN { echo a; echo b; } | tee /etc/x\n', findings: [[2, 15]] },
    { name: '|&', text: 'FROM debian:bookworm-slim\nRUN make |& tee build.log\n', findings: [[2, 5]] },
    { name: 'set -e is not pipefail', text: 'FROM debian:bookworm-slim\nRUN set -eux; curl -s x | sh\n', findings: [[2, 15]] },
    { name: 'a SHELL without pipefail', text: 'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-c"]\nRUN curl -s x | sh\n', findings: [[3, 5]] },
    { name: 'pipefail set in an unrelated stage', text: 'FROM debian:bookworm-slim AS a\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM debian:bookworm-slim\nRUN curl -s x | sh\n', findings: [[4, 5]] },
    { name: 'a pipe in a RUN heredoc', text: '# syntax=docker/dockerfile:1\nFROM debian:bookworm-slim\nRUN <<EOF\ncurl -s x | sh\nEOF\n', findings: [[4, 1]] },

    { name: 'SHELL with pipefail', text: 'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/tool.tgz | tar xz\n', findings: [] },
    { name: 'SHELL with -eo pipefail', text: 'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-eo", "pipefail", "-c"]\nRUN a | b\n', findings: [] },
    { name: 'SHELL inherited from the parent stage', text: 'FROM debian:bookworm-slim AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN a | b\n', findings: [] },
    { name: 'set -o pipefail in the RUN', text: 'FROM debian:bookworm-slim\nRUN set -o pipefail && curl -s x | sh\n', findings: [] },
    { name: 'set -euxo pipefail', text: 'FROM debian:bookworm-slim\nRUN set -euxo pipefail; curl -s x | sh\n', findings: [] },
    { name: '|| is not a pipe', text: 'FROM debian:bookworm-slim\nRUN test -f x || exit 1\n', findings: [] },
    { name: 'a pipe in quotes', text: 'FROM debian:bookworm-slim\nRUN echo "a | b" && grep -E \'x|y\' f\n', findings: [] },
    { name: 'a pipe in a command substitution', text: 'FROM debian:bookworm-slim\nRUN VERSION="$(cat v | tr -d x)" && echo $VERSION\n', findings: [] },
    { name: 'a pipe in a process substitution', text: 'FROM debian:bookworm-slim\nRUN while read -r f; do rm "$f"; done < <(find /tmp -name "*.log" | sort)\n', findings: [] },
    { name: 'a pipe in a shell heredoc body', text: '# syntax=docker/dockerfile:1\nFROM debian:bookworm-slim\nRUN <<EOF\ncat > /etc/x <<CONF\na | b\nCONF\nEOF\n', findings: [] },
    { name: 'a case pattern with alternatives', text: 'FROM debian:bookworm-slim\nRUN case "$(uname -m)" in x86_64|amd64) A=x ;; *) A=y ;; esac\n', findings: [] },
    { name: 'exec form', text: 'FROM debian:bookworm-slim\nRUN ["sh", "-c", "a | b"]\n', findings: [] },
    { name: 'a PowerShell SHELL', text: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\n', findings: [] },
  ]);
});
