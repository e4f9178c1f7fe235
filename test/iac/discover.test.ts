// Discovery of image declarations in Pulumi and CDK programs, asserted exactly.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { discoverImages } from '../../src/iac/discover.ts';
import { ROOT } from '../support/cli.ts';

const repo = join(ROOT, 'fixtures', 'iac-monorepo');
const at = (p: string) => join(repo, p);

describe('IaC discovery (ts-morph, static)', async () => {
  const d = await discoverImages(['infra/**/*.ts'], repo);
  const byName = Object.fromEntries(d.images.map((i) => [i.name, i]));

  it('finds all three Pulumi resource kinds with aliases, path helpers and imported constants', () => {
    expect(byName.base).toEqual({
      name: 'base', kind: '@pulumi/docker Image', file: 'infra/pulumi/index.ts', line: 12,
      context: repo, dockerfile: at('services/base/Dockerfile'),
      args: { PYTHON_VERSION: '3.12' }, platform: 'linux/arm64', tags: ['receipts/base:latest'],
    });
    expect(byName.polling).toEqual({
      name: 'polling', kind: '@pulumi/docker-build Image', file: 'infra/pulumi/index.ts', line: 22,
      context: repo, dockerfile: at('services/polling/Dockerfile'),
      args: { BASE_IMAGE: 'receipts/base:latest', VERSION: 'v1' }, target: 'final', platform: 'linux/arm64', tags: ['receipts/polling:latest'],
    });
    expect(byName.submit).toEqual({
      name: 'submit', kind: '@pulumi/awsx ecr.Image', file: 'infra/pulumi/index.ts', line: 32,
      context: at('services/submit'), dockerfile: at('services/submit/Dockerfile'),
      args: { BASE_IMAGE: 'receipts/base:latest' }, platform: 'linux/arm64', tags: [],
    });
  });

  it('finds all four CDK forms; file is relative to the directory; Platform constants map', () => {
    expect(byName.WebImage).toMatchObject({ kind: 'aws-cdk-lib DockerImageAsset', line: 11, context: at('services/web'), dockerfile: at('services/web/Dockerfile.prod'), args: { NODE_ENV: 'production' }, target: 'runtime', platform: 'linux/amd64' });
    expect(byName.code).toMatchObject({ kind: 'aws-cdk-lib DockerImageCode.fromImageAsset', line: 19, context: at('services/polling'), dockerfile: at('services/polling/Dockerfile'), platform: 'linux/arm64' });
    // DockerImageFunction's code: named after the function's construct id
    expect(byName.Submit).toMatchObject({ kind: 'aws-cdk-lib DockerImageCode.fromImageAsset', line: 24, context: at('services/submit'), args: { BASE_IMAGE: 'receipts/base:latest' } });
    expect(byName['infra/cdk/stack.ts:29']).toMatchObject({ kind: 'aws-cdk-lib ContainerImage.fromAsset', context: at('services/worker'), dockerfile: at('services/worker/Dockerfile') });
    expect(d.images).toHaveLength(7);
  });

  it('leaves out values it cannot resolve, with file:line warnings, and never guesses', () => {
    expect(d.warnings).toEqual([
      { file: 'infra/cdk/stack.ts', line: 32, message: 'aws-cdk-lib DockerImageAsset "Computed": context is not static (`computeDir()` is a function call); left out (dockopt never guesses)' },
      { file: 'infra/pulumi/index.ts', line: 40, message: '@pulumi/docker Image "dynamic": context is not static (`repo.url` is not a static value); left out (dockopt never guesses)' },
    ]);
    expect(byName.dynamic).toBeUndefined();
    expect(byName.Computed).toBeUndefined();
  });

  it('returns nothing (and does not load ts-morph) when no file matches', async () => {
    expect(await discoverImages(['nothing/**/*.ts'], repo)).toEqual({ images: [], warnings: [], files: [] });
  });
});
