// A small POSIX-shell reader for RUN scripts: enough to find the simple commands, their words (with
// quotes removed) and where they are in the Dockerfile. It does not execute or expand anything.

export interface ShellWord {
  /** Value with quotes and escapes removed (variables left as written). */
  value: string;
  /** The word as written. */
  raw: string;
  /** File offsets (through the script's offset map). */
  start: number;
  end: number;
  /** Offsets into the script text. */
  scriptStart: number;
  scriptEnd: number;
}

export interface ShellCommand {
  /** Effective program name (basename), after env assignments and wrappers like sudo/env. */
  name: string;
  /** Arguments after the program name (redirections removed). */
  args: ShellWord[];
  /** All words of the simple command as written, including assignments and wrappers. */
  words: ShellWord[];
  /** Wrappers stripped to find `name`, e.g. ["sudo"]. */
  wrappers: string[];
  /** Environment assignments before the command. */
  assignments: ShellWord[];
  /** The operator that precedes this command (`&&`, `||`, `;`, `|`, newline as "\n", or "" for the first). */
  after: string;
  /** Whether the output of this command is piped into the next one. */
  pipesTo: boolean;
  /** Whether the command runs inside a `( ... )` subshell. */
  subshell: boolean;
  start: number;
  end: number;
  scriptStart: number;
  scriptEnd: number;
}

export interface ShellScript {
  text: string;
  /** File offset of each script character; map[text.length] is the end. */
  map: number[];
  commands: ShellCommand[];
  /** Operators in order of appearance, for pipefail analysis and similar. */
  operators: string[];
}

type Token = { kind: 'word'; word: ShellWord } | { kind: 'op'; op: string; at: number };

const CONTROL_PREFIX = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', '}', 'fi', 'done', 'esac']);
const WRAPPERS = new Set(['sudo', 'env', 'time', 'nice', 'nohup', 'exec', 'command', 'doas', 'su-exec', 'gosu', 'stdbuf', 'timeout', 'xargs']);

export function parseShell(text: string, map?: number[]): ShellScript {
  const m = map ?? Array.from({ length: text.length + 1 }, (_, i) => i);
  const tokens = tokenize(text, m);
  const commands: ShellCommand[] = [];
  const operators: string[] = [];
  let current: ShellWord[] = [];
  let after = '';
  let skipRedirectTarget = false;
  let redirs = new Set<ShellWord>();
  let depth = 0;
  // case clauses: the header up to `in` and the `pattern)` parts are not commands.
  let caseDepth = 0;
  let casePattern = false;
  const flush = (op: string) => {
    const pipe = op === '|' || op === '|&';
    const cmd = current.length ? makeCommand(current, redirs, after) : null;
    if (cmd) {
      cmd.pipesTo = pipe;
      cmd.subshell = depth > 0;
      commands.push(cmd);
    } else if (pipe && commands.length) {
      // `( ... ) | x`, `{ ...; } | x`, `done | x`: the compound command before the pipe ends with the last one.
      commands[commands.length - 1].pipesTo = true;
    }
    if (current.some((w) => w.raw === 'esac') && caseDepth > 0 && current.every((w) => CONTROL_PREFIX.has(w.raw))) caseDepth--;
    current = [];
    redirs = new Set();
    after = op;
  };
  for (const t of tokens) {
    if (casePattern) {
      if (t.kind === 'word' && t.word.raw === 'esac') {
        casePattern = false;
        caseDepth--;
      } else if (t.kind === 'op' && t.op === ')') {
        casePattern = false;
        after = ')';
      }
      continue;
    }
    if (t.kind === 'op') {
      if (/^\d*(>>?|<|<<-?|<<<|>&|<&|&>>?|>\|)$/.test(t.op)) {
        // Every redirection takes one word: a file, a descriptor (`2>&1`) or a heredoc delimiter.
        skipRedirectTarget = true;
        continue;
      }
      operators.push(t.op);
      flush(t.op);
      if (t.op === '(') depth++;
      else if (t.op === ')' && depth > 0) depth--;
      else if (t.op === ';;' && caseDepth > 0) casePattern = true;
      continue;
    }
    if (skipRedirectTarget) {
      skipRedirectTarget = false;
      redirs.add(t.word);
    }
    current.push(t.word);
    if (t.word.raw === 'in' && current.find((w) => !CONTROL_PREFIX.has(w.raw))?.raw === 'case') {
      current = [];
      redirs = new Set();
      caseDepth++;
      casePattern = true;
    }
  }
  flush('');
  return { text, map: m, commands, operators };
}

function makeCommand(words: ShellWord[], redirs: Set<ShellWord>, after: string): ShellCommand | null {
  let plain = words.filter((w) => !redirs.has(w));
  let i = 0;
  // Control keywords in front of a simple command (`then apt-get ...`) are not part of it.
  while (i < plain.length && CONTROL_PREFIX.has(plain[i].raw)) i++;
  if (i < plain.length && (plain[i].raw === 'for' || plain[i].raw === 'case' || plain[i].raw === 'select')) return null;
  const control = new Set(plain.slice(0, i));
  plain = plain.slice(i);
  words = words.filter((w) => !control.has(w));
  if (plain.length === 0) return null;
  i = 0;
  const assignments: ShellWord[] = [];
  while (i < plain.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(plain[i].raw)) assignments.push(plain[i++]);
  const wrappers: string[] = [];
  while (i < plain.length) {
    const n = basename(plain[i].value);
    if (!WRAPPERS.has(n)) break;
    // `command -v x` asks where x is; it does not run it.
    if (n === 'command' && /^-[vV]$/.test(plain[i + 1]?.value ?? '')) break;
    wrappers.push(n);
    i++;
    // Options and assignments of the wrapper (sudo -u x, env A=b, timeout 10).
    while (i < plain.length) {
      const v = plain[i].value;
      if (v.startsWith('-')) {
        const takesValue = (n === 'sudo' && /^-[ugCDhpRrTU]$/.test(v)) || (n === 'nice' && v === '-n') || (n === 'xargs' && /^-[InLPsdEa]$/.test(v));
        i += takesValue ? 2 : 1;
      } else if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(v) || (n === 'timeout' && /^\d/.test(v)) || ((n === 'gosu' || n === 'su-exec') && wrappers.length)) {
        i++;
        if (n === 'gosu' || n === 'su-exec') break;
      } else break;
    }
  }
  if (i >= plain.length) {
    if (!assignments.length && !wrappers.length) return null;
  }
  const nameWord = plain[i];
  const name = nameWord ? basename(nameWord.value) : '';
  const first = words[0];
  const last = words[words.length - 1];
  return {
    name,
    args: plain.slice(i + 1),
    words: plain,
    wrappers,
    assignments,
    after,
    pipesTo: false,
    subshell: false,
    start: first.start,
    end: last.end,
    scriptStart: first.scriptStart,
    scriptEnd: last.scriptEnd,
  };
}

function basename(v: string): string {
  const i = v.lastIndexOf('/');
  return i === -1 ? v : v.slice(i + 1);
}

function tokenize(s: string, map: number[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = s.length;
  // Heredocs opened on the current line (`cat <<EOF`): their bodies start at the next newline.
  const heredocs: { delimiter: string; stripTabs: boolean }[] = [];
  let heredocOp: string | null = null;
  while (i < n) {
    const c = s[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '\n' || c === '\r') {
      tokens.push({ kind: 'op', op: '\n', at: i });
      i++;
      if (c === '\r' && s[i] === '\n') i++;
      // Skip heredoc bodies: they are data, not commands.
      for (const h of heredocs) {
        while (i < n) {
          let eol = s.indexOf('\n', i);
          if (eol === -1) eol = n;
          let line = s.slice(i, eol).replace(/\r$/, '');
          if (h.stripTabs) line = line.replace(/^\t+/, '');
          i = Math.min(eol + 1, n);
          if (line === h.delimiter) break;
        }
      }
      heredocs.length = 0;
      continue;
    }
    if (c === '#') {
      while (i < n && s[i] !== '\n') i++;
      continue;
    }
    if (c === '\\' && (s[i + 1] === '\n' || (s[i + 1] === '\r' && s[i + 2] === '\n'))) {
      i += s[i + 1] === '\r' ? 3 : 2;
      continue;
    }
    if ((c === '<' || c === '>') && s[i + 1] === '(') {
      // Process substitution, `<(sort a)`: one word, like `$(...)`.
      const end = matchParen(s, i + 1);
      const raw = s.slice(i, end);
      tokens.push({ kind: 'word', word: { value: raw, raw, start: map[i], end: map[Math.min(end, map.length - 1)], scriptStart: i, scriptEnd: end } });
      i = end;
      continue;
    }
    const op = OPERATOR_START.has(c) ? readOperator(s, i) : null;
    if (op) {
      tokens.push({ kind: 'op', op, at: i });
      i += op.length;
      if (op === '<<' || op === '<<-') heredocOp = op;
      continue;
    }
    // A word. Runs of plain characters are copied as one slice; quotes, escapes, expansions and
    // operators are read one by one.
    const start = i;
    while (i < n && isPlain(s.charCodeAt(i))) i++;
    let value = s.slice(start, i);
    while (i < n) {
      const ch = s[i];
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') break;
      if (ch === ';' || ch === '&' || ch === '|' || ch === '(' || ch === ')' || ch === '<' || ch === '>') {
        // `$(`, `<(`, and `>(` inside a word are handled below; a bare operator ends the word.
        if (ch === '(' && (s[i - 1] === '$' || s[i - 1] === '<' || s[i - 1] === '>')) {
          /* fall through to nested read */
        } else if ((ch === '<' || ch === '>') && /^\d+$/.test(s.slice(start, i))) {
          // `2>` : the digits belong to the redirection operator
          value = '';
          i = start;
          break;
        } else break;
      }
      if (ch === '\\') {
        if (s[i + 1] === '\n') {
          i += 2;
          continue;
        }
        value += s[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (ch === "'") {
        const end = s.indexOf("'", i + 1);
        const stop = end === -1 ? n : end;
        value += s.slice(i + 1, stop);
        i = stop + 1;
        continue;
      }
      if (ch === '"') {
        i++;
        while (i < n && s[i] !== '"') {
          if (s[i] === '\\' && i + 1 < n && '$`"\\\n'.includes(s[i + 1])) {
            if (s[i + 1] !== '\n') value += s[i + 1];
            i += 2;
            continue;
          }
          if (s[i] === '$' && s[i + 1] === '(') {
            const end = matchParen(s, i + 1);
            value += s.slice(i, end);
            i = end;
            continue;
          }
          value += s[i];
          i++;
        }
        i++;
        continue;
      }
      if (ch === '`') {
        const end = s.indexOf('`', i + 1);
        const stop = end === -1 ? n : end + 1;
        value += s.slice(i, stop);
        i = stop;
        continue;
      }
      if (ch === '(' ) {
        const end = matchParen(s, i);
        value += s.slice(i, end);
        i = end;
        continue;
      }
      if (ch === '$' && s[i + 1] === '{') {
        const end = s.indexOf('}', i);
        const stop = end === -1 ? n : end + 1;
        value += s.slice(i, stop);
        i = stop;
        continue;
      }
      let j = i + 1;
      while (j < n && isPlain(s.charCodeAt(j))) j++;
      value += s.slice(i, j);
      i = j;
    }
    if (i === start) {
      // digits of a redirection such as 2>&1
      const op = readOperator(s, i, true);
      if (op) {
        tokens.push({ kind: 'op', op, at: i });
        i += op.length;
        continue;
      }
      i++;
      continue;
    }
    tokens.push({
      kind: 'word',
      word: { value, raw: s.slice(start, i), start: map[start], end: map[Math.min(i, map.length - 1)], scriptStart: start, scriptEnd: i },
    });
    if (heredocOp) {
      heredocs.push({ delimiter: value, stripTabs: heredocOp === '<<-' });
      heredocOp = null;
    }
  }
  return tokens;
}

const OPERATOR_START = new Set([';', '&', '|', '(', ')', '<', '>']);

/** Characters a word can contain without special treatment (not blank, operator, quote, escape or `$`). */
const SPECIAL = new Uint8Array(128);
for (const ch of ' \t\n\r;&|()<>\\\'"`$') SPECIAL[ch.charCodeAt(0)] = 1;
function isPlain(code: number): boolean {
  return code >= 128 || SPECIAL[code] === 0;
}

function readOperator(s: string, i: number, allowDigits = false): string | null {
  const rest = s.slice(i, i + 4);
  if (allowDigits) {
    const m = /^\d+(>>|>&|<&|>\||>|<)/.exec(s.slice(i, i + 8));
    if (m) return m[0];
  }
  for (const op of ['&&', '||', ';;', '|&', '<<<', '<<-', '<<', '>>', '&>>', '&>', '>&', '<&', '>|', ';', '|', '&', '(', ')', '<', '>']) {
    if (rest.startsWith(op)) return op;
  }
  return null;
}

function matchParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === "'") {
      const e = s.indexOf("'", i + 1);
      if (e === -1) return s.length;
      i = e;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return s.length;
}

/** Whether a command has option `names` (e.g. ["-y", "--yes"]); handles bundled short flags like -qy. */
export function hasOption(cmd: ShellCommand, names: string[]): boolean {
  return findOption(cmd, names) !== undefined;
}

export function findOption(cmd: ShellCommand, names: string[]): ShellWord | undefined {
  const shorts = names.filter((x) => /^-[A-Za-z0-9]$/.test(x)).map((x) => x[1]);
  for (const w of cmd.args) {
    const v = w.value;
    if (v === '--') break;
    if (names.includes(v)) return w;
    const eq = v.indexOf('=');
    if (eq > 0 && v.startsWith('--') && names.includes(v.slice(0, eq))) return w;
    if (shorts.length && /^-[A-Za-z0-9]+$/.test(v) && !v.startsWith('--') && [...v.slice(1)].some((ch) => shorts.includes(ch))) return w;
  }
  return undefined;
}

/** Positional (non-option) arguments. `valued` lists options that take a separate value. */
export function positionals(cmd: ShellCommand, valued: string[] = []): ShellWord[] {
  const out: ShellWord[] = [];
  let skip = false;
  let rest = false;
  for (const w of cmd.args) {
    if (skip) {
      skip = false;
      continue;
    }
    if (rest) {
      out.push(w);
      continue;
    }
    if (w.value === '--') {
      rest = true;
      continue;
    }
    if (w.value.startsWith('-') && w.value.length > 1) {
      if (valued.includes(w.value)) skip = true;
      continue;
    }
    out.push(w);
  }
  return out;
}
