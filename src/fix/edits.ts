// Building blocks for the edits rules attach to findings: insert RUN flags keeping the
// instruction's layout, remove a word or a shell command with the right operator and whitespace,
// take whole instructions (with their comments) out of a file and put them elsewhere. Pure
// functions of the model; offsets are into the full file text.
import type { DockerfileModel, Instruction, Stage } from '../model.ts';
import type { ShellCommand, ShellScript } from '../shell.ts';
import type { Edit } from '../types.ts';

/** Offset of the start of the line holding `offset`. */
function lineStartAt(model: DockerfileModel, offset: number): number {
  return model.lineStarts[model.positionAt(offset).line];
}

/** Offset just after the line break ending the line that holds `offset` (or the end of the text). */
export function nextLineStart(model: DockerfileModel, offset: number): number {
  return model.lineStarts[model.positionAt(offset).line + 1] ?? model.text.length;
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/** If `at` is an escape character ending the line (trailing blanks allowed), the offset after the line break; else -1. */
function continuationAt(text: string, at: number, escapeChar: string): number {
  if (text[at] !== escapeChar) return -1;
  let j = at + 1;
  while (isBlank(text[j])) j++;
  if (text[j] === '\r' && text[j + 1] === '\n') return j + 2;
  if (text[j] === '\n') return j + 1;
  if (j >= text.length) return j;
  return -1;
}

/** Whether the instruction's command part continues over several lines (escape at line end). */
function commandSpansLines(model: DockerfileModel, inst: Instruction): boolean {
  const { text, escapeChar } = model;
  if (model.positionAt(inst.argsStart).line > inst.line) return true;
  const lineEnd = nextLineStart(model, inst.argsStart);
  const line = text.slice(inst.argsStart, lineEnd).replace(/\r?\n$/, '').replace(/[ \t]+$/, '');
  return line.endsWith(escapeChar) && !line.endsWith(escapeChar + escapeChar);
}

/** The indentation continuation lines of `inst` use (that of its second line), or four spaces. */
function continuationIndent(model: DockerfileModel, inst: Instruction): string {
  const second = model.lineStarts[inst.line + 1];
  if (second !== undefined && second < inst.end) {
    const m = /^[ \t]+/.exec(model.text.slice(second, inst.end));
    if (m) return m[0];
  }
  return '    ';
}

const MAX_LINE = 100;

/**
 * Insert flags (e.g. `--mount=...`) before the command of a RUN. A one-line RUN stays on one line
 * unless it would get longer than 100 characters; otherwise each flag gets a line of its own, with the file's escape
 * character and the instruction's indentation, and the command keeps its lines.
 */
export function insertRunFlags(model: DockerfileModel, inst: Instruction, flags: string[], after = ''): Edit {
  const at = inst.argsStart;
  const inline = `${flags.map((f) => `${f} `).join('')}${after}`;
  const oneLine = !commandSpansLines(model, inst);
  if (oneLine) {
    const line = model.text.slice(lineStartAt(model, at), nextLineStart(model, at)).replace(/\r?\n$/, '');
    // Up to a usual line length the RUN stays on one line; beyond, the flags go on lines of their own.
    if (line.length + inline.length <= MAX_LINE || inst.heredocs.length > 0) return { start: at, end: at, text: inline };
  }
  const indent = continuationIndent(model, inst);
  const next = `${model.escapeChar}${model.eol}${indent}`;
  const lastFlag = inst.flags[inst.flags.length - 1];
  if (lastFlag && !after && model.text.slice(lastFlag.end, at).trim() === '') {
    // Below the flags already there, one per line; a one-line RUN gets its command on a line too.
    const text = flags.map((f) => ` ${next}${f}`).join('');
    return oneLine ? { start: lastFlag.end, end: at, text: `${text} ${next}` } : { start: lastFlag.end, end: lastFlag.end, text };
  }
  return { start: at, end: at, text: `${flags.map((f) => `${f} ${next}`).join('')}${after}` };
}

/** File offset just after the last character of script range [.., scriptEnd). */
function fileEnd(script: ShellScript, scriptEnd: number): number {
  return script.map[Math.max(0, scriptEnd - 1)] + 1;
}

/**
 * Remove one word (a flag, an operand) with the blanks around it. A word alone on a continued
 * line takes its line with it; alone on the last line, the previous line's continuation goes too.
 */
export function removeWord(model: DockerfileModel, start: number, end: number): Edit {
  const { text, escapeChar } = model;
  let before = start;
  while (before > 0 && isBlank(text[before - 1])) before--;
  let after = end;
  while (after < text.length && isBlank(text[after])) after++;
  const atLineStart = before === 0 || text[before - 1] === '\n';
  if (atLineStart) {
    const cont = continuationAt(text, after, escapeChar);
    if (cont !== -1) return { start: before, end: cont, text: '' };
    const atLineEnd = after >= text.length || text[after] === '\n' || text[after] === '\r';
    if (atLineEnd && before > 0) {
      // `... \` on the line before: drop that continuation together with the line.
      let j = before - 1;
      if (text[j - 1] === '\r') j--;
      j--;
      while (j > 0 && isBlank(text[j])) j--;
      if (text[j] === escapeChar) {
        let k = j;
        while (k > 0 && isBlank(text[k - 1])) k--;
        return { start: k, end: after, text: '' };
      }
    }
    return { start, end: after, text: '' };
  }
  if (before < start) return { start: before, end, text: '' };
  return { start, end: after, text: '' };
}

/** Operators that may be dropped together with a command between them (never `||` or `|`). */
const SEQUENCE = new Set(['&&', ';', '\n']);

/**
 * Remove command `index` of a RUN's script together with one neighbouring operator, so that what
 * the rest of the script does is unchanged (assuming the removed command succeeds). Null when that
 * cannot be done cleanly: the only command, part of a pipeline or `||`, inside a compound command's
 * head, or with a comment line in the way.
 */
export function removeCommand(model: DockerfileModel, script: ShellScript, commands: ShellCommand[], index: number): Edit | null {
  const cmd = commands[index];
  const prev = commands[index - 1];
  const next = commands[index + 1];
  if (cmd.pipesTo || cmd.after === '|' || cmd.after === '|&') return null;
  const op1 = cmd.after;
  const op2 = next?.after;
  const gap = (a: number, b: number) => script.text.slice(a, b);
  const noComment = (e: Edit) => (/(^|\n)[ \t]*#/.test(model.text.slice(e.start, e.end)) ? null : e);
  // Left: `prev OP1 cmd [OP2 next]` → `prev [OP2 next]`
  if (prev && SEQUENCE.has(op1) && /^\s*(&&|;)?\s*$/.test(gap(prev.scriptEnd, cmd.scriptStart))) {
    const ok = next === undefined || op1 === op2 || (op1 === '&&' && SEQUENCE.has(op2!));
    if (ok) {
      const e = noComment({ start: fileEnd(script, prev.scriptEnd), end: fileEnd(script, cmd.scriptEnd), text: '' });
      if (e) return e;
    }
  }
  // Right: `[prev OP1] cmd OP2 next` → `[prev OP1] next`
  if (next && SEQUENCE.has(op2!) && /^\s*(&&|;)?\s*$/.test(gap(cmd.scriptEnd, next.scriptStart))) {
    const ok = op1 === '' || op1 === ';' || op1 === '\n' || op1 === op2;
    // The command must start its list (not follow `then`, `do`, `(`...), or follow a removable operator.
    const head = prev ? gap(prev.scriptEnd, cmd.scriptStart) : script.text.slice(0, cmd.scriptStart);
    const clean = prev ? /^\s*(&&|;|\n)?\s*$/.test(head) || /(then|do|else|\{|\()\s*$/.test(head) : /^\s*$/.test(head) || /(then|do|else|\{|\()\s*$/.test(head);
    if (ok && clean) {
      const e = noComment({ start: script.map[cmd.scriptStart], end: script.map[next.scriptStart], text: '' });
      if (e) return e;
    }
  }
  return null;
}

/** The lines an instruction occupies, with the comment lines directly above it. */
export function instructionBlock(model: DockerfileModel, inst: Instruction): { start: number; end: number; text: string } {
  const firstLine = inst.leadingComments.length ? Math.min(inst.leadingComments[0].line, inst.line) : inst.line;
  const start = model.lineStarts[firstLine];
  const end = nextLineStart(model, inst.end);
  let text = model.text.slice(start, end);
  if (!/\n$/.test(text)) text += model.eol;
  return { start, end, text };
}

/** Where to insert text so it comes before `inst` and the comments above it. */
function blockStart(model: DockerfileModel, inst: Instruction): number {
  return instructionBlock(model, inst).start;
}

/**
 * Edits that move instructions (with their comments) to just before `target`, in the given
 * order, optionally preceded by new lines. The moved blocks are deleted where they were.
 */
export function moveBefore(model: DockerfileModel, target: Instruction, moved: Instruction[], newLines: string[] = []): Edit[] {
  const at = blockStart(model, target);
  const blocks = moved.map((i) => instructionBlock(model, i));
  const text = newLines.map((l) => `${l}${model.eol}`).join('') + blocks.map((b) => b.text).join('');
  const edits: Edit[] = [{ start: at, end: at, text }];
  for (const b of blocks) {
    // A block at the very end of a file without a final newline: also take the line break before it.
    const start = b.end === model.text.length && !/\n$/.test(model.text) && b.start > 0 ? b.start - (model.text[b.start - 2] === '\r' ? 2 : 1) : b.start;
    edits.push({ start, end: b.end, text: '' });
  }
  return edits;
}

/** Edits that move instructions (with their comments) to just after `target`. */
export function moveAfter(model: DockerfileModel, target: Instruction, moved: Instruction[]): Edit[] {
  const targetEnd = nextLineStart(model, target.end);
  const blocks = moved.map((i) => instructionBlock(model, i));
  const needsBreak = targetEnd === model.text.length && !/\n$/.test(model.text);
  let text = blocks.map((b) => b.text).join('');
  if (needsBreak) text = model.eol + text.replace(/\r?\n$/, '');
  const edits: Edit[] = [{ start: targetEnd, end: targetEnd, text }];
  for (const b of blocks) edits.push({ start: b.start, end: b.end, text: '' });
  return edits;
}

/** The instructions of `stage` and of every stage built on it (FROM <stage>), after `inst`. */
export function laterInChain(model: DockerfileModel, inst: Instruction): Instruction[] {
  const stage = inst.stage;
  if (!stage) return [];
  const out = stage.instructions.filter((i) => i.start > inst.start);
  const descendants = new Set<Stage>([stage]);
  for (const s of model.stages) {
    if (s.parentStage && descendants.has(s.parentStage)) {
      descendants.add(s);
      out.push(...s.instructions);
    }
  }
  return out;
}

/** Whether another stage copies files out of `stage` (COPY --from=<name or index>). */
export function copiedFrom(model: DockerfileModel, stage: Stage): boolean {
  const names = new Set([String(stage.index), ...(stage.name ? [stage.name.toLowerCase()] : [])]);
  return model.instructions.some((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && names.has((i.flag('from')?.value ?? '').toLowerCase()));
}
