// What the catalogue claims must be true: metadata is complete and unique, each rule's docs
// examples behave as documented, and the generated index is current.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { rules } from '../rules/index.ts';
import { lintWith } from './support/harness.ts';
import { virtualBuildContext } from '../src/context/facts.ts';
import { skipShellcheck } from './support/shellcheck.ts';
// @ts-expect-error: plain ESM script without types
import { renderIndex } from '../scripts/gen-rules-index.mjs';

describe('rule catalogue', () => {
  it('rules/index.ts is generated from the rule files', () => {
    expect(readFileSync(new URL('../rules/index.ts', import.meta.url), 'utf8')).toBe(renderIndex());
  });

  it('codes and names are well-formed and unique', () => {
    const codes = new Set<string>();
    const names = new Set<string>();
    for (const r of rules) {
      expect(r.meta.code).toMatch(/^DO\d{3}$/);
      expect(r.meta.name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(codes.has(r.meta.code), r.meta.code).toBe(false);
      expect(names.has(r.meta.name), r.meta.name).toBe(false);
      codes.add(r.meta.code);
      names.add(r.meta.name);
      for (const dl of r.meta.hadolint ?? []) expect(dl).toMatch(/^(DL\d{4}|SC\d{4})$/);
      for (const b of r.meta.buildkit ?? []) expect(b).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(r.meta.docs.summary.length).toBeGreaterThan(10);
      expect(r.meta.docs.rationale.length).toBeGreaterThan(30);
    }
  });

  it('the file name of each rule matches its code and name', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(new URL('../rules/', import.meta.url)).filter((f) => /^DO\d/.test(f));
    expect(files.sort()).toEqual(rules.map((r) => `${r.meta.code}-${r.meta.name}.ts`).sort());
  });

  // Meta rules are reported by the suppression filter, so their docs are checked there.
  const META = new Set(['DO001', 'DO002']);
  for (const r of rules) {
    // The shellcheck rule reports what the shellcheck binary finds.
    it.skipIf(r.meta.name === 'shellcheck' && skipShellcheck())(`${r.meta.code} ${r.meta.name}: the bad example triggers it, the good one does not`, () => {
      const extra = META.has(r.meta.code) ? ['DO204'] : [];
      const { settings, context } = r.meta.docs;
      // Context rules are linted with the listings their docs describe.
      const bad = context ? { ...settings, buildContext: virtualBuildContext(context.bad) } : settings;
      const good = context ? { ...settings, buildContext: virtualBuildContext(context.good ?? context.bad) } : settings;
      expect(lintWith(r.meta.code, r.meta.docs.bad, {}, extra, bad).filter((f) => f.code === r.meta.code).length).toBeGreaterThan(0);
      expect(lintWith(r.meta.code, r.meta.docs.good, {}, extra, good).filter((f) => f.code === r.meta.code)).toEqual([]);
    });
  }
});
