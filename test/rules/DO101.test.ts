import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

const SYNTAX = '# syntax=docker/dockerfile:1\n';

// Fixes are being added to this rule separately: these cases check findings and positions.
describe('DO101 missing-cache-mount: Python', () => {
  ruleCases('DO101', [
    { name: 'pip install', text: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n', findings: [[3, 5]], message: /`pip install` runs without a cache mount for \/root\/\.cache\/pip/ },
    { name: 'pip3 install after another command', text: 'FROM python:3.12-slim\nRUN set -eux; pip3 install flask\n', findings: [[2, 15]], message: /`pip3 install`/ },
    { name: 'python -m pip install', text: 'FROM python:3.12-slim\nRUN python -m pip install --upgrade pip\n', findings: [[2, 5]], message: /`pip install`/ },
    { name: 'python3.12 -m pip on a continuation line', text: 'FROM python:3.12-slim\nRUN apt-get update && \\\n    python3.12 -m pip install flask\n', findings: [[3, 5]], message: /\/root\/\.cache\/pip/ },
    { name: '--no-cache-dir is "no cache mount yet", not fine', text: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir -r requirements.txt\n', findings: [[2, 5]], message: /disables its cache here/ },
    { name: 'deleting the cache is "no cache mount yet"', text: 'FROM python:3.12-slim\nRUN pip install flask && rm -rf /root/.cache/pip\n', findings: [[2, 5]] },
    { name: 'the cache moves with USER', text: 'FROM python:3.12-slim\nUSER app\nRUN pip install --user flask\n', findings: [[3, 5]], message: /\/home\/app\/\.cache\/pip/ },
    { name: 'a root cache mount does not serve another user', text: SYNTAX + 'FROM python:3.12-slim\nUSER app\nRUN --mount=type=cache,target=/root/.cache/pip pip install --user flask\n', findings: [[4, 48]], message: /\/home\/app\/\.cache\/pip/ },
    { name: 'the cache moves with HOME', text: SYNTAX + 'FROM python:3.12-slim\nENV HOME=/srv\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n', findings: [[4, 48]], message: /\/srv\/\.cache\/pip/ },
    { name: 'the cache moves with PIP_CACHE_DIR', text: SYNTAX + 'FROM python:3.12-slim\nENV PIP_CACHE_DIR=/cache/pip\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n', findings: [[4, 48]], message: /\/cache\/pip/ },
    { name: 'a bind mount is not a cache mount', text: SYNTAX + 'FROM python:3.12-slim\nRUN --mount=type=bind,target=/root/.cache/pip pip install flask\n', findings: [[3, 47]] },
    { name: 'a secret mount does not count', text: SYNTAX + 'FROM python:3.12-slim\nRUN --mount=type=secret,id=pip,target=/root/.cache/pip pip install flask\n', findings: [[3, 56]] },
    { name: 'uv sync', text: 'FROM python:3.12-slim\nRUN uv sync --frozen\n', findings: [[2, 5]], message: /\/root\/\.cache\/uv/ },
    { name: 'uv pip install', text: 'FROM python:3.12-slim\nRUN uv pip install --system -r requirements.txt\n', findings: [[2, 5]], message: /\/root\/\.cache\/uv/ },
    { name: 'poetry install', text: 'FROM python:3.12-slim\nRUN poetry install --no-root\n', findings: [[2, 5]], message: /\/root\/\.cache\/pypoetry/ },
    { name: 'pip in a RUN heredoc', text: SYNTAX + 'FROM python:3.12-slim\nRUN <<EOF\nset -e\npip install flask\nEOF\n', findings: [[5, 1]] },
    { name: 'pip behind sudo', text: 'FROM python:3.12-slim\nRUN sudo -H pip install flask\n', findings: [[2, 5]] },
    { name: 'one finding per tool and RUN', text: 'FROM python:3.12-slim\nRUN pip install -U pip && pip install -r requirements.txt\n', findings: [[2, 5]] },
    { name: 'one finding per tool, for each tool', text: 'FROM python:3.12-slim\nRUN pip install poetry && poetry install\n', findings: [[2, 5], [2, 27]] },

    { name: 'a cache mount at the pip cache', text: SYNTAX + 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n', findings: [] },
    { name: 'a cache mount of the parent directory', text: SYNTAX + 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache pip install flask uv && uv sync\n', findings: [] },
    { name: 'a cache mount with a trailing slash, an id and sharing', text: SYNTAX + 'FROM python:3.12-slim\nRUN --mount=type=cache,id=pip,sharing=locked,target=/root/.cache/pip/ pip install flask\n', findings: [] },
    { name: 'dst= instead of target=', text: SYNTAX + 'FROM python:3.12-slim\nRUN --mount=type=cache,dst=/root/.cache/pip pip install flask\n', findings: [] },
    { name: 'a cache mount for the user\'s cache', text: SYNTAX + 'FROM python:3.12-slim\nUSER app\nRUN --mount=type=cache,target=/home/app/.cache/pip,uid=1000 pip install --user flask\n', findings: [] },
    { name: 'a cache mount at PIP_CACHE_DIR', text: SYNTAX + 'FROM python:3.12-slim\nENV PIP_CACHE_DIR=/cache/pip\nRUN --mount=type=cache,target=/cache/pip pip install flask\n', findings: [] },
    { name: 'a cache mount target from a variable', text: SYNTAX + 'FROM python:3.12-slim\nARG PIP_CACHE=/root/.cache/pip\nRUN --mount=type=cache,target=$PIP_CACHE pip install flask\n', findings: [] },
    { name: 'uv and poetry with cache mounts', text: SYNTAX + 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv sync\nRUN --mount=type=cache,target=/root/.cache/pypoetry poetry install\n', findings: [] },
    { name: 'pip commands that download nothing', text: 'FROM python:3.12-slim\nRUN pip --version && pip freeze > /reqs.txt && pip uninstall -y setuptools && pip list\n', findings: [] },
    { name: 'python without pip', text: 'FROM python:3.12-slim\nRUN python -m venv /venv && python -c "import pip"\n', findings: [] },
    { name: 'exec form (no shell to read)', text: 'FROM python:3.12-slim\nRUN ["pip", "install", "flask"]\n', findings: [] },
    { name: 'a word that only mentions pip', text: 'FROM python:3.12-slim\nRUN echo "pip install flask" > /README\n', findings: [] },
    { name: 'a Windows stage (no RUN --mount there)', text: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN pip install flask\n', findings: [] },
    { name: 'a PowerShell SHELL', text: 'FROM python:3.12-slim\nSHELL ["pwsh", "-Command"]\nRUN pip install flask\n', findings: [] },
  ]);
});

describe('DO101 missing-cache-mount: Node', () => {
  ruleCases('DO101', [
    { name: 'npm ci', text: 'FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm ci\n', findings: [[3, 5]], message: /\/root\/\.npm/ },
    { name: 'npm install as the node user', text: 'FROM node:22-slim\nUSER node\nRUN npm install --omit=dev\n', findings: [[3, 5]], message: /\/home\/node\/\.npm/ },
    { name: 'npm i -g', text: 'FROM node:22-slim\nRUN npm i -g pnpm\n', findings: [[2, 5]] },
    { name: 'yarn', text: 'FROM node:22-slim\nRUN yarn install --frozen-lockfile\n', findings: [[2, 5]], message: /\/usr\/local\/share\/\.cache\/yarn/ },
    { name: 'yarn alone, as the node user', text: 'FROM node:22-slim\nUSER node\nRUN yarn\n', findings: [[3, 5]], message: /\/home\/node\/\.cache\/yarn/ },
    { name: 'pnpm install', text: 'FROM node:22-slim\nRUN pnpm install --frozen-lockfile\n', findings: [[2, 5]], message: /\/root\/\.local\/share\/pnpm\/store/ },
    { name: 'a cache mount for the wrong tool', text: SYNTAX + 'FROM node:22-slim\nRUN --mount=type=cache,target=/root/.npm yarn install\n', findings: [[3, 42]] },

    { name: 'npm ci with a cache mount', text: SYNTAX + 'FROM node:22-slim\nRUN --mount=type=cache,target=/root/.npm npm ci\n', findings: [] },
    { name: 'npm with a relocated cache', text: SYNTAX + 'FROM node:22-slim\nENV npm_config_cache=/tmp/npm\nRUN --mount=type=cache,target=/tmp/npm npm ci\n', findings: [] },
    { name: 'yarn with a cache mount', text: SYNTAX + 'FROM node:22-slim\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install --frozen-lockfile\n', findings: [] },
    { name: 'yarn with YARN_CACHE_FOLDER', text: SYNTAX + 'FROM node:22-slim\nENV YARN_CACHE_FOLDER=/yarn\nRUN --mount=type=cache,target=/yarn yarn\n', findings: [] },
    { name: 'pnpm with a cache mount', text: SYNTAX + 'FROM node:22-slim\nRUN --mount=type=cache,target=/root/.local/share/pnpm/store pnpm install\n', findings: [] },
    { name: 'npm commands that install nothing', text: 'FROM node:22-slim\nRUN npm run build && npm test && npm prune --omit=dev && yarn build && pnpm run lint\n', findings: [] },
  ]);
});

describe('DO101 missing-cache-mount: system packages', () => {
  const APT = '--mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked';
  ruleCases('DO101', [
    { name: 'apt-get install (the update is not reported on its own)', text: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n', findings: [[2, 23]], message: /\/var\/cache\/apt and \/var\/lib\/apt.*target=\/var\/cache\/apt,sharing=locked --mount=type=cache,target=\/var\/lib\/apt,sharing=locked/ },
    { name: 'apt install with an assignment', text: 'FROM debian:bookworm-slim\nRUN DEBIAN_FRONTEND=noninteractive apt install -y curl\n', findings: [[2, 5]] },
    { name: 'apt-get install with only /var/cache/apt mounted', text: SYNTAX + 'FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && apt-get install -y curl\n', findings: [[3, 79]], message: /for \/var\/lib\/apt:/ },
    { name: 'apt caches mounted without sharing=locked', text: SYNTAX + 'FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/cache/apt --mount=type=cache,target=/var/lib/apt apt-get update && apt-get install -y curl\n', findings: [[3, 5], [3, 46]], message: /needs `sharing=locked`/ },
    { name: 'apt caches with sharing=shared', text: SYNTAX + 'FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/cache/apt,sharing=shared --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get install -y curl\n', findings: [[3, 5]], message: /\/var\/cache\/apt needs `sharing=locked`/ },
    { name: 'apt-get upgrade', text: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get -y upgrade\n', findings: [[2, 23]] },
    { name: 'apk add', text: 'FROM alpine:3.20\nRUN apk add curl\n', findings: [[2, 5]], message: /\/var\/cache\/apk/ },
    { name: 'apk add --no-cache is "no cache mount yet"', text: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n', findings: [[2, 5]], message: /disables its cache/ },
    { name: 'apk --no-cache add', text: 'FROM alpine:3.20\nRUN apk --no-cache add --virtual .build-deps gcc\n', findings: [[2, 5]] },
    { name: 'dnf install', text: 'FROM fedora:40\nRUN dnf install -y gcc\n', findings: [[2, 5]], message: /\/var\/cache\/dnf,sharing=locked/ },
    { name: 'yum install', text: 'FROM centos:7\nRUN yum -y install gcc && yum clean all\n', findings: [[2, 5]], message: /\/var\/cache\/yum/ },
    { name: 'microdnf install', text: 'FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y gcc\n', findings: [[2, 5]], message: /\/var\/cache\/yum/ },
    { name: 'tdnf install', text: 'FROM mcr.microsoft.com/azurelinux/base/core:3.0\nRUN tdnf install -y ca-certificates\n', findings: [[2, 5]], message: /\/var\/cache\/tdnf/ },
    { name: 'dnf with a cache mount but no sharing=locked', text: SYNTAX + 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y gcc\n', findings: [[3, 5]], message: /sharing=locked/ },

    { name: 'apt with both cache mounts, locked', text: SYNTAX + `FROM debian:bookworm-slim\nRUN ${APT} apt-get update && apt-get install -y --no-install-recommends curl\n`, findings: [] },
    { name: 'apt mounts split over lines', text: SYNTAX + 'FROM debian:bookworm-slim\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    apt-get update && apt-get install -y curl\n', findings: [] },
    { name: 'apt-get update alone (DO104 covers it)', text: 'FROM debian:bookworm-slim\nRUN apt-get update\n', findings: [] },
    { name: 'apt-get commands that install nothing', text: 'FROM debian:bookworm-slim\nRUN apt-get purge -y --auto-remove gcc && apt-get clean && rm -rf /var/lib/apt/lists/*\n', findings: [] },
    { name: 'apk with a cache mount', text: SYNTAX + 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n', findings: [] },
    { name: 'apk del and apk update alone', text: 'FROM alpine:3.20\nRUN apk del .build-deps && apk update\n', findings: [] },
    { name: 'dnf with a locked cache mount', text: SYNTAX + 'FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf,sharing=locked dnf install -y gcc\n', findings: [] },
    { name: 'dnf clean', text: 'FROM fedora:40\nRUN dnf clean all\n', findings: [] },
  ]);
});

describe('DO101 missing-cache-mount: compiled ecosystems', () => {
  ruleCases('DO101', [
    { name: 'go mod download', text: 'FROM golang:1.23\nCOPY go.mod go.sum ./\nRUN go mod download\n', findings: [[3, 5]], message: /\/go\/pkg\/mod/ },
    { name: 'go build with env assignments', text: 'FROM golang:1.23\nRUN CGO_ENABLED=0 GOOS=linux go build -o /app .\n', findings: [[2, 5]], message: /\/go\/pkg\/mod and \/root\/\.cache\/go-build/ },
    { name: 'go build with only the module cache', text: SYNTAX + 'FROM golang:1.23\nRUN --mount=type=cache,target=/go/pkg/mod go build -o /app .\n', findings: [[3, 43]], message: /for \/root\/\.cache\/go-build:/ },
    { name: 'cargo build in a rust image', text: 'FROM rust:1.80\nRUN cargo build --release\n', findings: [[2, 5]], message: /\/usr\/local\/cargo\/registry and \/usr\/local\/cargo\/git/ },
    { name: 'cargo build elsewhere', text: 'FROM debian:bookworm\nRUN cargo build --release\n', findings: [[2, 5]], message: /\/root\/\.cargo\/registry/ },
    { name: 'cargo with CARGO_HOME', text: 'FROM rust:1.80\nENV CARGO_HOME=/opt/cargo\nRUN cargo fetch\n', findings: [[3, 5]], message: /\/opt\/cargo\/registry and \/opt\/cargo\/git/ },
    { name: 'mvn package', text: 'FROM maven:3-eclipse-temurin-21\nRUN mvn -B package\n', findings: [[2, 5]], message: /\/root\/\.m2/ },
    { name: 'mvn dependency:go-offline', text: 'FROM maven:3-eclipse-temurin-21\nRUN mvn -B dependency:go-offline\n', findings: [[2, 5]] },
    { name: './mvnw', text: 'FROM eclipse-temurin:21\nRUN ./mvnw -B package\n', findings: [[2, 5]] },
    { name: 'gradle build', text: 'FROM gradle:8-jdk21\nRUN gradle build --no-daemon\n', findings: [[2, 5]], message: /\/root\/\.gradle/ },
    { name: './gradlew as a user', text: 'FROM eclipse-temurin:21\nUSER app\nRUN ./gradlew build\n', findings: [[3, 5]], message: /\/home\/app\/\.gradle/ },
    { name: 'bundle install', text: 'FROM ruby:3.3\nRUN bundle install\n', findings: [[2, 5]], message: /\/usr\/local\/bundle\/cache/ },
    { name: 'gem install', text: 'FROM ruby:3.3\nRUN gem install bundler\n', findings: [[2, 5]] },
    { name: 'composer install', text: 'FROM php:8.3-cli\nRUN composer install --no-dev\n', findings: [[2, 5]], message: /\/root\/\.composer\/cache/ },

    { name: 'go with both caches mounted', text: SYNTAX + 'FROM golang:1.23\nRUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /app .\n', findings: [] },
    { name: 'go with relocated caches', text: SYNTAX + 'FROM golang:1.23\nENV GOMODCACHE=/mod GOCACHE=/gocache\nRUN --mount=type=cache,target=/mod --mount=type=cache,target=/gocache go build .\n', findings: [] },
    { name: 'cargo with both caches mounted', text: SYNTAX + 'FROM rust:1.80\nRUN --mount=type=cache,target=/usr/local/cargo/registry --mount=type=cache,target=/usr/local/cargo/git cargo build --release\n', findings: [] },
    { name: 'maven with a cache mount', text: SYNTAX + 'FROM maven:3-eclipse-temurin-21\nRUN --mount=type=cache,target=/root/.m2 mvn -B package\n', findings: [] },
    { name: 'gradle with a cache mount', text: SYNTAX + 'FROM gradle:8-jdk21\nRUN --mount=type=cache,target=/root/.gradle gradle build\n', findings: [] },
    { name: 'bundler with a cache mount', text: SYNTAX + 'FROM ruby:3.3\nRUN --mount=type=cache,target=/usr/local/bundle/cache bundle install\n', findings: [] },
    { name: 'composer with a cache mount', text: SYNTAX + 'FROM php:8.3-cli\nRUN --mount=type=cache,target=/root/.composer/cache composer install\n', findings: [] },
    { name: 'commands that fetch nothing', text: 'FROM golang:1.23\nRUN go version && go mod tidy -diff && cargo --version && mvn --version && bundle exec rake -T && composer dump-autoload\n', findings: [] },
  ]);
});

describe('DO101 go caches follow the command', () => {
  ruleCases('DO101', [
    {
      name: 'go mod download needs only the module cache',
      text: 'FROM golang:1.23\nCOPY go.mod go.sum ./\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\n',
      findings: [],
    },
    {
      name: 'go build needs the build cache too, even after a download in the same RUN',
      text: 'FROM golang:1.23\nRUN --mount=type=cache,target=/go/pkg/mod go mod download && go build ./...\n',
      findings: [[2, 43]],
      message: /root\/\.cache\/go-build/,
    },
  ]);
});
