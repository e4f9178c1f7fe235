import type { Finding } from '../types.ts';

/** sha256 of the parts, shortened: used where tools want a stable issue identity. */
export function hashParts(...parts: string[]): string {
  // node:crypto is loaded on first use only: it costs start-up time on every lint otherwise.
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 32);
}

/**
 * A stable identity for a finding that survives unrelated edits above it: the path, the code and
 * the text of the line(s) it points at (whitespace collapsed), not the line number.
 */
export function fingerprint(path: string, finding: Pick<Finding, 'code' | 'start' | 'end'>, text: string | undefined): string {
  let snippet = '';
  // Zero-width findings (about the whole file, like a missing directive) have no text of their own.
  if (text !== undefined && finding.end > finding.start) {
    const lineStart = text.lastIndexOf('\n', finding.start - 1) + 1;
    let lineEnd = text.indexOf('\n', finding.end);
    if (lineEnd === -1) lineEnd = text.length;
    snippet = text.slice(lineStart, lineEnd).replace(/\s+/g, ' ').trim();
  }
  return hashParts(path, finding.code, snippet);
}
