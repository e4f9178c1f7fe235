// What dockopt knows about package managers: recognising their commands, where their caches are
// (per user, HOME and relocating variables), and which files are their manifests.
import { describe, expect, it } from 'vitest';
import { parseDockerfile, type DockerfileModel, type Instruction } from '../src/model.ts';
import { parseShell } from '../src/shell.ts';
import {
  cacheTargets,
  homeAt,
  isManifestName,
  missingCaches,
  mountServes,
  packageManagerUses,
  recognise,
  userAt,
  type PackageManagerId,
  type PackageManagerUse,
} from '../src/package-managers.ts';

function use(script: string): PackageManagerUse | null {
  const cmds = parseShell(script).commands;
  expect(cmds).toHaveLength(1);
  return recognise(cmds[0]);
}

function summary(script: string) {
  const u = use(script);
  return u && { manager: u.manager, action: u.action, inputs: u.inputs, fromManifests: u.fromManifests, cacheDisabled: u.cacheDisabled };
}

/** The last RUN of a Dockerfile, with its model. */
function lastRun(text: string): { model: DockerfileModel; run: Instruction } {
  const model = parseDockerfile(text);
  const runs = model.instructions.filter((i) => i.keyword === 'RUN');
  return { model, run: runs[runs.length - 1] };
}

function targets(text: string, manager: PackageManagerId): string[] {
  const { model, run } = lastRun(text);
  return cacheTargets(model, run, manager).map((c) => c.target);
}

describe('recognise: Python', () => {
  it('pip, pip3, pip3.12 and python -m pip install from requirement files', () => {
    const want = { manager: 'pip', action: 'install', inputs: ['requirements.txt'], fromManifests: true, cacheDisabled: false };
    expect(summary('pip install -r requirements.txt')).toEqual(want);
    expect(summary('pip3 install --requirement requirements.txt')).toEqual(want);
    expect(summary('pip3.12 install --requirement=requirements.txt')).toEqual(want);
    expect(summary('python -m pip install -rrequirements.txt')).toEqual(want);
    expect(summary('python3.11 -m pip install -r requirements.txt')).toEqual(want);
    expect(summary('/usr/local/bin/python3 -m pip install -r requirements.txt')).toEqual(want);
  });

  it('pip install of named packages needs nothing from the context', () => {
    expect(summary('pip install flask==3.0 "requests>=2"')).toMatchObject({ inputs: [], fromManifests: true });
    expect(summary('pip install --upgrade pip setuptools')).toMatchObject({ inputs: [], fromManifests: true });
  });

  it('pip install of local paths and wheels is not from manifests', () => {
    expect(summary('pip install .')).toMatchObject({ inputs: ['.'], fromManifests: false });
    expect(summary('pip install -e .')).toMatchObject({ inputs: ['.'], fromManifests: false });
    expect(summary('pip install /tmp/receipt_dynamo')).toMatchObject({ inputs: ['/tmp/receipt_dynamo'], fromManifests: false });
    expect(summary('pip install ./pkg dist/app-1.0-py3-none-any.whl')).toMatchObject({ inputs: ['./pkg', 'dist/app-1.0-py3-none-any.whl'], fromManifests: false });
    expect(summary('pip install -r requirements.txt ./lib')).toMatchObject({ inputs: ['requirements.txt', './lib'], fromManifests: false });
  });

  it('pip install without arguments is an install with unknown inputs', () => {
    expect(summary('pip install --upgrade')).toMatchObject({ inputs: null });
  });

  it('--no-cache-dir disables the cache', () => {
    expect(summary('pip install --no-cache-dir -r requirements.txt')?.cacheDisabled).toBe(true);
  });

  it('pip download and wheel fetch packages too; other pip commands do not', () => {
    expect(summary('pip download -d /wheels -r requirements.txt')?.manager).toBe('pip');
    expect(summary('pip wheel --wheel-dir /wheels numpy')?.manager).toBe('pip');
    expect(use('pip freeze')).toBeNull();
    expect(use('pip uninstall -y x')).toBeNull();
    expect(use('pip --version')).toBeNull();
    expect(use('python -m venv /venv')).toBeNull();
    expect(use('python setup.py install')).toBeNull();
  });

  it('uv: pip install/sync, sync, add', () => {
    expect(summary('uv pip install --system -r requirements.txt')).toEqual({ manager: 'uv', action: 'install', inputs: ['requirements.txt'], fromManifests: true, cacheDisabled: false });
    expect(summary('uv pip sync requirements.txt')).toMatchObject({ manager: 'uv', inputs: ['requirements.txt'] });
    expect(summary('uv pip install .')).toMatchObject({ manager: 'uv', inputs: ['.'], fromManifests: false });
    expect(summary('uv sync --frozen --no-install-project')).toMatchObject({ manager: 'uv', inputs: ['pyproject.toml', 'uv.lock'], fromManifests: true });
    expect(summary('uv sync --no-cache')?.cacheDisabled).toBe(true);
    expect(use('uv run app.py')).toBeNull();
    expect(use('uv venv')).toBeNull();
  });

  it('poetry install and pipenv install use their lock files', () => {
    expect(summary('poetry install --no-root --only main')).toMatchObject({ manager: 'poetry', inputs: ['pyproject.toml', 'poetry.lock'] });
    expect(summary('poetry install --no-cache')?.cacheDisabled).toBe(true);
    expect(summary('pipenv install --deploy --system')).toMatchObject({ manager: 'pipenv', inputs: ['Pipfile', 'Pipfile.lock'] });
    expect(use('poetry build')).toBeNull();
    expect(use('poetry config virtualenvs.create false')).toBeNull();
  });
});

describe('recognise: Node', () => {
  it('npm ci / install / i from the manifests', () => {
    for (const s of ['npm ci', 'npm ci --omit=dev', 'npm install', 'npm i', 'npm install --production', 'npm install --omit dev']) {
      expect(summary(s), s).toMatchObject({ manager: 'npm', action: 'install', inputs: ['package.json', 'package-lock.json', 'npm-shrinkwrap.json'], fromManifests: true });
    }
  });

  it('npm install of named packages needs nothing from the context; of a path, the path', () => {
    expect(summary('npm install -g npm@10 yarn')).toMatchObject({ manager: 'npm', inputs: [], fromManifests: true });
    expect(summary('npm install ./local-pkg')).toMatchObject({ inputs: ['./local-pkg'], fromManifests: false });
  });

  it('other npm commands are not installs', () => {
    expect(use('npm run build')).toBeNull();
    expect(use('npm test')).toBeNull();
    expect(use('npm prune --production')).toBeNull();
    expect(use('npm config set registry x')).toBeNull();
  });

  it('yarn, yarn install, yarn --frozen-lockfile, yarn add', () => {
    for (const s of ['yarn', 'yarn install', 'yarn install --frozen-lockfile', 'yarn --frozen-lockfile --production']) {
      expect(summary(s), s).toMatchObject({ manager: 'yarn', inputs: ['package.json', 'yarn.lock'] });
    }
    expect(summary('yarn add left-pad')).toMatchObject({ manager: 'yarn', inputs: [] });
    expect(summary('yarn global add serve')).toMatchObject({ manager: 'yarn', inputs: [] });
    expect(use('yarn build')).toBeNull();
    expect(use('yarn --version')).toBeNull();
    expect(use('yarn cache clean')).toBeNull();
  });

  it('pnpm install, add and fetch', () => {
    expect(summary('pnpm install --frozen-lockfile')).toMatchObject({ manager: 'pnpm', action: 'install', inputs: ['package.json', 'pnpm-lock.yaml'] });
    expect(summary('pnpm i')).toMatchObject({ manager: 'pnpm', action: 'install' });
    expect(summary('pnpm fetch --prod')).toMatchObject({ manager: 'pnpm', action: 'download' });
    expect(use('pnpm run build')).toBeNull();
  });
});

describe('recognise: system packages', () => {
  it('apt-get and apt: install-like verbs and update', () => {
    expect(summary('apt-get install -y curl')).toMatchObject({ manager: 'apt', action: 'install', inputs: [] });
    expect(summary('apt-get -y install curl')).toMatchObject({ manager: 'apt', action: 'install' });
    expect(summary('apt-get -o Acquire::Retries=3 install curl')).toMatchObject({ manager: 'apt', action: 'install' });
    expect(summary('apt install -y curl')).toMatchObject({ manager: 'apt', action: 'install' });
    expect(summary('apt-get upgrade -y')).toMatchObject({ action: 'install' });
    expect(summary('apt-get dist-upgrade -y')).toMatchObject({ action: 'install' });
    expect(summary('apt-get build-dep -y python3')).toMatchObject({ action: 'install' });
    expect(summary('apt-get update')).toMatchObject({ manager: 'apt', action: 'update-index' });
    expect(summary('apt-get -qq update')).toMatchObject({ action: 'update-index' });
    expect(use('apt-get clean')).toBeNull();
    expect(use('apt-get purge -y --auto-remove gcc')).toBeNull();
    expect(use('apt-get autoremove -y')).toBeNull();
  });

  it('apk add/upgrade/update, with --no-cache disabling the cache', () => {
    expect(summary('apk add curl')).toMatchObject({ manager: 'apk', action: 'install', cacheDisabled: false });
    expect(summary('apk add --no-cache curl')).toMatchObject({ manager: 'apk', action: 'install', cacheDisabled: true });
    expect(summary('apk --no-cache add curl')).toMatchObject({ action: 'install', cacheDisabled: true });
    expect(summary('apk add --virtual .build-deps gcc musl-dev')).toMatchObject({ action: 'install' });
    expect(summary('apk -U upgrade')).toMatchObject({ action: 'install' });
    expect(summary('apk update')).toMatchObject({ action: 'update-index' });
    expect(use('apk del .build-deps')).toBeNull();
    expect(use('apk info')).toBeNull();
  });

  it('dnf, yum, microdnf, tdnf and zypper', () => {
    expect(summary('dnf install -y gcc')).toMatchObject({ manager: 'dnf', action: 'install' });
    expect(summary('yum -y install gcc')).toMatchObject({ manager: 'yum', action: 'install' });
    expect(summary('microdnf install -y gcc')).toMatchObject({ manager: 'microdnf', action: 'install' });
    expect(summary('tdnf install -y gcc')).toMatchObject({ manager: 'tdnf', action: 'install' });
    expect(summary('dnf --setopt=install_weak_deps=False install -y gcc')).toMatchObject({ manager: 'dnf', action: 'install' });
    expect(summary('yum makecache')).toMatchObject({ manager: 'yum', action: 'update-index' });
    expect(summary('zypper --non-interactive in gcc')).toMatchObject({ manager: 'zypper', action: 'install' });
    expect(use('dnf clean all')).toBeNull();
    expect(use('yum remove -y gcc')).toBeNull();
  });
});

describe('recognise: compiled ecosystems', () => {
  it('go mod download needs go.mod and go.sum; go build needs the source', () => {
    expect(summary('go mod download')).toMatchObject({ manager: 'go', action: 'download', inputs: ['go.mod', 'go.sum'], fromManifests: true });
    expect(summary('go build -o /app ./cmd/app')).toMatchObject({ manager: 'go', action: 'build', inputs: null, fromManifests: false });
    expect(summary('CGO_ENABLED=0 GOOS=linux go build .')).toMatchObject({ action: 'build' });
    expect(summary('go test ./...')).toMatchObject({ action: 'build' });
    expect(summary('go install ./cmd/app')).toMatchObject({ action: 'build', inputs: null });
    expect(summary('go install golang.org/x/tools/gopls@latest')).toMatchObject({ action: 'install', inputs: [], fromManifests: true });
    expect(use('go mod tidy')).toBeNull();
    expect(use('go version')).toBeNull();
  });

  it('cargo fetch, build, install', () => {
    expect(summary('cargo fetch --locked')).toMatchObject({ manager: 'cargo', action: 'download', inputs: ['Cargo.toml', 'Cargo.lock'] });
    expect(summary('cargo build --release')).toMatchObject({ manager: 'cargo', action: 'build', inputs: null });
    expect(summary('cargo install ripgrep')).toMatchObject({ action: 'install', inputs: [], fromManifests: true });
    expect(summary('cargo install --path .')).toMatchObject({ action: 'build', inputs: null });
    expect(use('cargo --version')).toBeNull();
  });

  it('mvn and ./mvnw: offline download vs build goals', () => {
    expect(summary('mvn -B dependency:go-offline')).toMatchObject({ manager: 'maven', action: 'download', inputs: ['pom.xml'] });
    expect(summary('./mvnw dependency:resolve')).toMatchObject({ manager: 'maven', action: 'download' });
    expect(summary('mvn -B -DskipTests package')).toMatchObject({ manager: 'maven', action: 'build', inputs: null });
    expect(summary('mvn -f pom.xml clean install')).toMatchObject({ action: 'build' });
    expect(summary('mvn spring-boot:repackage')).toMatchObject({ action: 'build' });
    expect(use('mvn --version')).toBeNull();
  });

  it('gradle and ./gradlew: dependency tasks vs builds', () => {
    expect(summary('gradle dependencies')).toMatchObject({ manager: 'gradle', action: 'download' });
    expect(summary('./gradlew --no-daemon build')).toMatchObject({ manager: 'gradle', action: 'build', inputs: null });
    expect(use('./gradlew --version')).toBeNull();
  });

  it('bundle install, gem install, composer install', () => {
    expect(summary('bundle install --jobs 4')).toMatchObject({ manager: 'bundler', inputs: ['Gemfile', 'Gemfile.lock'] });
    expect(summary('bundle')).toMatchObject({ manager: 'bundler' });
    expect(use('bundle exec rake assets:precompile')).toBeNull();
    expect(summary('gem install bundler -v 2.5')).toMatchObject({ manager: 'gem', inputs: [] });
    expect(summary('composer install --no-dev --no-scripts')).toMatchObject({ manager: 'composer', inputs: ['composer.json', 'composer.lock'] });
    expect(summary('php composer.phar install')).toBeNull();
    expect(summary('composer.phar install')).toMatchObject({ manager: 'composer' });
    expect(use('composer dump-autoload')).toBeNull();
  });
});

describe('recognise: through the shell', () => {
  it('sees package managers behind sudo, env and assignments', () => {
    expect(use('sudo -E pip install x')?.manager).toBe('pip');
    expect(use('DEBIAN_FRONTEND=noninteractive apt-get install -y x')?.manager).toBe('apt');
    expect(use('env PIP_NO_CACHE_DIR=1 pip install x')?.manager).toBe('pip');
  });

  it('lists every package-manager command of a RUN in order', () => {
    const m = parseDockerfile('FROM python:3.12\nRUN apt-get update && apt-get install -y gcc && pip install -r requirements.txt && echo done\n');
    expect(packageManagerUses(m.instructions[1]).map((u) => [u.manager, u.action])).toEqual([
      ['apt', 'update-index'],
      ['apt', 'install'],
      ['pip', 'install'],
    ]);
  });

  it('finds nothing in exec-form RUNs (no shell)', () => {
    const m = parseDockerfile('FROM python:3.12\nRUN ["pip", "install", "flask"]\n');
    expect(packageManagerUses(m.instructions[1])).toEqual([]);
  });

  it('reads RUN <<EOF bodies', () => {
    const m = parseDockerfile('FROM python:3.12\nRUN <<EOF\nset -e\npip install flask\nEOF\n');
    expect(packageManagerUses(m.instructions[1]).map((u) => u.manager)).toEqual(['pip']);
  });
});

describe('users and homes', () => {
  it('is root with /root by default', () => {
    const { model, run } = lastRun('FROM python:3.12\nRUN pip install x\n');
    expect(userAt(run)).toBeNull();
    expect(homeAt(model, run)).toEqual({ home: '/root', user: null });
  });

  it('follows USER by name, by uid, with a group, and back to root', () => {
    expect(homeAt(...args('FROM python:3.12\nUSER app\nRUN pip install x\n'))).toEqual({ home: '/home/app', user: 'app' });
    expect(homeAt(...args('FROM python:3.12\nUSER app:app\nRUN pip install x\n')).home).toBe('/home/app');
    expect(homeAt(...args('FROM python:3.12\nUSER 1000\nRUN pip install x\n')).home).toBe('/');
    expect(homeAt(...args('FROM python:3.12\nUSER app\nUSER root\nRUN pip install x\n')).home).toBe('/root');
    expect(homeAt(...args('FROM python:3.12\nUSER 0:0\nRUN pip install x\n')).home).toBe('/root');
  });

  it('prefers an explicit HOME', () => {
    expect(homeAt(...args('FROM python:3.12\nUSER app\nENV HOME=/srv/app\nRUN pip install x\n')).home).toBe('/srv/app');
  });

  it('inherits USER from the stage it builds on, not from unrelated stages', () => {
    expect(homeAt(...args('FROM python:3.12 AS base\nUSER app\nFROM base\nRUN pip install x\n')).home).toBe('/home/app');
    expect(homeAt(...args('FROM python:3.12 AS base\nUSER app\nFROM python:3.12\nRUN pip install x\n')).home).toBe('/root');
  });

  function args(text: string): [DockerfileModel, Instruction] {
    const { model, run } = lastRun(text);
    return [model, run];
  }
});

describe('cache targets', () => {
  it('pip: ~/.cache/pip for the current user, PIP_CACHE_DIR relocates it', () => {
    expect(targets('FROM python:3.12\nRUN pip install x\n', 'pip')).toEqual(['/root/.cache/pip']);
    expect(targets('FROM python:3.12\nUSER app\nRUN pip install x\n', 'pip')).toEqual(['/home/app/.cache/pip']);
    expect(targets('FROM python:3.12\nUSER 1000\nRUN pip install x\n', 'pip')).toEqual(['/.cache/pip']);
    expect(targets('FROM python:3.12\nENV HOME=/app\nRUN pip install x\n', 'pip')).toEqual(['/app/.cache/pip']);
    expect(targets('FROM python:3.12\nENV PIP_CACHE_DIR=/cache/pip\nRUN pip install x\n', 'pip')).toEqual(['/cache/pip']);
    expect(targets('FROM python:3.12\nARG PIP_CACHE_DIR=/tmp/pip\nRUN pip install x\n', 'pip')).toEqual(['/tmp/pip']);
    expect(targets('FROM python:3.12\nENV BASE=/opt PIP_CACHE_DIR=$BASE/pip\nRUN pip install x\n', 'pip')).toEqual(['/opt/pip']);
  });

  it('uv and poetry', () => {
    expect(targets('FROM python:3.12\nRUN uv sync\n', 'uv')).toEqual(['/root/.cache/uv']);
    expect(targets('FROM python:3.12\nENV UV_CACHE_DIR=/uv\nRUN uv sync\n', 'uv')).toEqual(['/uv']);
    expect(targets('FROM python:3.12\nUSER app\nRUN poetry install\n', 'poetry')).toEqual(['/home/app/.cache/pypoetry']);
  });

  it('npm, yarn and pnpm', () => {
    expect(targets('FROM node:22\nRUN npm ci\n', 'npm')).toEqual(['/root/.npm']);
    expect(targets('FROM node:22\nUSER node\nRUN npm ci\n', 'npm')).toEqual(['/home/node/.npm']);
    expect(targets('FROM node:22\nENV npm_config_cache=/npm-cache\nRUN npm ci\n', 'npm')).toEqual(['/npm-cache']);
    expect(targets('FROM node:22\nRUN yarn\n', 'yarn')).toEqual(['/usr/local/share/.cache/yarn']);
    expect(targets('FROM node:22\nUSER node\nRUN yarn\n', 'yarn')).toEqual(['/home/node/.cache/yarn']);
    expect(targets('FROM node:22\nENV YARN_CACHE_FOLDER=/yarn\nRUN yarn\n', 'yarn')).toEqual(['/yarn']);
    expect(targets('FROM node:22\nRUN pnpm install\n', 'pnpm')).toEqual(['/root/.local/share/pnpm/store']);
    expect(targets('FROM node:22\nENV PNPM_HOME=/pnpm\nRUN pnpm install\n', 'pnpm')).toEqual(['/pnpm/store']);
  });

  it('system package managers: fixed directories, apt and dnf with sharing=locked', () => {
    const { model, run } = lastRun('FROM debian:12\nUSER app\nRUN apt-get install -y x\n');
    expect(cacheTargets(model, run, 'apt')).toEqual([
      { target: '/var/cache/apt', sharing: 'locked' },
      { target: '/var/lib/apt', sharing: 'locked' },
    ]);
    expect(targets('FROM alpine:3.20\nRUN apk add x\n', 'apk')).toEqual(['/var/cache/apk']);
    expect(targets('FROM fedora:40\nRUN dnf install -y x\n', 'dnf')).toEqual(['/var/cache/dnf']);
    expect(targets('FROM centos:7\nRUN yum install -y x\n', 'yum')).toEqual(['/var/cache/yum']);
    expect(targets('FROM ubi9-minimal\nRUN microdnf install -y x\n', 'microdnf')).toEqual(['/var/cache/yum']);
    expect(targets('FROM azurelinux:3\nRUN tdnf install -y x\n', 'tdnf')).toEqual(['/var/cache/tdnf']);
    expect(targets('FROM opensuse/leap\nRUN zypper in -y x\n', 'zypper')).toEqual(['/var/cache/zypp']);
  });

  it('go: /go/pkg/mod in golang images, GOPATH and GOMODCACHE/GOCACHE relocate', () => {
    expect(targets('FROM golang:1.23\nRUN go build .\n', 'go')).toEqual(['/go/pkg/mod', '/root/.cache/go-build']);
    expect(targets('FROM golang:1.23-alpine AS build\nRUN go build .\n', 'go')).toEqual(['/go/pkg/mod', '/root/.cache/go-build']);
    expect(targets('FROM debian:12\nRUN go build .\n', 'go')).toEqual(['/root/go/pkg/mod', '/root/.cache/go-build']);
    expect(targets('FROM debian:12\nENV GOPATH=/gopath\nRUN go build .\n', 'go')).toEqual(['/gopath/pkg/mod', '/root/.cache/go-build']);
    expect(targets('FROM golang:1.23\nENV GOMODCACHE=/mod GOCACHE=/gocache\nRUN go build .\n', 'go')).toEqual(['/mod', '/gocache']);
    expect(targets('FROM golang:1.23\nUSER app\nRUN go build .\n', 'go')).toEqual(['/go/pkg/mod', '/home/app/.cache/go-build']);
  });

  it('cargo: /usr/local/cargo in rust images, ~/.cargo elsewhere, CARGO_HOME relocates both', () => {
    expect(targets('FROM rust:1.80\nRUN cargo build\n', 'cargo')).toEqual(['/usr/local/cargo/registry', '/usr/local/cargo/git']);
    expect(targets('FROM debian:12\nRUN cargo build\n', 'cargo')).toEqual(['/root/.cargo/registry', '/root/.cargo/git']);
    expect(targets('FROM rust:1.80\nENV CARGO_HOME=/opt/cargo\nRUN cargo build\n', 'cargo')).toEqual(['/opt/cargo/registry', '/opt/cargo/git']);
  });

  it('maven, gradle, bundler, composer', () => {
    expect(targets('FROM maven:3\nRUN mvn package\n', 'maven')).toEqual(['/root/.m2']);
    expect(targets('FROM gradle:8\nUSER gradle\nRUN gradle build\n', 'gradle')).toEqual(['/home/gradle/.gradle']);
    expect(targets('FROM gradle:8\nENV GRADLE_USER_HOME=/cache/gradle\nRUN gradle build\n', 'gradle')).toEqual(['/cache/gradle']);
    expect(targets('FROM ruby:3.3\nRUN bundle install\n', 'bundler')).toEqual(['/usr/local/bundle/cache']);
    expect(targets('FROM php:8.3\nRUN composer install\n', 'composer')).toEqual(['/root/.composer/cache']);
    expect(targets('FROM php:8.3\nENV COMPOSER_CACHE_DIR=/composer\nRUN composer install\n', 'composer')).toEqual(['/composer']);
  });
});

describe('cache mounts', () => {
  it('mountServes: the same directory, a parent or a child, ignoring trailing slashes', () => {
    expect(mountServes('/root/.cache/pip', '/root/.cache/pip')).toBe(true);
    expect(mountServes('/root/.cache/pip/', '/root/.cache/pip')).toBe(true);
    expect(mountServes('/root/.cache', '/root/.cache/pip')).toBe(true);
    expect(mountServes('/root/.cache/pip/http', '/root/.cache/pip')).toBe(true);
    expect(mountServes('/root/.cache/pipx', '/root/.cache/pip')).toBe(false);
    expect(mountServes('/home/app/.cache/pip', '/root/.cache/pip')).toBe(false);
  });

  it('missingCaches: only cache mounts for the right target count', () => {
    const missing = (text: string, manager: PackageManagerId) => {
      const { model, run } = lastRun(text);
      return missingCaches(model, run, manager).map((c) => c.target);
    };
    expect(missing('FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install x\n', 'pip')).toEqual([]);
    expect(missing('FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache pip install x\n', 'pip')).toEqual([]);
    expect(missing('FROM python:3.12\nRUN --mount=type=bind,target=/root/.cache/pip pip install x\n', 'pip')).toEqual(['/root/.cache/pip']);
    expect(missing('FROM python:3.12\nRUN --mount=target=/root/.cache/pip pip install x\n', 'pip')).toEqual(['/root/.cache/pip']);
    expect(missing('FROM python:3.12\nUSER app\nRUN --mount=type=cache,target=/root/.cache/pip pip install x\n', 'pip')).toEqual(['/home/app/.cache/pip']);
    expect(missing('FROM python:3.12\nENV CACHE=/root/.cache/pip\nRUN --mount=type=cache,target=$CACHE pip install x\n', 'pip')).toEqual([]);
    expect(missing('FROM python:3.12\nRUN --mount=type=cache,dst=/root/.cache/pip,id=pip pip install x\n', 'pip')).toEqual([]);
    expect(missing('FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt apt-get install -y x\n', 'apt')).toEqual(['/var/lib/apt']);
  });
});

describe('manifests', () => {
  it('knows manifest names, with globs and in directories', () => {
    for (const name of ['requirements.txt', 'requirements-dev.txt', 'pyproject.toml', 'poetry.lock', 'uv.lock', 'Pipfile.lock', 'package.json', 'package-lock.json', 'yarn.lock', 'pnpm-lock.yaml', 'go.mod', 'go.sum', 'Cargo.toml', 'Cargo.lock', 'pom.xml', 'build.gradle.kts', 'Gemfile', 'Gemfile.lock', 'app.gemspec', 'composer.json', 'composer.lock', 'backend/package.json', './requirements.txt']) {
      expect(isManifestName(name), name).toBe(true);
    }
  });

  it('does not take source files and directories for manifests', () => {
    for (const name of ['.', 'src', 'src/', 'app.py', 'main.go', 'index.js', 'package', 'requirements', 'README.md', 'Dockerfile']) {
      expect(isManifestName(name), name).toBe(false);
    }
  });
});
