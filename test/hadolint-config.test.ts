// A .hadolint.yaml (without a dockopt config) drives the DL rules end to end: ignored, override,
// failure-threshold, trustedRegistries (list or one string), label-schema and strict-labels.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { lintFiles } from '../src/lint.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dockopt-hadolint-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

async function findings(files: Record<string, string>) {
  const cwd = project(files);
  const result = await lintFiles(['Dockerfile'], { cwd });
  return { result, found: result.files[0].findings.map((f) => `${f.code}@${f.line}:${f.severity}`) };
}

describe('.hadolint.yaml', () => {
  const dockerfile = 'FROM quay.io/acme/base:1.0\nLABEL version="v1" build-host=ci\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1 && rm -rf /var/lib/apt/lists/*\n';

  it('label-schema and strict-labels reach the label rules', async () => {
    const { found } = await findings({
      '.hadolint.yaml': 'label-schema:\n  version: semver\n  maintainer: email\nstrict-labels: true\n',
      Dockerfile: dockerfile,
    });
    expect(found).toEqual(expect.arrayContaining(['DO329@1:info', 'DO336@2:warning', 'DO330@2:info']));
    expect(found.filter((f) => f.startsWith('DO329'))).toEqual(['DO329@1:info']); // maintainer only
  });

  it('without label-schema the label rules stay quiet', async () => {
    const { found } = await findings({ '.hadolint.yaml': 'ignored: []\n', Dockerfile: dockerfile });
    expect(found.filter((f) => /^DO3(29|3[0-7])/.test(f))).toEqual([]);
  });

  it('ignored, override and trustedRegistries as one string', async () => {
    const { found } = await findings({
      '.hadolint.yaml': 'ignored:\n  - DL3048\noverride:\n  error:\n    - DL3008\n  style:\n    - DL3026\ntrustedRegistries: docker.io\n',
      Dockerfile: 'FROM quay.io/acme/base:1.0\nLABEL Version=1\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    });
    expect(found).toContain('DO309@1:style'); // quay.io is not trusted
    expect(found).toContain('DO301@3:error'); // off by default, turned on by override
    expect(found.some((f) => f.startsWith('DO328'))).toBe(false); // DL3048 ignored
  });

  it('failure-threshold', async () => {
    const { result } = await findings({ '.hadolint.yaml': 'failure-threshold: error\n', Dockerfile: 'FROM debian\n' });
    expect(result.summary.failing).toBe(0);
    const ignore = await findings({ '.hadolint.yaml': 'failure-threshold: ignore\n', Dockerfile: 'FROM debian:bookworm\nLABEL Version=1\n' });
    expect(ignore.result.summary.failing).toBeGreaterThan(0);
  });
});
