// The multi-stage rewrite: single-stage files in, the seed's template out (base, dependencies,
// app, final), for each template; what it keeps, what it refuses, and that every template's output
// lints clean under dockopt's own rules.
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixText, type Rewrite } from '../../src/fix/engine.ts';
import { checkTemplateData, loadRenderer, multistageRewrite, rewriteMultiStage, TEMPLATE_NAMES, templateFor, type TemplateData } from '../../src/fix/multistage.ts';
import { lintText } from '../../src/lint.ts';
import { parseDockerfile } from '../../src/model.ts';
import { DockoptError } from '../../src/errors.ts';
import { TEMPLATES_DIR } from '../../src/paths.ts';

let rewrite: Rewrite;
beforeAll(async () => {
  rewrite = await multistageRewrite();
});

/** Only the rewrite (and the layer-order fixes it makes first), no other rule fixes. */
const rewriteOnly = (text: string) => fixText(text, { only: [], rewrites: [rewrite] });

const CASES: { name: string; text: string; fixed: string }[] = [
    {
      name: "python",
      text: "FROM python:3.12-slim\nENV PYTHONDONTWRITEBYTECODE=1\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nUSER 1000\nEXPOSE 8000\nHEALTHCHECK CMD [\"python\", \"-c\", \"print(1)\"]\nCMD [\"python\", \"app.py\"]\n",
      fixed: "# syntax=docker/dockerfile:1\n\n# Base: the Python runtime and system packages (they rarely change)\nFROM python:3.12-slim AS base\nENV PYTHONDONTWRITEBYTECODE=1\nWORKDIR /app\n\n# Dependencies: reinstalled only when the requirements change (pip's cache stays on the builder)\nFROM base AS dependencies\nCOPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n\n# Application code: changes most often, so it comes last\nFROM dependencies\nCOPY . .\nUSER 1000\nEXPOSE 8000\nHEALTHCHECK CMD [\"python\", \"-c\", \"print(1)\"]\nCMD [\"python\", \"app.py\"]\n",
    },
    {
      name: "lambda",
      text: "FROM public.ecr.aws/lambda/python:3.12\n\nRUN dnf install -y gcc-c++ python3-devel && dnf clean all\n\nCOPY . ${LAMBDA_TASK_ROOT}/\nCOPY receipt_dynamo/ /tmp/receipt_dynamo/\nRUN pip install --no-cache-dir -r ${LAMBDA_TASK_ROOT}/requirements.txt\nRUN pip install --force-reinstall /tmp/receipt_dynamo\n\nCMD [\"handlers.polling.main\"]\n",
      fixed: "# syntax=docker/dockerfile:1\n\n# Base: the Lambda Python runtime and system packages (they rarely change)\nFROM public.ecr.aws/lambda/python:3.12 AS base\nRUN --mount=type=cache,target=/var/cache/dnf,sharing=locked \\\n    dnf install -y gcc-c++ python3-devel\n\n# Dependencies: reinstalled only when the requirements change (pip's cache stays on the builder)\nFROM base AS dependencies\nCOPY requirements.txt ${LAMBDA_TASK_ROOT}/\nRUN --mount=type=cache,target=/root/.cache/pip \\\n    pip install -r ${LAMBDA_TASK_ROOT}/requirements.txt\n\n# Shared local packages: reinstalled only when they change, not when a handler does\nFROM dependencies AS app\nCOPY receipt_dynamo/ /tmp/receipt_dynamo/\nRUN --mount=type=cache,target=/root/.cache/pip pip install --force-reinstall /tmp/receipt_dynamo\n\n# Handler code: changes most often, so it comes last\nFROM app\nCOPY . ${LAMBDA_TASK_ROOT}/\n\nCMD [\"handlers.polling.main\"]\n",
    },
    {
      name: "node",
      text: "# escape=\\\n# Web frontend\nARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-slim AS web\nARG NPM_REGISTRY=https://registry.npmjs.org\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nEXPOSE 3000\nCMD [\"node\", \"dist/server.js\"]\n# end of file\n",
      fixed: "# syntax=docker/dockerfile:1\n# escape=\\\n# Web frontend\nARG NODE_VERSION=22\n\n# Base: the Node.js runtime and system packages (they rarely change)\nFROM node:${NODE_VERSION}-slim AS base\nARG NPM_REGISTRY=https://registry.npmjs.org\nWORKDIR /app\n\n# Dependencies: node_modules is rebuilt only when package.json or the lockfile change\nFROM base AS dependencies\nARG NPM_REGISTRY=https://registry.npmjs.org\nCOPY package.json package-lock.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci\n\n# Application code: changes most often, so it comes last\nFROM dependencies AS web\nARG NPM_REGISTRY=https://registry.npmjs.org\nCOPY . .\nRUN npm run build\nEXPOSE 3000\nCMD [\"node\", \"dist/server.js\"]\n\n# end of file\n",
    },
    {
      name: "go",
      text: "FROM golang:1.22\nWORKDIR /src\nCOPY . .\nRUN go mod download\nRUN go build -o /usr/local/bin/app .\nCMD [\"app\"]\n",
      fixed: "# syntax=docker/dockerfile:1\n\n# Base: the Go toolchain and system packages (they rarely change)\nFROM golang:1.22 AS base\nWORKDIR /src\n\n# Dependencies: modules are downloaded only when go.mod or go.sum change\nFROM base AS dependencies\nCOPY go.mod go.sum* go.work* ./\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\n\n# Source and build: change most often, so they come last\nFROM dependencies\nCOPY . .\nRUN --mount=type=cache,target=/go/pkg/mod \\\n    --mount=type=cache,target=/root/.cache/go-build \\\n    go build -o /usr/local/bin/app .\nCMD [\"app\"]\n",
    },
    {
      name: "generic",
      text: "FROM ruby:3.3-slim\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install\nCOPY . .\nCMD [\"ruby\", \"app.rb\"]\n",
      fixed: "# syntax=docker/dockerfile:1\n\n# Base: the base image and system packages (they rarely change)\nFROM ruby:3.3-slim AS base\nWORKDIR /app\n\n# Dependencies: reinstalled only when their manifests change\nFROM base AS dependencies\nCOPY Gemfile Gemfile.lock ./\nRUN --mount=type=cache,target=/usr/local/bundle/cache bundle install\n\n# Application code: changes most often, so it comes last\nFROM dependencies\nCOPY . .\nCMD [\"ruby\", \"app.rb\"]\n",
    },
    {
      name: "crlf-bom",
      text: "\uFEFFFROM python:3.12-slim\r\nWORKDIR /app\r\nCOPY requirements.txt .\r\nRUN pip install -r requirements.txt\r\nCOPY . .\r\nCMD [\"python\", \"app.py\"]\r\n",
      fixed: "\uFEFF# syntax=docker/dockerfile:1\r\n\r\n# Base: the Python runtime and system packages (they rarely change)\r\nFROM python:3.12-slim AS base\r\nWORKDIR /app\r\n\r\n# Dependencies: reinstalled only when the requirements change (pip's cache stays on the builder)\r\nFROM base AS dependencies\r\nCOPY requirements.txt .\r\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\r\n\r\n# Application code: changes most often, so it comes last\r\nFROM dependencies\r\nCOPY . .\r\nCMD [\"python\", \"app.py\"]\r\n",
    },
    {
      name: "name-collision",
      text: "FROM python:3.12-slim AS base\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n",
      fixed: "# syntax=docker/dockerfile:1\n\n# Base: the Python runtime and system packages (they rarely change)\nFROM python:3.12-slim AS base-stage\nWORKDIR /app\n\n# Dependencies: reinstalled only when the requirements change (pip's cache stays on the builder)\nFROM base-stage AS dependencies\nCOPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n\n# Application code: changes most often, so it comes last\nFROM dependencies AS base\nCOPY . .\n",
    },
    {
      name: "labels",
      text: "FROM python:3.12-slim\nLABEL description=\"Tom & Jerry <tj@example.com> 'quoted'\"\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n",
      fixed: "# syntax=docker/dockerfile:1\n\n# Base: the Python runtime and system packages (they rarely change)\nFROM python:3.12-slim AS base\nLABEL description=\"Tom & Jerry <tj@example.com> 'quoted'\"\nWORKDIR /app\n\n# Dependencies: reinstalled only when the requirements change (pip's cache stays on the builder)\nFROM base AS dependencies\nCOPY requirements.txt .\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n\n# Application code: changes most often, so it comes last\nFROM dependencies\nCOPY . .\n",
    },
];

describe('multi-stage rewrite', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = rewriteOnly(c.text);
      expect(r.output).toBe(c.fixed);
      expect(r.applied.map((a) => a.code)).toEqual(['MULTISTAGE']);
      // Rewritten once: the result has several stages, so a second run leaves it alone.
      expect(rewriteOnly(r.output).output).toBe(r.output);
    });
  }

  it('picks the template by the dependency installs and the base image', () => {
    const pick = (t: string) => templateFor(parseDockerfile(t));
    expect(pick('FROM public.ecr.aws/lambda/python:3.12\nRUN pip install x\n')).toBe('lambda-python');
    expect(pick('FROM amazon/aws-lambda-python:3.11\nRUN pip install x\n')).toBe('lambda-python');
    expect(pick('FROM debian\nRUN pip install x\n')).toBe('python');
    expect(pick('FROM node:22\nRUN npm ci\n')).toBe('node');
    expect(pick('FROM alpine\nRUN yarn install\n')).toBe('node');
    expect(pick('FROM golang:1.22\nRUN go mod download\n')).toBe('go');
    expect(pick('FROM ruby:3.3\nRUN bundle install\n')).toBe('generic');
  });

  it('leaves files it does not fit alone', () => {
    const alone = [
      'FROM python:3.12 AS build\nRUN pip install -r requirements.txt\nFROM python:3.12\nCOPY --from=build /usr/local /usr/local\n',
      'FROM alpine:3.20\nRUN apk add --no-cache curl\nCOPY app.sh /app.sh\n',
      'FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
      'FROM python:3.12\nONBUILD COPY . /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n',
      'FROM node:22\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\n',
      'FROM python:3.12\nRUNN pip install flask\nCOPY . .\n',
    ];
    const render = () => {
      throw new Error('not rendered');
    };
    for (const text of alone) expect(rewriteMultiStage(text, {}, render), text).toBeNull();
  });

  it('every template renders a file that lints clean', async () => {
    const inputs: Record<string, string> = {
      python: CASES[0].text,
      'lambda-python': 'FROM public.ecr.aws/lambda/python:3.12\nCOPY . ${LAMBDA_TASK_ROOT}/\nCOPY receipt_dynamo/ /tmp/receipt_dynamo/\nRUN pip install --no-cache-dir -r ${LAMBDA_TASK_ROOT}/requirements.txt\nRUN pip install /tmp/receipt_dynamo\nCMD ["handlers.polling.main"]\n',
      node: CASES[2].text,
      go: CASES[3].text,
      generic: CASES[4].text,
    };
    expect(Object.keys(inputs).sort()).toEqual([...TEMPLATE_NAMES].sort());
    const files = readdirSync(join(TEMPLATES_DIR, 'multistage')).filter((f) => f.endsWith('.hbs'));
    expect(files.sort()).toEqual(TEMPLATE_NAMES.map((n) => `${n}.Dockerfile.hbs`).sort());
    const render = await loadRenderer();
    for (const [name, text] of Object.entries(inputs)) {
      const result = rewriteMultiStage(text, {}, render);
      expect(result?.template, name).toBe(name);
      expect(lintText(result!.text).map((f) => `${f.code}@${f.line} ${f.message}`), name).toEqual([]);
    }
  });

  it('renders without HTML escaping', async () => {
    const render = await loadRenderer();
    const text = render('generic', data({ from: 'example.com/a&b:1', final: { parent: 'base', name: null, body: 'LABEL x="<a> & \'b\'"' } }));
    expect(text).toContain('FROM example.com/a&b:1 AS base');
    expect(text).toContain('LABEL x="<a> & \'b\'"');
  });

  it('rejects values that would break the file, naming them', async () => {
    const render = await loadRenderer();
    expect(() => render('python', data({ from: 'python:3.12\nRUN rm -rf /' }))).toThrow(DockoptError);
    expect(() => render('python', data({ from: 'python:3.12\nRUN rm -rf /' }))).toThrow('multi-stage template: the base image "python:3.12\\nRUN rm -rf /" contains a line break, which would break the Dockerfile');
    expect(() => checkTemplateData(data({ base: { name: 'my base', body: '' } }))).toThrow(/base stage name "my base" is not a valid stage name/);
    expect(() => checkTemplateData(data({ directives: ['RUN true'] }))).toThrow(/is not a parser directive/);
  });
});

function data(over: Partial<TemplateData>): TemplateData {
  return {
    directives: ['# syntax=docker/dockerfile:1'],
    preamble: '',
    from: 'python:3.12',
    base: { name: 'base', body: '' },
    dependencies: null,
    app: null,
    final: { parent: 'base', name: null, body: 'COPY . .' },
    ...over,
  };
}
