// .dockerignore generation against the context model: templates per ecosystem, junk and large
// unused paths, and never a line that excludes what a COPY/ADD/bind mount of a Dockerfile reads.
import { beforeAll, describe, expect, it } from 'vitest';
import { virtualBuildContext } from '../../src/context/facts.ts';
import { parseDockerfile } from '../../src/model.ts';
import { DockerIgnore } from '../../src/context/ignore.ts';
import { ignoreTemplatesFor, loadIgnoreRenderer, planDockerignore, type IgnoreInputs } from '../../src/fix/dockerignore.ts';

let render: ReturnType<typeof loadIgnoreRenderer>;
beforeAll(() => {
  render = loadIgnoreRenderer();
});

function inputs(listing: Record<string, string | number>, dockerfiles: Record<string, string>, existing: string | null = null): IgnoreInputs {
  const withIgnore = existing === null ? listing : { ...listing, '.dockerignore': existing };
  return {
    context: virtualBuildContext(withIgnore),
    existing,
    ignorePath: '.dockerignore',
    dockerfiles: Object.entries(dockerfiles).map(([path, text]) => ({ path, model: parseDockerfile(text, path) })),
  };
}

const patterns = (text: string) => text.split(/\r?\n/).filter((l) => l && !l.startsWith('#'));

describe('.dockerignore generation', () => {
  it('makes a file from the templates of the ecosystems found', () => {
    const plan = planDockerignore(
      inputs({ 'requirements.txt': 'flask\n', 'app/main.py': '', 'web/package.json': '{}' }, { Dockerfile: 'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY app/ /app/\n' }),
      render,
    )!;
    expect(ignoreTemplatesFor(inputs({ 'web/package.json': '{}', 'go.mod': '' }, {}))).toEqual(['common', 'node', 'go', 'generic']);
    expect(plan.applicability).toBe('safe');
    expect(plan.added.map((s) => s.section)).toEqual([
      'This file',
      'Version control',
      'Editors and IDEs',
      'Operating system files',
      'Logs and local caches',
      'Python caches and virtualenvs',
      'Python build outputs',
      'Node.js packages and caches',
      'Node.js build outputs',
      'Infrastructure tool state',
    ]);
    expect(plan.text.startsWith('# Made by `dockopt fix`: what the build does not need. A path a COPY/ADD reads is never listed here.\n\n# This file\n.dockerignore\n\n# Version control\n.git\n.hg\n.svn\n\n# Editors and IDEs\n')).toBe(true);
    expect(plan.text.endsWith('\n# Infrastructure tool state\n.terraform\n.pulumi\ncdk.out\n')).toBe(true);
    expect(plan.skipped).toEqual([]);
  });

  it('never excludes a path a COPY, ADD or bind mount reads by name', () => {
    const plan = planDockerignore(
      inputs(
        { 'requirements.txt': '', 'build/wheels/a.whl': 'w', 'dist/app-1.0.tar.gz': 'x', '.cache/pip/x': 'c', 'coverage/lcov.info': '' },
        {
          Dockerfile:
            'FROM python:3.12\nCOPY requirements.txt .\nCOPY build/wheels /wheels\nADD dist/*.tar.gz /opt/\nRUN --mount=type=bind,source=.cache/pip,target=/root/.cache/pip pip install -r requirements.txt\n',
        },
      ),
      render,
    )!;
    expect(plan.skipped).toEqual([
      { pattern: '.cache', reason: 'a bind mount on line 5 of Dockerfile reads .cache/pip' },
      { pattern: 'dist', reason: 'ADD on line 4 of Dockerfile reads dist/app-1.0.tar.gz' },
      { pattern: 'build', reason: 'COPY on line 3 of Dockerfile reads build/wheels' },
    ]);
    const ignore = DockerIgnore.parse(plan.text);
    for (const read of ['requirements.txt', 'build/wheels', 'build/wheels/a.whl', 'dist/app-1.0.tar.gz', '.cache/pip']) expect(ignore.matches(read), read).toBe(false);
  });

  it('with COPY . . it leaves build outputs alone (the image may be made of them) but not junk', () => {
    const plan = planDockerignore(inputs({ 'package.json': '{}', 'dist/server.js': '', '.git/HEAD': '', 'node_modules/x/i.js': '' }, { Dockerfile: 'FROM node:22\nWORKDIR /app\nCOPY . .\nCMD ["node", "dist/server.js"]\n' }), render)!;
    expect(patterns(plan.text)).toEqual(expect.arrayContaining(['.git', '**/node_modules']));
    expect(patterns(plan.text)).not.toContain('dist');
    expect(plan.skipped).toContainEqual({ pattern: 'dist', reason: 'Dockerfile copies the whole context, which may include build outputs' });
  });

  it('adds large paths no Dockerfile of the context reads', () => {
    const plan = planDockerignore(
      inputs({ 'app/main.py': '', 'fixtures/big.json': 40_000_000, 'docs/manual.pdf': 20_000_000 }, { Dockerfile: 'FROM python:3.12\nCOPY app/ /app/\n', 'Dockerfile.docs': 'FROM nginx:1.27\nCOPY docs/ /usr/share/nginx/html/\n' }),
      render,
    )!;
    expect(plan.added.find((s) => s.section === 'Large paths no COPY or ADD reads')?.patterns).toEqual(['fixtures']);
    expect(patterns(plan.text)).not.toContain('docs');
  });

  it('proposes additions to an existing file as an unsafe fix, without repeating its lines', () => {
    const plan = planDockerignore(inputs({ 'app.sh': '' }, { Dockerfile: 'FROM alpine\nCOPY app.sh /app.sh\n' }, '# mine\r\n.git\r\n*.log\r\n'), render)!;
    expect(plan.applicability).toBe('unsafe');
    expect(plan.text.startsWith('# mine\r\n.git\r\n*.log\r\n\r\n# Added by `dockopt fix`\r\n# Version control\r\n.hg\r\n.svn\r\n')).toBe(true);
    expect(patterns(plan.text).filter((p) => p === '.git' || p === '*.log')).toEqual(['.git', '*.log']);
    expect(patterns(plan.text)).not.toContain('.dockerignore');
  });

  it('an existing file that already has everything gets nothing; an invalid one is left alone', () => {
    const first = planDockerignore(inputs({ 'app.sh': '' }, { Dockerfile: 'FROM alpine\nCOPY app.sh /app.sh\n' }), render)!;
    expect(planDockerignore(inputs({ 'app.sh': '' }, { Dockerfile: 'FROM alpine\nCOPY app.sh /app.sh\n' }, first.text), render)).toBeNull();
    expect(planDockerignore(inputs({ 'app.sh': '' }, { Dockerfile: 'FROM alpine\n' }, '[\n'), render)).toBeNull();
  });

  it('a re-included path stays included', () => {
    // Everything out, app/ back in: appending `**/node_modules` must not drop app's files, and
    // `.cache` must not be added when app/.cache is read.
    const plan = planDockerignore(inputs({ 'app/main.js': '', 'app/.cache/seed.json': '' }, { Dockerfile: 'FROM node:22\nCOPY app/ /app/\nCOPY app/.cache/seed.json /seed.json\n' }, '*\n!app\n'), render)!;
    const ignore = DockerIgnore.parse(plan.text);
    expect(ignore.matches('app/main.js')).toBe(false);
    expect(ignore.matches('app/.cache/seed.json')).toBe(false);
  });
});
