// Layer-order fixes (unsafe): install before copying the source (DO102/DO103), merge a lone index
// update into the install (DO104), declare volatile ARG/ENV after the expensive RUNs (DO105).
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/fix/engine.ts';
import { fixCases } from './cases.ts';

describe('layer-order fixes', () => {
  fixCases('DO102', [
    {
      name: "DO102: requirements first",
      text: "FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD [\"python\", \"app.py\"]\n",
      fixed: "FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD [\"python\", \"app.py\"]\n",
      only: ["DO102"],
    },
    {
      name: "DO102: the manifest under a variable destination (Lambda)",
      text: "FROM public.ecr.aws/lambda/python:3.12\nCOPY . ${LAMBDA_TASK_ROOT}/\nRUN pip install -r ${LAMBDA_TASK_ROOT}/requirements.txt\nCMD [\"app.handler\"]\n",
      fixed: "FROM public.ecr.aws/lambda/python:3.12\nCOPY requirements.txt ${LAMBDA_TASK_ROOT}/\nRUN pip install -r ${LAMBDA_TASK_ROOT}/requirements.txt\nCOPY . ${LAMBDA_TASK_ROOT}/\nCMD [\"app.handler\"]\n",
      only: ["DO102"],
    },
    {
      name: "DO102: npm, lockfiles and .npmrc optional, comments move with their instruction",
      text: "FROM node:22-slim\nWORKDIR /app\n# the app\nCOPY . .\n# dependencies\nRUN npm ci\nEXPOSE 3000\nCMD [\"node\", \"server.js\"]\n",
      fixed: "FROM node:22-slim\nWORKDIR /app\nCOPY package.json package-lock.json* npm-shrinkwrap.json* .npmrc* ./\n# dependencies\nRUN npm ci\n# the app\nCOPY . .\nEXPOSE 3000\nCMD [\"node\", \"server.js\"]\n",
      only: ["DO102"],
    },
    {
      name: "DO102: a source subdirectory and --chown carry over",
      text: "FROM python:3.12\nWORKDIR /srv\nCOPY --chown=app:app src/ /srv/\nRUN pip install -r requirements.txt\n",
      fixed: "FROM python:3.12\nWORKDIR /srv\nCOPY --chown=app:app src/requirements.txt /srv/\nRUN pip install -r requirements.txt\nCOPY --chown=app:app src/ /srv/\n",
      only: ["DO102"],
    },
    {
      name: "DO102: a manifest already copied: the install just moves up",
      text: "FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt .\nCOPY . .\nRUN pip install -r requirements.txt\n",
      fixed: "FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n",
      only: ["DO102"],
    },
    {
      name: "DO102: explicit sources, the manifest among them",
      text: "FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt app.py ./\nRUN pip install -r requirements.txt\n",
      fixed: "FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt ./\nRUN pip install -r requirements.txt\nCOPY requirements.txt app.py ./\n",
      only: ["DO102"],
    },
    {
      name: "DO102: go.mod and go.sum",
      text: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build -o /app .\n",
      fixed: "FROM golang:1.22\nWORKDIR /src\nCOPY go.mod go.sum* go.work* ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n",
      only: ["DO102"],
    },
    {
      name: "DO102: no fix when the RUN also builds",
      text: "FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n",
      fixed: "FROM node:22-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n",
      only: ["DO102"],
    },
    {
      name: "DO102: an ENV between: the COPY moves below the install instead",
      text: "FROM python:3.12\nWORKDIR /app\nCOPY . .\nENV PIP_INDEX_URL=https://pypi.example.org/simple\nRUN pip install -r requirements.txt\n",
      fixed: "FROM python:3.12\nWORKDIR /app\nENV PIP_INDEX_URL=https://pypi.example.org/simple\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n",
      only: ["DO102"],
    },
    {
      name: "DO102: ADD . /app before WORKDIR /app: the ADD moves below the install",
      text: "FROM node:22\nADD . /app\nWORKDIR /app\n\nRUN npm install\nENTRYPOINT []\nCMD [\"npm\", \"start\"]\n",
      fixed: "FROM node:22\nWORKDIR /app\n\nCOPY package.json package-lock.json* npm-shrinkwrap.json* .npmrc* /app/\nRUN npm install\nADD . /app\nENTRYPOINT []\nCMD [\"npm\", \"start\"]\n",
      only: ["DO102"],
    },
    {
      name: "DO102: no fix when a RUN between may need the copied files",
      text: "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN python -m venv /venv\nRUN pip install -r requirements.txt\n",
      fixed: "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN python -m venv /venv\nRUN pip install -r requirements.txt\n",
      only: ["DO102"],
    },
    {
      name: "DO102: no fix for poetry without --no-root (it installs the project)",
      text: "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN poetry install\n",
      fixed: "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN poetry install\n",
      only: ["DO102"],
    },
    {
      name: "DO102: poetry --no-root",
      text: "FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN poetry install --no-root\n",
      fixed: "FROM python:3.12\nWORKDIR /app\nCOPY pyproject.toml poetry.lock* ./\nRUN poetry install --no-root\nCOPY . .\n",
      only: ["DO102"],
    },
    {
      name: "DO103: local packages before the handler",
      text: "FROM public.ecr.aws/lambda/python:3.12\nCOPY handler.py ${LAMBDA_TASK_ROOT}/\nCOPY receipt_dynamo/ /tmp/receipt_dynamo/\nRUN pip install /tmp/receipt_dynamo\nCMD [\"handler.main\"]\n",
      fixed: "FROM public.ecr.aws/lambda/python:3.12\nCOPY receipt_dynamo/ /tmp/receipt_dynamo/\nRUN pip install /tmp/receipt_dynamo\nCOPY handler.py ${LAMBDA_TASK_ROOT}/\nCMD [\"handler.main\"]\n",
      only: ["DO103"],
    },
    {
      name: "DO102 and DO103 together: the seed's Lambda image",
      text: "FROM public.ecr.aws/lambda/python:3.12\n\nRUN dnf install -y gcc-c++ python3-devel && dnf clean all\n\nCOPY . ${LAMBDA_TASK_ROOT}/\nCOPY receipt_dynamo/ /tmp/receipt_dynamo/\nRUN pip install --no-cache-dir -r ${LAMBDA_TASK_ROOT}/requirements.txt\nRUN pip install --force-reinstall /tmp/receipt_dynamo\n\nCMD [\"handlers.polling.main\"]\n",
      fixed: "FROM public.ecr.aws/lambda/python:3.12\n\nRUN --mount=type=cache,target=/var/cache/dnf,sharing=locked \\\n    dnf install -y gcc-c++ python3-devel\n\nCOPY requirements.txt ${LAMBDA_TASK_ROOT}/\nRUN --mount=type=cache,target=/root/.cache/pip \\\n    pip install -r ${LAMBDA_TASK_ROOT}/requirements.txt\nCOPY receipt_dynamo/ /tmp/receipt_dynamo/\nRUN --mount=type=cache,target=/root/.cache/pip pip install --force-reinstall /tmp/receipt_dynamo\nCOPY . ${LAMBDA_TASK_ROOT}/\n\nCMD [\"handlers.polling.main\"]\n",
      only: ["DO101","DO102","DO103"],
    },
    {
      name: "DO104: the lone update joins the install",
      text: "FROM debian:bookworm-slim\nRUN apt-get update\n# tools\nRUN apt-get install -y --no-install-recommends curl\n",
      fixed: "FROM debian:bookworm-slim\n# tools\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n",
      only: ["DO104"],
    },
    {
      name: "DO104: options of the update are kept",
      text: "FROM debian:bookworm-slim\nRUN apt-get update -qq\nENV DEBIAN_FRONTEND=noninteractive\nRUN set -eux; apt-get install -y curl\n",
      fixed: "FROM debian:bookworm-slim\nENV DEBIAN_FRONTEND=noninteractive\nRUN set -eux; apt-get update -qq && apt-get install -y curl\n",
      only: ["DO104"],
    },
    {
      name: "DO104: the install already updates: the lone RUN goes",
      text: "FROM debian\nRUN apt-get update\nRUN apt-get update && apt-get install -y curl\n",
      fixed: "FROM debian\nRUN apt-get update && apt-get install -y curl\n",
      only: ["DO104"],
    },
    {
      name: "DO104: apk",
      text: "FROM alpine:3.20\nRUN apk update\nRUN apk add curl\n",
      fixed: "FROM alpine:3.20\nRUN apk update && apk add curl\n",
      only: ["DO104"],
    },
    {
      name: "DO104: no fix across a USER",
      text: "FROM debian\nRUN apt-get update\nUSER app\nRUN sudo apt-get install -y curl\n",
      fixed: "FROM debian\nRUN apt-get update\nUSER app\nRUN sudo apt-get install -y curl\n",
      only: ["DO104"],
    },
    {
      name: "DO104: no fix when a RUN in between reads the index",
      text: "FROM debian\nRUN apt-get update\nRUN apt-cache policy curl\nRUN apt-get install -y curl\n",
      fixed: "FROM debian\nRUN apt-get update\nRUN apt-cache policy curl\nRUN apt-get install -y curl\n",
      only: ["DO104"],
    },
    {
      name: "DO104 then DO101: merged, then cached",
      text: "FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n",
      fixed: "FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    --mount=type=cache,target=/var/lib/apt/lists,sharing=locked \\\n    rm -f /etc/apt/apt.conf.d/docker-clean; apt-get update && apt-get install -y --no-install-recommends curl\n",
      only: ["DO101","DO104"],
    },
    {
      name: "DO105: ARG moves down to its first use",
      text: "FROM node:22-slim\nARG GIT_SHA\nCOPY package.json package-lock.json ./\nRUN npm ci\nLABEL org.opencontainers.image.revision=$GIT_SHA\n",
      fixed: "FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm ci\nARG GIT_SHA\nLABEL org.opencontainers.image.revision=$GIT_SHA\n",
      only: ["DO105"],
    },
    {
      name: "DO105: unused volatile ENV goes to the end of the stage",
      text: "FROM node:22-slim\nENV BUILD_DATE=2024-01-01\nCOPY package.json package-lock.json ./\nRUN npm ci\nCMD [\"node\", \"x.js\"]\n",
      fixed: "FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm ci\nCMD [\"node\", \"x.js\"]\nENV BUILD_DATE=2024-01-01\n",
      only: ["DO105"],
    },
    {
      name: "DO105: one key of several moves, the rest stays",
      text: "FROM node:22-slim\nENV NODE_ENV=production GIT_SHA=abc\nCOPY package.json package-lock.json ./\nRUN npm ci\nCMD [\"node\", \"x.js\"]",
      fixed: "FROM node:22-slim\nENV NODE_ENV=production\nCOPY package.json package-lock.json ./\nRUN npm ci\nCMD [\"node\", \"x.js\"]\nENV GIT_SHA=abc",
      only: ["DO105"],
    },
    {
      name: "DO105: with its comment",
      text: "FROM python:3.12\n# set by CI\nARG CACHE_BUST=1\nRUN pip install flask\nRUN echo $CACHE_BUST > /build-id\n",
      fixed: "FROM python:3.12\nRUN pip install flask\n# set by CI\nARG CACHE_BUST=1\nRUN echo $CACHE_BUST > /build-id\n",
      only: ["DO105"],
    },
  ], { unsafe: true });

  it('they are unsafe: left out (and counted) without --unsafe', () => {
    const r = fixText('FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n', { only: ['DO102'] });
    expect(r.changed).toBe(false);
    expect(r.unsafeSkipped).toBe(1);
  });
});
