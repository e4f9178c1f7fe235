// Applying text edits to a file's text. Edits are offsets into the text they were computed on.
import type { Edit } from '../types.ts';

export interface ApplyResult {
  text: string;
  applied: Edit[];
  /** Edits that overlapped an earlier one: left for the next pass. */
  skipped: Edit[];
}

/** Apply non-overlapping edits (in offset order); overlapping ones are skipped, never merged. */
export function applyEdits(text: string, edits: readonly Edit[]): ApplyResult {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const applied: Edit[] = [];
  const skipped: Edit[] = [];
  let out = '';
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end < e.start || e.end > text.length) {
      skipped.push(e);
      continue;
    }
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
    applied.push(e);
  }
  out += text.slice(pos);
  return { text: out, applied, skipped };
}
