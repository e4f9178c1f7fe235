// The migration tables in README.md are generated from the catalogue (`dockopt rules --format
// markdown --migration`, placed by scripts/sync-readme.mjs): they must match, every hadolint code
// must be either covered or explained, and the codes rules declare must be real hadolint codes and
// build checks.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { rules } from '../rules/index.ts';
import { BUILDKIT_CHECKS, HADOLINT_LEFT_OUT, HADOLINT_NOTES, HADOLINT_RULES, migrationMarkdown } from '../src/migration.ts';
import { main, type Io } from '../src/cli.ts';

// @ts-expect-error: plain ESM script without types
import { readmeBlock, START, END } from '../scripts/sync-readme.mjs';

const README = new URL('../README.md', import.meta.url);

describe('migration guide', () => {
  it('README.md has the current migration tables (regenerate: npm run build && node scripts/sync-readme.mjs)', () => {
    const readme = readFileSync(README, 'utf8');
    const block = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
    expect(block).toBe(readmeBlock(migrationMarkdown(rules)));
  });

  it('`dockopt rules --format markdown --migration` prints it', async () => {
    let out = '';
    const io: Io = { stdout: (s) => (out += s), stderr: () => {}, readStdin: async () => '', isTTY: false, columns: () => 100, env: {}, cwd: process.cwd() };
    expect(await main(['rules', '--format', 'markdown', '--migration'], io)).toBe(0);
    expect(out).toBe(migrationMarkdown(rules));
    out = '';
    expect(await main(['rules', '--format', 'json', '--migration'], io)).toBe(0);
    const json = JSON.parse(out);
    expect(json.hadolint.find((e: { code: string }) => e.code === 'DL3008').rules[0]).toMatchObject({ code: 'DO301', name: 'unpinned-apt-package', enabledByDefault: false });
  });

  const known = new Set(HADOLINT_RULES.map((r) => r.code));
  const declared = new Set(rules.flatMap((r) => r.meta.hadolint ?? []).filter((c) => c.startsWith('DL')));

  it('rules declare only real hadolint DL codes and build checks', () => {
    expect([...declared].filter((c) => !known.has(c))).toEqual([]);
    expect(rules.flatMap((r) => r.meta.buildkit ?? []).filter((c) => !BUILDKIT_CHECKS.includes(c))).toEqual([]);
    expect(Object.keys(HADOLINT_NOTES).filter((c) => !known.has(c))).toEqual([]);
  });

  it('every hadolint DL rule is either covered or left out with a reason, and at least 65 are covered', () => {
    for (const { code } of HADOLINT_RULES) expect(declared.has(code) !== (code in HADOLINT_LEFT_OUT), code).toBe(true);
    expect(declared.size).toBeGreaterThanOrEqual(65);
  });
});
