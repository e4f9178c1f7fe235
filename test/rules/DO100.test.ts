import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// Fixes are being added to this rule separately: these cases check findings, positions and severities.
describe('DO100 missing-syntax-directive', () => {
  ruleCases('DO100', [
    { name: 'no directive, no modern features: a warning', text: 'FROM python:3.12-slim\nRUN pip install flask\n', findings: [[1, 1]], severity: 'warning', message: /^No `# syntax=docker\/dockerfile:1` directive/ },
    { name: 'RUN --mount needs the directive: an error', text: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n', findings: [[1, 1]], severity: 'error', message: /RUN --mount \(line 2\) needs a recent Dockerfile frontend/ },
    { name: 'RUN --network', text: 'FROM alpine:3.20\nRUN --network=none make\n', findings: [[1, 1]], severity: 'error', message: /RUN --network/ },
    { name: 'RUN --security', text: 'FROM alpine:3.20\nRUN --security=insecure make\n', findings: [[1, 1]], severity: 'error', message: /RUN --security/ },
    { name: 'a RUN heredoc', text: 'FROM alpine:3.20\nRUN <<EOF\napk add curl\nEOF\n', findings: [[1, 1]], severity: 'error', message: /RUN heredoc \(line 2\)/ },
    { name: 'a COPY heredoc', text: 'FROM alpine:3.20\nCOPY <<EOF /etc/motd\nhello\nEOF\n', findings: [[1, 1]], severity: 'error', message: /COPY heredoc/ },
    { name: 'COPY --link', text: 'FROM alpine:3.20\nCOPY --link app /app\n', findings: [[1, 1]], severity: 'error', message: /COPY --link/ },
    { name: 'COPY --chmod', text: 'FROM alpine:3.20\nCOPY --chmod=755 run.sh /usr/local/bin/\n', findings: [[1, 1]], severity: 'error', message: /COPY --chmod/ },
    { name: 'COPY --exclude', text: 'FROM alpine:3.20\nCOPY --exclude=*.md . /app\n', findings: [[1, 1]], severity: 'error', message: /COPY --exclude/ },
    { name: 'COPY --parents', text: 'FROM alpine:3.20\nCOPY --parents ./a/b.txt /app/\n', findings: [[1, 1]], severity: 'error', message: /COPY --parents/ },
    { name: 'ADD --checksum', text: 'FROM alpine:3.20\nADD --checksum=sha256:abc https://example.com/a.tgz /tmp/\n', findings: [[1, 1]], severity: 'error', message: /ADD --checksum/ },
    { name: 'ADD --keep-git-dir', text: 'FROM alpine:3.20\nADD --keep-git-dir=true https://github.com/moby/buildkit.git /src\n', findings: [[1, 1]], severity: 'error', message: /ADD --keep-git-dir/ },
    { name: 'the first modern feature is named', text: 'FROM alpine:3.20\nCOPY --link a /a\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n', findings: [[1, 1]], severity: 'error', message: /COPY --link \(line 2\)/ },
    { name: 'a modern feature in an ONBUILD trigger', text: 'FROM alpine:3.20\nONBUILD RUN --mount=type=cache,target=/root/.npm npm ci\n', findings: [[1, 1]], severity: 'error', message: /RUN --mount \(line 2\)/ },
    { name: 'a modern feature in a later stage', text: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build --link /app /app\n', findings: [[1, 1]], severity: 'error', message: /COPY --link \(line 4\)/ },
    { name: 'with a BOM, the finding is still at 1:1', text: '\uFEFFFROM alpine:3.20\nRUN echo hi\n', findings: [[1, 1]] },
    { name: 'a comment before the syntax line makes it a comment', text: '# build image\n# syntax=docker/dockerfile:1\nFROM alpine:3.20\n', findings: [[1, 1]], message: /The `# syntax=` comment on line 2 is ignored/ },
    { name: 'a blank line before the syntax line makes it a comment', text: '\n# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n', findings: [[1, 1]], severity: 'error', message: /on line 2 is ignored/ },
    { name: 'a syntax line after FROM is a comment', text: 'FROM alpine:3.20\n# syntax=docker/dockerfile:1\nRUN echo\n', findings: [[1, 1]], message: /on line 2 is ignored/ },
    { name: 'other directives do not count', text: '# escape=\\\n# check=skip=all\nFROM alpine:3.20\n', findings: [[1, 1]] },

    { name: 'the directive is present', text: '# syntax=docker/dockerfile:1\nFROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n', findings: [] },
    { name: 'a pinned or labs frontend', text: '# syntax=docker/dockerfile:1.7-labs\nFROM alpine:3.20\nCOPY --parents a/b /x/\n', findings: [] },
    { name: 'spaces and case in the directive', text: '# Syntax = docker/dockerfile:1\nFROM alpine:3.20\n', findings: [] },
    { name: 'no space after #', text: '#syntax=docker/dockerfile:1\nFROM alpine:3.20\n', findings: [] },
    { name: 'after another directive', text: '# escape=`\n# syntax=docker/dockerfile:1\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n', findings: [] },
    { name: 'with a BOM', text: '\uFEFF# syntax=docker/dockerfile:1\nFROM alpine:3.20\n', findings: [] },
    { name: 'with CRLF', text: '# syntax=docker/dockerfile:1\r\nFROM alpine:3.20\r\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\r\n', findings: [] },
    { name: 'an empty file', text: '', findings: [] },
    { name: 'a file of comments', text: '# nothing here yet\n', findings: [] },
  ]);
});
