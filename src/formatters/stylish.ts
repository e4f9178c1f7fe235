import type { Formatter } from './index.ts';
import type { Severity } from '../types.ts';
import { colors } from '../colors.ts';

export const stylish: Formatter = (result, options) => {
  const c = colors(options.color);
  const paint: Record<Severity, (s: string) => string> = { error: c.red, warning: c.yellow, info: c.blue, style: c.gray };
  const out: string[] = [];
  for (const file of result.files) {
    if (file.error) {
      out.push(`${c.underline(file.path)}`, `  ${c.red('error')}  ${file.error}`, '');
      continue;
    }
    if (file.findings.length === 0) continue;
    out.push(c.underline(file.path));
    const rows = file.findings.map((f) => [`${f.line}:${f.column}`, f.severity, f.message, `${f.code} ${f.name}${f.fix ? ` (${f.fix.applicability === 'safe' ? 'fixable' : 'unsafe fix'})` : ''}`]);
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    for (const [pos, sev, msg, code] of rows) {
      out.push(`  ${c.dim(pos.padEnd(w0))}  ${paint[sev as Severity](sev.padEnd(w1))}  ${msg}  ${c.dim(code)}`);
    }
    out.push('');
  }
  const s = result.summary;
  const parts = (['error', 'warning', 'info', 'style'] as const).filter((k) => s.bySeverity[k]).map((k) => `${s.bySeverity[k]} ${k}${s.bySeverity[k] === 1 || k === 'info' || k === 'style' ? '' : 's'}`);
  if (s.findings > 0) {
    const icon = s.failing > 0 ? c.red('✖') : c.yellow('!');
    out.push(`${icon} ${s.findings} problem${s.findings === 1 ? '' : 's'} (${parts.join(', ')}) in ${s.files} file${s.files === 1 ? '' : 's'}`);
    if (s.fixable) out.push(`  ${s.fixable} fixable with \`dockopt fix\` (some with --unsafe).`);
  } else if (s.filesWithErrors === 0) {
    out.push(`${c.green('✔')} ${s.files} file${s.files === 1 ? '' : 's'} checked, no problems.`);
  }
  if (s.filesWithErrors) out.push(c.red(`${s.filesWithErrors} file${s.filesWithErrors === 1 ? '' : 's'} could not be linted.`));
  if (s.baselined) out.push(c.dim(`${s.baselined} finding${s.baselined === 1 ? '' : 's'} in the baseline not shown.`));
  return `${out.join('\n')}\n`;
};
