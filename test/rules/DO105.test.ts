import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// Fixes are being added to this rule separately: these cases check findings and positions.
describe('DO105 volatile-arg-before-run', () => {
  ruleCases('DO105', [
    { name: 'ARG GIT_SHA before npm ci', text: 'FROM node:22-slim\nARG GIT_SHA\nCOPY package.json package-lock.json ./\nRUN npm ci\nLABEL org.opencontainers.image.revision=$GIT_SHA\n', findings: [[2, 5]], message: /ARG GIT_SHA changes from build to build and comes before the RUN on line 4/ },
    { name: 'ARG BUILD_DATE with a default', text: 'FROM python:3.12-slim\nARG BUILD_DATE=unknown\nRUN pip install flask\n', findings: [[2, 5]] },
    { name: 'several volatile ARGs on one line', text: 'FROM python:3.12-slim\nARG VCS_REF BUILD_NUMBER\nRUN pip install flask\n', findings: [[2, 5], [2, 13]] },
    { name: 'an ENV that copies a volatile ARG', text: 'FROM python:3.12-slim\nARG GIT_COMMIT\nENV APP_REVISION=${GIT_COMMIT}\nRUN echo $GIT_COMMIT\nRUN pip install flask\n', findings: [[3, 5]], message: /^ENV APP_REVISION/ },
    { name: 'a cache buster', text: 'FROM debian:bookworm-slim\nARG CACHEBUST=1\nRUN apt-get update && apt-get install -y curl\n', findings: [[2, 5]] },
    { name: 'names are matched without case', text: 'FROM python:3.12-slim\nARG git_sha\nRUN pip install flask\n', findings: [[2, 5]] },
    { name: 'the pattern option replaces the default names', text: 'FROM python:3.12-slim\nARG MY_STAMP\nARG GIT_SHA\nRUN pip install flask\n', options: { pattern: '^MY_' }, findings: [[2, 5]] },
    { name: 'before a go build', text: 'FROM golang:1.23\nARG GIT_SHA\nCOPY . .\nRUN go build -o /app .\n', findings: [[2, 5]] },

    { name: 'declared after the expensive RUN', text: 'FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm ci\nARG GIT_SHA\nLABEL org.opencontainers.image.revision=$GIT_SHA\n', findings: [] },
    { name: 'the RUN uses it', text: 'FROM golang:1.23\nARG GIT_SHA\nRUN go build -ldflags "-X main.sha=${GIT_SHA}" -o /app .\n', findings: [] },
    { name: 'an instruction in between needs it there', text: 'FROM python:3.12-slim\nARG GIT_SHA\nRUN echo $GIT_SHA > /sha\nRUN pip install flask\n', findings: [] },
    { name: 'a stable ARG', text: 'FROM python:3.12-slim\nARG PYTHON_VERSION=3.12\nARG APP_HOME=/app\nRUN pip install flask\n', findings: [] },
    { name: 'only cheap RUNs follow', text: 'FROM alpine:3.20\nARG GIT_SHA\nRUN echo hi && mkdir /app\n', findings: [] },
    { name: 'only an apt-get update follows', text: 'FROM debian:bookworm-slim\nARG BUILD_DATE\nRUN apt-get update\n', findings: [] },
    { name: 'a global ARG before FROM', text: 'ARG GIT_SHA\nFROM python:3.12-slim\nRUN pip install flask\n', findings: [] },
    { name: 'the pattern option spares the default names', text: 'FROM python:3.12-slim\nARG GIT_SHA\nRUN pip install flask\n', options: { pattern: '^NEVER$' }, findings: [] },
    { name: 'an ENV with a stable value', text: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1 PATH=/venv/bin:$PATH\nRUN pip install flask\n', findings: [] },
  ]);
});
