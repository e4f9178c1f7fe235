// Config errors name the file and the line of the offending key, for the YAML shapes people write.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { DockoptError } from '../src/errors.ts';

async function errorOf(name: string, text: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'dockopt-config-'));
  writeFileSync(join(dir, name), text);
  try {
    await loadConfig(dir);
  } catch (err) {
    if (err instanceof DockoptError) return err.format().replace(dir + '/', '');
    throw err;
  }
  return 'no error';
}

describe('config errors', () => {
  it('point at nested keys in block mappings', async () => {
    expect(await errorOf('.dockopt.yaml', '# comment\nrules:\n  DO101: off\ncontext:\n  maxBytes: 10\n  maxFile: 3\n')).toBe('.dockopt.yaml:6: unknown key "context.maxFile" (see schema/dockopt.schema.json)');
  });

  it('point at keys inside list items and flow mappings', async () => {
    expect(await errorOf('.dockopt.yaml', 'overrides:\n  - files: ["a/**"]\n    rules: { DO101: off }\n  - files: b\n    contxt: .\n')).toBe('.dockopt.yaml:5: unknown key "overrides.1.contxt" (see schema/dockopt.schema.json)');
    expect(await errorOf('.dockopt.yaml', 'images:\n  api: { dockerfile: Dockerfile, tgs: [x] }\n')).toBe('.dockopt.yaml:2: unknown key "images.api.tgs" (see schema/dockopt.schema.json)');
  });

  it('report bad values and YAML syntax errors with their line', async () => {
    expect(await errorOf('.dockopt.yaml', 'rules:\n  DO101: loud\n')).toBe('.dockopt.yaml:2: "rules.DO101" must be one of "off", "error", "warning", "info", "style" (see schema/dockopt.schema.json)');
    expect(await errorOf('.dockopt.yaml', 'rules:\n  DO101: off\n bad: [\n')).toMatch(/^\.dockopt\.yaml:3: invalid YAML: /);
    expect(await errorOf('.dockopt.json', '{\n  "rules": {},\n  "bogus": 1\n}\n')).toBe('.dockopt.json:3: unknown key "bogus" (see schema/dockopt.schema.json)');
  });

  it('an empty file is an empty config', async () => {
    expect(await errorOf('.dockopt.yaml', '')).toBe('no error');
    expect(await errorOf('.dockopt.yaml', '# nothing yet\n')).toBe('no error');
  });
});
