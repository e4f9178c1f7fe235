// Shared by the DO5xx security rules: environment assignments wherever they happen (ENV, ARG
// defaults, shell assignments and `export` in RUN), so a rule about a variable checks all of them.
import { keyValues, unquote, type Instruction, type Span } from './model.ts';
import type { ShellCommand, ShellWord } from './shell.ts';
import { runCommands } from './rule-helpers.ts';

export interface Assignment {
  name: string;
  value: string;
  at: Span;
  /** How it was written, for messages: `ENV`, `ARG` or `RUN`. */
  via: string;
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;
const DECLARE = new Set(['export', 'declare', 'typeset', 'readonly', 'local']);

/** Assignment words of one shell command: `A=1 cmd`, `export A=1`, `env A=1 cmd`. */
function shellAssignments(cmd: ShellCommand): ShellWord[] {
  const words = [...cmd.assignments];
  if (DECLARE.has(cmd.name)) words.push(...cmd.args.filter((w) => ASSIGNMENT.test(w.value)));
  if (cmd.wrappers.includes('env')) {
    for (const w of cmd.words) {
      if (w === cmd.words.find((x) => x.value === cmd.name)) break;
      if (ASSIGNMENT.test(w.value) && !words.includes(w)) words.push(w);
    }
  }
  return words;
}

/** Variables an instruction sets, with their values (quotes removed). */
export function assignments(inst: Instruction): Assignment[] {
  const out: Assignment[] = [];
  if (inst.keyword === 'ENV' || inst.keyword === 'ARG') {
    for (const kv of keyValues(inst)) {
      if (kv.value === null) continue;
      out.push({ name: kv.key, value: kv.value, at: { start: kv.keyStart, end: kv.keyEnd }, via: inst.keyword });
    }
    return out;
  }
  for (const cmd of runCommands(inst)) {
    for (const w of shellAssignments(cmd)) {
      const m = ASSIGNMENT.exec(w.value);
      if (m) out.push({ name: m[1], value: unquote(m[2]), at: { start: w.start, end: w.end }, via: 'RUN' });
    }
  }
  return out;
}
