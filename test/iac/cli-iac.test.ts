// Infrastructure-code discovery end to end: targets, build plans and lint contexts from Pulumi/CDK
// programs, and ts-morph loaded only when discovery is asked for.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dockopt, project, ROOT } from '../support/cli.ts';
import { describeEngine } from '../support/engine.ts';

const IAC = ['--iac', 'infra/**/*.ts'];

describe('dockopt targets', () => {
  it('lists every discovered target with its declaration, context and inferred dependencies', () => {
    const dir = project('iac-monorepo');
    const r = dockopt(['targets', '--format', 'json', ...IAC], { cwd: dir });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const byName = Object.fromEntries(doc.targets.map((t: { name: string }) => [t.name, t]));
    expect(byName.base).toEqual({ name: 'base', source: 'infra/pulumi/index.ts:12', dockerfile: 'services/base/Dockerfile', context: '.', tags: ['receipts/base:latest'], args: { PYTHON_VERSION: '3.12' }, target: null, platform: 'linux/arm64', dependsOn: [], error: null });
    expect(byName.polling).toMatchObject({ source: 'infra/pulumi/index.ts:22', context: '.', target: 'final', dependsOn: [{ on: 'base', why: expect.stringContaining('receipts/base:latest') }] });
    expect(byName.WebImage).toMatchObject({ source: 'infra/cdk/stack.ts:11', dockerfile: 'services/web/Dockerfile.prod', context: 'services/web', target: 'runtime', platform: 'linux/amd64' });
    expect(doc.targets.map((t: { name: string }) => t.name)).toEqual(['WebImage', 'code', 'Submit', 'infra/cdk/stack.ts:29', 'base', 'polling', 'submit']);
    expect(doc.warnings).toEqual([
      'infra/cdk/stack.ts:32: aws-cdk-lib DockerImageAsset "Computed": context is not static (`computeDir()` is a function call); left out (dockopt never guesses)',
      'infra/pulumi/index.ts:40: @pulumi/docker Image "dynamic": context is not static (`repo.url` is not a static value); left out (dockopt never guesses)',
    ]);
  });

  it('takes the globs from the config (discover.iac) and lists configured targets next to discovered ones', () => {
    const dir = project('iac-monorepo', { '.dockopt.yaml': 'discover:\n  iac: ["infra/pulumi/*.ts"]\nimages:\n  tools:\n    dockerfile: services/web/Dockerfile.prod\n' });
    const doc = JSON.parse(dockopt(['targets', '--format', 'json'], { cwd: dir }).stdout);
    expect(doc.targets.map((t: { name: string; source: string }) => `${t.name}@${t.source}`)).toEqual(['tools@config', 'base@infra/pulumi/index.ts:12', 'polling@infra/pulumi/index.ts:22', 'submit@infra/pulumi/index.ts:32']);
  });

  it('a name declared twice is one clear error', () => {
    const dir = project('iac-monorepo', { '.dockopt.yaml': 'discover:\n  iac: ["infra/pulumi/*.ts"]\nimages:\n  base:\n    dockerfile: services/base/Dockerfile\n' });
    const r = dockopt(['targets'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^dockopt: .*\.dockopt\.yaml: two targets are named "base": config and infra\/pulumi\/index\.ts:12 \(rename one of them\)\n$/);
  });
});

describe('lint with infrastructure-code contexts', () => {
  // The polling image is built from the repository root (Pulumi says so): its COPY of a file that
  // is missing there is an error only when dockopt knows that context.
  const files = { 'services/polling/Dockerfile': 'FROM busybox:local\nCOPY services/polling/handler.py /var/task/\nCOPY services/polling/missing.py /var/task/\n' };

  it('uses the context the IaC declaration gives a Dockerfile', () => {
    const dir = project('iac-monorepo', files);
    const r = dockopt(['lint', 'services/polling/Dockerfile', '--format', 'json', '--failure-threshold', 'error', '--iac', 'infra/pulumi/*.ts'], { cwd: dir });
    const codes = JSON.parse(r.stdout).files[0].findings.map((f: { code: string; line: number }) => `${f.code}@${f.line}`);
    expect(codes).toContain('DO604@3');
    expect(codes).not.toContain('DO604@2');
    expect(r.stderr).toContain('infra/pulumi/index.ts:40: @pulumi/docker Image "dynamic"');
    expect(r.code).toBe(1);
  });

  it('without discovery the Dockerfile directory is the context, and ts-morph is not loaded', () => {
    const dir = project('iac-monorepo', files);
    const record = join(dir, 'modules.txt');
    const r = dockopt(['lint', 'services/polling/Dockerfile', '--format', 'json', '--failure-threshold', 'error'], {
      cwd: dir,
      env: { NODE_OPTIONS: `--require ${join(ROOT, 'test', 'support', 'record-modules.cjs')}`, DOCKOPT_RECORD_MODULES: record },
    });
    expect(JSON.parse(r.stdout).files[0].findings.map((f: { code: string }) => f.code)).not.toContain('DO604');
    const loaded = readFileSync(record, 'utf8').split('\n');
    expect(loaded).not.toContain('ts-morph');
    expect(loaded).not.toContain('handlebars');
    // ...and with discovery it is.
    const record2 = join(dir, 'modules2.txt');
    dockopt(['lint', 'services/polling/Dockerfile', '--format', 'json', ...IAC], { cwd: dir, env: { NODE_OPTIONS: `--require ${join(ROOT, 'test', 'support', 'record-modules.cjs')}`, DOCKOPT_RECORD_MODULES: record2 } });
    expect(readFileSync(record2, 'utf8').split('\n')).toContain('ts-morph');
  });
});

describeEngine('build planned from infrastructure code', () => {
  it('discovery feeds `dockopt build --dry-run --format json`: order, dependencies, nothing built', () => {
    const dir = project('iac-monorepo');
    const r = dockopt(['build', '--dry-run', '--format', 'json', '--iac', 'infra/pulumi/*.ts', '--builtin-frontend'], { cwd: dir });
    expect(r.stderr).toContain('infra/pulumi/index.ts:40');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const names = doc.targets.map((t: { name: string }) => t.name);
    expect(new Set(names)).toEqual(new Set(['base', 'polling', 'submit']));
    expect(names.indexOf('base')).toBeLessThan(names.indexOf('polling'));
    for (const t of doc.targets) expect(t).toMatchObject({ status: 'would-build', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(doc.targets.find((t: { name: string }) => t.name === 'polling').reason).toBeTruthy();
  });
});
