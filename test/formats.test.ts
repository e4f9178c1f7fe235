// Every output format on the same result; SARIF validated against the SARIF 2.1.0 schema.
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import Ajv04Module from 'ajv-draft-04';
import { FORMATTERS } from '../src/formatters/index.ts';
import { lintText, summarize, type LintResult } from '../src/lint.ts';

const require = createRequire(import.meta.url);
// ajv-draft-04 is CommonJS with `exports.default`; interop differs between tsc and vitest.
const Ajv04 = ((Ajv04Module as unknown as { default?: typeof Ajv04Module }).default ?? Ajv04Module) as unknown as typeof import('ajv').Ajv;

function result(): LintResult {
  const text = 'FROM node\nRUN cd /app && npm install\nCMD node "server.js" <&>\n';
  const files = [
    { path: 'svc/a b/Dockerfile', absolutePath: '/x/svc/a b/Dockerfile', error: null, findings: lintText(text, 'Dockerfile'), text },
    { path: 'missing/Dockerfile', absolutePath: null, error: 'no such file or directory', findings: [] },
  ];
  return { files, summary: summarize(files, 'warning') };
}
const opts = { color: false, version: '0.0.0-test', cwd: '/x' };

describe('formats', () => {
  it('sarif validates against the SARIF 2.1.0 schema and carries rules and locations', () => {
    const schema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
    const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    const doc = JSON.parse(FORMATTERS.sarif(result(), opts));
    const ok = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const run = doc.runs[0];
    expect(run.tool.driver.name).toBe('dockopt');
    const r0 = run.results.find((r: { ruleId: string }) => r.ruleId === 'DO200');
    expect(r0.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'svc/a%20b/Dockerfile', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 6, endLine: 1, endColumn: 10 } });
    expect(run.tool.driver.rules[r0.ruleIndex].id).toBe('DO200');
    expect(run.invocations[0].executionSuccessful).toBe(false);
  });

  it('checkstyle and junit are well-formed XML with escaped messages', () => {
    const cs = FORMATTERS.checkstyle(result(), opts);
    expect(cs).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<checkstyle version="4.3">/);
    expect(cs).toContain('<file name="svc/a b/Dockerfile">');
    expect(cs).toMatch(/<error line="1" column="6" severity="warning" message="Base image &quot;node&quot; has no tag[^"]*" source="dockopt.DO200" \/>/);
    const ju = FORMATTERS.junit(result(), opts);
    expect(ju).toMatch(/<testsuites name="dockopt" tests="\d+" failures="\d+" errors="1">/);
    expect(ju).toContain('<error message="no such file or directory" />');
    for (const xml of [cs, ju]) {
      const opens = (xml.match(/<(?!\?|\/)[a-z]+[^>]*[^/]>/g) ?? []).length;
      const closes = (xml.match(/<\/[a-z]+>/g) ?? []).length;
      expect(opens).toBe(closes);
    }
  });

  it('github emits workflow commands with escaped properties', () => {
    const gh = FORMATTERS.github(result(), opts).split('\n');
    expect(gh).toContain('::error file=missing/Dockerfile,title=dockopt::no such file or directory');
    expect(gh.some((l) => /^::warning file=svc\/a b\/Dockerfile,line=1,col=6,endLine=1,endColumn=10,title=DO200 untagged-base-image::Base image "node"/.test(l))).toBe(true);
  });

  it('codeclimate is a JSON array of issues with fingerprints', () => {
    const issues = JSON.parse(FORMATTERS.codeclimate(result(), opts));
    expect(issues.length).toBeGreaterThan(1);
    for (const i of issues) expect(i).toMatchObject({ type: 'issue', check_name: expect.any(String), fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/), location: { path: expect.any(String) } });
    expect(new Set(issues.map((i: { fingerprint: string }) => i.fingerprint)).size).toBe(issues.length);
  });

  it('stylish groups by file and ends with a summary', () => {
    const out = FORMATTERS.stylish(result(), opts);
    expect(out).toMatch(/^svc\/a b\/Dockerfile\n {2}1:1 +warning/);
    expect(out).toContain('missing/Dockerfile\n  error  no such file or directory');
    expect(out).toMatch(/✖ \d+ problems \(\d+ warnings?.*\) in 2 files/);
    expect(out).toContain('1 file could not be linted.');
  });
});
