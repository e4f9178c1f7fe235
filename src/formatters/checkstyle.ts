import type { Formatter } from './index.ts';
import { xml } from './xml.ts';

export const checkstyle: Formatter = (result) => {
  const out = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const f of result.files) {
    out.push(`  <file name="${xml(f.path)}">`);
    if (f.error) out.push(`    <error line="1" column="1" severity="error" message="${xml(f.error)}" source="dockopt.input" />`);
    for (const x of f.findings) {
      const sev = x.severity === 'style' ? 'info' : x.severity;
      out.push(`    <error line="${x.line}" column="${x.column}" severity="${sev}" message="${xml(x.message)}" source="dockopt.${x.code}" />`);
    }
    out.push('  </file>');
  }
  out.push('</checkstyle>');
  return `${out.join('\n')}\n`;
};
