import type { Formatter } from './index.ts';
import { xml } from './xml.ts';

export const junit: Formatter = (result) => {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let errors = 0;
  for (const f of result.files) {
    const cases: string[] = [];
    if (f.error) {
      errors++;
      cases.push(`    <testcase name="${xml(f.path)}" classname="${xml(f.path)}">\n      <error message="${xml(f.error)}" />\n    </testcase>`);
    } else if (f.findings.length === 0) {
      cases.push(`    <testcase name="${xml(f.path)}" classname="${xml(f.path)}" />`);
    }
    for (const x of f.findings) {
      failures++;
      cases.push(
        `    <testcase name="${xml(`${x.code} ${x.name} (${x.line}:${x.column})`)}" classname="${xml(f.path)}">\n      <failure message="${xml(x.message)}" type="${x.severity}">${xml(`${f.path}:${x.line}:${x.column} ${x.severity} ${x.message} ${x.code}`)}</failure>\n    </testcase>`,
      );
    }
    tests += cases.length;
    const fileFailures = f.findings.length;
    suites.push(`  <testsuite name="${xml(f.path)}" tests="${cases.length}" failures="${fileFailures}" errors="${f.error ? 1 : 0}">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="dockopt" tests="${tests}" failures="${failures}" errors="${errors}">\n${suites.join('\n')}\n</testsuites>\n`;
};
