import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// Fixes are being added to this rule separately: these cases check findings and positions.
describe('DO102 copy-before-install', () => {
  ruleCases('DO102', [
    { name: 'COPY . . before pip install -r', text: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n', findings: [[3, 1]], message: /COPY of the whole build context comes before `pip install` on line 4, which only needs requirements\.txt/ },
    { name: 'ADD . /app before npm ci', text: 'FROM node:22-slim\nADD . /app\nWORKDIR /app\nRUN npm ci\n', findings: [[2, 1]], message: /only needs package\.json, package-lock\.json, npm-shrinkwrap\.json/ },
    { name: 'a source directory before the install', text: 'FROM python:3.12-slim\nCOPY requirements.txt .\nCOPY src/ ./src/\nRUN pip install -r requirements.txt\n', findings: [[3, 1]], message: /COPY of src\// },
    { name: 'only the extra COPY is reported', text: 'FROM node:22-slim\nCOPY package.json yarn.lock ./\nCOPY . .\nRUN yarn install --frozen-lockfile\nRUN yarn build\n', findings: [[3, 1]] },
    { name: 'a COPY that mixes a manifest and source', text: 'FROM python:3.12-slim\nCOPY requirements.txt app.py ./\nRUN pip install -r requirements.txt\n', findings: [[2, 1]], message: /COPY of app\.py/ },
    { name: 'go mod download after COPY . .', text: 'FROM golang:1.23\nCOPY . .\nRUN go mod download\nRUN go build -o /app .\n', findings: [[2, 1]], message: /only needs go\.mod, go\.sum/ },
    { name: 'cargo fetch after COPY . .', text: 'FROM rust:1.80\nCOPY . .\nRUN cargo fetch\n', findings: [[2, 1]] },
    { name: 'mvn dependency:go-offline after COPY . .', text: 'FROM maven:3\nCOPY . .\nRUN mvn dependency:go-offline\n', findings: [[2, 1]] },
    { name: 'bundle install after COPY . .', text: 'FROM ruby:3.3\nCOPY . .\nRUN bundle install\n', findings: [[2, 1]] },
    { name: 'composer install after COPY . .', text: 'FROM php:8.3\nCOPY . /var/www\nRUN composer install\n', findings: [[2, 1]] },
    { name: 'poetry install after COPY . .', text: 'FROM python:3.12-slim\nCOPY . .\nRUN poetry install --no-root\n', findings: [[2, 1]] },
    { name: 'uv sync after COPY . .', text: 'FROM python:3.12-slim\nCOPY . .\nRUN uv sync --frozen\n', findings: [[2, 1]] },
    { name: 'pnpm install after COPY . .', text: 'FROM node:22-slim\nCOPY . .\nRUN pnpm install --frozen-lockfile\n', findings: [[2, 1]] },
    { name: 'an install from a registry after COPY . .', text: 'FROM python:3.12-slim\nCOPY . .\nRUN pip install gunicorn\n', findings: [[2, 1]], message: /needs nothing from the build context.*Move the install above this COPY/ },
    { name: 'apt-get install after COPY . .', text: 'FROM debian:bookworm-slim\nCOPY . /src\nRUN apt-get update && apt-get install -y curl\n', findings: [[2, 1]] },
    { name: 'lower-case instructions, CRLF', text: 'FROM python:3.12-slim\r\ncopy . .\r\nrun pip install -r requirements.txt\r\n', findings: [[2, 1]], message: /^copy of/ },

    { name: 'manifests first, then install, then the rest', text: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n', findings: [] },
    { name: 'package.json and lockfile first', text: 'FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\n', findings: [] },
    { name: 'manifests from a subdirectory', text: 'FROM node:22-slim\nCOPY backend/package.json backend/package-lock.json ./\nRUN npm ci\n', findings: [] },
    { name: 'a glob of requirement files', text: 'FROM python:3.12-slim\nCOPY requirements*.txt ./\nRUN pip install -r requirements.txt -r requirements-dev.txt\n', findings: [] },
    { name: 'go.mod and go.sum first, build after the source', text: 'FROM golang:1.23\nCOPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN go build -o /app .\n', findings: [] },
    { name: 'a build needs the source', text: 'FROM golang:1.23\nCOPY . .\nRUN go build -o /app .\n', findings: [] },
    { name: 'installing the project itself needs the source', text: 'FROM python:3.12-slim\nCOPY . .\nRUN pip install .\n', findings: [] },
    { name: 'a script the RUN executes', text: 'FROM python:3.12-slim\nCOPY install-deps.sh /tmp/\nRUN /tmp/install-deps.sh && pip install -r /tmp/requirements.txt\n', findings: [] },
    { name: 'COPY --from another stage', text: 'FROM python:3.12-slim AS build\nRUN pip wheel -w /wheels flask\nFROM python:3.12-slim\nCOPY --from=build /wheels /wheels\nRUN pip install /wheels/*.whl\n', findings: [] },
    { name: 'a COPY in an earlier stage', text: 'FROM node:22 AS assets\nCOPY . .\nRUN npm run build\nFROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n', findings: [] },
    { name: 'a remote ADD', text: 'FROM python:3.12-slim\nADD https://example.com/requirements.txt .\nRUN pip install -r requirements.txt\n', findings: [] },
    { name: 'COPY after the install', text: 'FROM python:3.12-slim\nRUN pip install flask\nCOPY . .\n', findings: [] },
    { name: 'gradle and maven builds need the source', text: 'FROM gradle:8\nCOPY . .\nRUN gradle build\nRUN mvn package\n', findings: [] },
  ]);
});
