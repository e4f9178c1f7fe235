// DO101 fixes: cache mounts for each package manager, with the flags and cleanup commands the
// mount makes pointless removed, for root and other users, keeping the RUN's layout.
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/fix/engine.ts';
import { fixCases } from './cases.ts';

describe('DO101 cache mount fixes', () => {
  fixCases('DO101', [
    {
      name: "pip: mount for root's cache, --no-cache-dir dropped",
      text: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n",
      fixed: "FROM python:3.12-slim\nCOPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n",
    },
    {
      name: "python -m pip and pip cache purge",
      text: "FROM python:3.12\nRUN python -m pip install --no-cache-dir flask && python -m pip cache purge\n",
      fixed: "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip \\\n    python -m pip install flask\n",
    },
    {
      name: "rm of the pip cache, one operand of several",
      text: "FROM python:3.12\nRUN pip install --no-cache-dir flask \\\n    && rm -rf /root/.cache/pip /tmp/build\n",
      fixed: "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip \\\n    pip install flask \\\n    && rm -rf /tmp/build\n",
    },
    {
      name: "cleanup before the install, in the position of the flags",
      text: "FROM python:3.12\nRUN rm -rf /root/.cache/pip && pip install flask\n",
      fixed: "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n",
    },
    {
      name: "a word alone on its continuation line goes with its line",
      text: "FROM python:3.12\nRUN pip install \\\n    --no-cache-dir \\\n    flask\n",
      fixed: "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip \\\n    pip install \\\n    flask\n",
    },
    {
      name: "CRLF stays CRLF",
      text: "FROM python:3.12\r\nRUN pip install \\\r\n    --no-cache-dir \\\r\n    flask\r\n",
      fixed: "FROM python:3.12\r\nRUN --mount=type=cache,target=/root/.cache/pip \\\r\n    pip install \\\r\n    flask\r\n",
    },
    {
      name: "inside if/then: only what can be removed cleanly",
      text: "FROM python:3.12\nRUN if [ -f requirements.txt ]; then pip install --no-cache-dir -r requirements.txt && rm -rf /root/.cache; fi\n",
      fixed: "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip \\\n    if [ -f requirements.txt ]; then pip install -r requirements.txt; fi\n",
    },
    {
      name: "|| true keeps its meaning",
      text: "FROM python:3.12\nRUN pip install flask || true\n",
      fixed: "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask || true\n",
    },
    {
      name: "existing bind mount: the cache mount goes below it",
      text: "FROM python:3.12\nRUN --mount=type=bind,source=requirements.txt,target=/tmp/requirements.txt \\\n    pip install --no-cache-dir -r /tmp/requirements.txt\n",
      fixed: "FROM python:3.12\nRUN --mount=type=bind,source=requirements.txt,target=/tmp/requirements.txt \\\n    --mount=type=cache,target=/root/.cache/pip \\\n    pip install -r /tmp/requirements.txt\n",
    },
    {
      name: "uv and poetry: --no-cache dropped",
      text: "FROM python:3.12\nRUN uv pip install --no-cache --system flask\nRUN poetry install --no-cache --no-root\n",
      fixed: "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/uv uv pip install --system flask\nRUN --mount=type=cache,target=/root/.cache/pypoetry poetry install --no-root\n",
    },
    {
      name: "non-root user: uid from useradd, home from HOME",
      text: "FROM python:3.12\nRUN useradd -u 1001 -m app\nUSER app\nRUN pip install --user flask\n",
      fixed: "FROM python:3.12\nRUN useradd -u 1001 -m app\nUSER app\nRUN --mount=type=cache,target=/home/app/.cache/pip,uid=1001 pip install --user flask\n",
    },
    {
      name: "numeric USER with group",
      text: "FROM python:3.12\nUSER 1000:1000\nENV HOME=/home/app\nRUN pip install flask\n",
      fixed: "FROM python:3.12\nUSER 1000:1000\nENV HOME=/home/app\nRUN --mount=type=cache,target=/home/app/.cache/pip,uid=1000,gid=1000 pip install flask\n",
    },
    {
      name: "non-root user with an unknown uid: no fix",
      text: "FROM python:3.12\nUSER app\nRUN pip install flask\n",
      fixed: "FROM python:3.12\nUSER app\nRUN pip install flask\n",
    },
    {
      name: "user whose home is not /home/<name>: no fix",
      text: "FROM python:3.12\nRUN useradd -u 1000 -d /srv/app -m app\nUSER app\nRUN pip install flask\n",
      fixed: "FROM python:3.12\nRUN useradd -u 1000 -d /srv/app -m app\nUSER app\nRUN pip install flask\n",
    },
    {
      name: "npm: cache clean dropped",
      text: "FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci && npm cache clean --force\n",
      fixed: "FROM node:22\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci\n",
    },
    {
      name: "yarn cache clean dropped",
      text: "FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean\n",
      fixed: "FROM node:22\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn \\\n    yarn install --frozen-lockfile\n",
    },
    {
      name: "apt: both caches locked, lists only, docker-clean removed, cleanup dropped",
      text: "FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n",
      fixed: "FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \\\n    rm -f /etc/apt/apt.conf.d/docker-clean; apt-get update && apt-get install -y --no-install-recommends curl\n",
    },
    {
      name: "apt in a multi-line RUN keeps its layout and tabs",
      text: "FROM debian:bookworm-slim\nRUN set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y --no-install-recommends \\\n\t\tcurl \\\n\t\tca-certificates; \\\n\tapt-get clean; \\\n\trm -rf /var/lib/apt/lists/*\n",
      fixed: "FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n\t--mount=type=cache,target=/var/lib/apt/lists,sharing=locked \\\n\trm -f /etc/apt/apt.conf.d/docker-clean; set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y --no-install-recommends \\\n\t\tcurl \\\n\t\tca-certificates\n",
    },
    {
      name: "apt: docker-clean is removed once",
      text: "FROM debian\nRUN apt-get update && apt-get install -y curl\nRUN apt-get update && apt-get install -y git\n",
      fixed: "FROM debian\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \\\n    rm -f /etc/apt/apt.conf.d/docker-clean; apt-get update && apt-get install -y curl\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \\\n    apt-get update && apt-get install -y git\n",
    },
    {
      name: "apt: lists from an earlier RUN, no fix (DO104 merges first)",
      text: "FROM debian\nRUN apt-get update\nRUN apt-get install -y curl\n",
      fixed: "FROM debian\nRUN apt-get update\nRUN apt-get install -y curl\n",
    },
    {
      name: "apt: an existing mount gets sharing=locked, the missing one is added",
      text: "FROM debian\nRUN --mount=type=cache,target=/var/cache/apt apt-get update && apt-get install -y curl\n",
      fixed: "FROM debian\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \\\n    rm -f /etc/apt/apt.conf.d/docker-clean; apt-get update && apt-get install -y curl\n",
    },
    {
      name: "apt: a later RUN relies on the lists, so the fix is unsafe",
      text: "FROM debian\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y git\n",
      fixed: "FROM debian\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \\\n    rm -f /etc/apt/apt.conf.d/docker-clean; apt-get update && apt-get install -y curl\nRUN apt-get install -y git\n",
      unsafe: true,
    },
    {
      name: "apk --no-cache becomes --update-cache under the mount",
      text: "FROM alpine:3.20\nRUN apk add --no-cache curl\n",
      fixed: "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add --update-cache curl\n",
    },
    {
      name: "apk with -U: --no-cache just goes",
      text: "FROM alpine:3.20\nRUN apk add --no-cache -U curl\n",
      fixed: "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add -U curl\n",
    },
    {
      name: "apk update in the same RUN, cache rm dropped",
      text: "FROM alpine:3.20\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n",
      fixed: "FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk update && apk add curl\n",
    },
    {
      name: "apk index from an earlier RUN: no fix",
      text: "FROM alpine:3.20\nRUN apk update\nRUN apk add curl\n",
      fixed: "FROM alpine:3.20\nRUN apk update\nRUN apk add curl\n",
    },
    {
      name: "yum clean all and rm of the cache dropped",
      text: "FROM amazonlinux:2023\nRUN yum install -y gcc && yum clean all && rm -rf /var/cache/yum\n",
      fixed: "FROM amazonlinux:2023\nRUN --mount=type=cache,target=/var/cache/yum,sharing=locked \\\n    yum install -y gcc\n",
    },
    {
      name: "dnf",
      text: "FROM fedora:40\nRUN dnf install -y gcc && dnf clean all\n",
      fixed: "FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf,sharing=locked dnf install -y gcc\n",
    },
    {
      name: "go: module cache is a store, the fix is unsafe",
      text: "FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n",
      fixed: "FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\nCOPY . .\nRUN --mount=type=cache,target=/go/pkg/mod \\\n    --mount=type=cache,target=/root/.cache/go-build \\\n    go build -o /app .\n",
      unsafe: true,
    },
    {
      name: "heredoc: the docker-clean removal goes after the shebang",
      text: "FROM debian\nRUN <<EOF\n#!/bin/sh\nset -e\napt-get update\napt-get install -y curl\napt-get clean\nEOF\n",
      fixed: "FROM debian\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt/lists,sharing=locked <<EOF\n#!/bin/sh\nrm -f /etc/apt/apt.conf.d/docker-clean\nset -e\napt-get update\napt-get install -y curl\nEOF\n",
    },
    {
      name: "backtick escape directive",
      text: "# escape=`\nFROM python:3.12\nRUN pip install --no-cache-dir `\n    flask\n",
      fixed: "# escape=`\nFROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip `\n    pip install `\n    flask\n",
    },
  ]);

  it('a fix that hides a store or the package lists from later steps is unsafe', () => {
    const go = 'FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n';
    const safe = fixText(go, { only: ['DO101'] });
    expect(safe.changed).toBe(false);
    expect(safe.unsafeSkipped).toBe(2);
    const apt = 'FROM debian\nRUN apt-get update && apt-get install -y curl\nRUN apt-get install -y git\n';
    expect(fixText(apt, { only: ['DO101'] }).changed).toBe(false);
  });

  it('the description says what the fix does', () => {
    const r = fixText('FROM debian\nRUN apt-get update && apt-get install -y curl && apt-get clean\n', { only: ['DO101'] });
    expect(r.applied.map((a) => a.description)).toEqual(['Add a cache mount for /var/cache/apt and /var/lib/apt/lists; remove docker-clean, drop `apt-get clean`']);
  });
});
