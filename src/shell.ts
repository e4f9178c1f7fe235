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
  const flush = (op: string) => {
    if (current.length) {
      const cmd = makeCommand(current, redirs, after);
      if (cmd) {
        cmd.pipesTo = op === '|' || op === '|&';
        commands.push(cmd);
      }
    }
    current = [];
    redirs = new Set();
    after = op;
  };
  for (const t of tokens) {
    if (t.kind === 'op') {
      if (/^\d*(>>?|<|<<-?|<<<|>&|<&|&>>?|>\|)$/.test(t.op)) {
        skipRedirectTarget = !t.op.endsWith('&') || t.op === '>&' || t.op === '<&';
        continue;
      }
      operators.push(t.op);
      flush(t.op);
      continue;
    }
    if (skipRedirectTarget) {
      skipRedirectTarget = false;
      redirs.add(t.word);
    }
    current.push(t.word);
  }
  flush('');
  return { text, map: m, commands, operators };
}

function makeCommand(words: ShellWord[], redirs: Set<ShellWord>, after: string): ShellCommand | null {
  const plain = words.filter((w) => !redirs.has(w));
  let i = 0;
  // Control keywords in front of a simple command (`then apt-get ...`).
  while (i < plain.length && CONTROL_PREFIX.has(plain[i].raw)) i++;
  if (i < plain.length && (plain[i].raw === 'for' || plain[i].raw === 'case')) return null;
  const assignments: ShellWord[] = [];
  while (i < plain.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(plain[i].raw)) assignments.push(plain[i++]);
  const wrappers: string[] = [];
  while (i < plain.length) {
    const n = basename(plain[i].value);
    if (!WRAPPERS.has(n)) break;
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
  while (i < n) {
    const c = s[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '\n' || c === '\r') {
      tokens.push({ kind: 'op', op: '\n', at: i });
      i++;
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
    const op = readOperator(s, i);
    if (op) {
      tokens.push({ kind: 'op', op, at: i });
      i += op.length;
      continue;
    }
    // A word
    const start = i;
    let value = '';
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
      value += ch;
      i++;
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
      word: { value, raw: s.slice(start, i), start: map[start], end: map[Math.min(i, map.length - 1)] , scriptStart: start, scriptEnd: i },
    });
  }
  return tokens;
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
