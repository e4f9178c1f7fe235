import { defineRule } from '../src/types.ts';
import type { DockerfileModel, Instruction } from '../src/model.ts';

/** 0-based lines inside `inst` that are empty although the line before continued the instruction. */
function emptyContinuationLines(model: DockerfileModel, inst: Instruction): number[] {
  const { text, lineStarts, escapeChar } = model;
  const lineText = (l: number) => text.slice(lineStarts[l], lineStarts[l + 1] ?? text.length).replace(/\r?\n$/, '');
  const esc = escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  const continues = new RegExp(`${esc}[ \\t]*$`);
  let last = inst.endLine;
  if (inst.heredocs.length) {
    // Heredoc bodies are data: an empty line there is content, not a continuation.
    const marker = text.indexOf('<<', inst.keywordEnd);
    if (marker !== -1 && marker < inst.end) last = Math.min(last, model.positionAt(marker).line);
  }
  const empty: number[] = [];
  let continued = continues.test(lineText(inst.line));
  for (let l = inst.line + 1; l <= last && continued; l++) {
    const t = lineText(l);
    if (/^\s*#/.test(t)) continue;
    if (/^\s*$/.test(t)) {
      empty.push(l);
      continue;
    }
    continued = continues.test(t);
  }
  return empty;
}

export default defineRule({
  meta: {
    code: 'DO402',
    name: 'empty-continuation-line',
    category: 'correctness',
    severity: 'warning',
    status: 'stable',
    fixable: 'always',
    buildkit: ['NoEmptyContinuation'],
    docs: {
      summary: 'An empty line inside an instruction continued with `\\`.',
      rationale:
        'An empty line after a line continuation is skipped today, but it is deprecated: a future Dockerfile syntax makes it an error, and it easily hides that the next lines still belong to the instruction. Remove the empty line (a comment line is fine). The fix deletes it.',
      bad: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n\n    curl\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n    # tools\n    curl\n',
    },
  },
  create(context) {
    const { model } = context;
    return {
      instruction(inst) {
        const lines = emptyContinuationLines(model, inst);
        if (lines.length === 0) return;
        const startOf = (l: number) => model.lineStarts[l];
        const endOf = (l: number) => model.lineStarts[l + 1] ?? model.text.length;
        const first = lines[0];
        context.report({
          message: `Empty continuation line in ${inst.keywordText}: the instruction continues after it. Empty continuation lines will be an error in a future Dockerfile syntax; remove ${lines.length === 1 ? 'it' : `them (${lines.length})`}.`,
          at: { start: startOf(first), end: model.text.slice(startOf(first), endOf(first)).replace(/\r?\n$/, '').length + startOf(first) },
          fix: {
            applicability: 'safe',
            description: 'Remove the empty continuation line',
            edits: lines.map((l) => ({ start: startOf(l), end: endOf(l), text: '' })),
          },
        });
      },
    };
  },
});
