import type { Formatter } from './index.ts';
import type { Severity } from '../types.ts';

// GitHub Actions workflow commands: https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions
const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice', style: 'notice' };
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = (result) => {
  const out: string[] = [];
  for (const f of result.files) {
    if (f.error) out.push(`::error file=${prop(f.path)},title=dockopt::${data(f.error)}`);
    for (const x of f.findings) {
      out.push(
        `::${COMMAND[x.severity]} file=${prop(f.path)},line=${x.line},col=${x.column},endLine=${x.endLine},endColumn=${x.endColumn},title=${prop(`${x.code} ${x.name}`)}::${data(x.message)}`,
      );
    }
  }
  return out.length ? `${out.join('\n')}\n` : '';
};
