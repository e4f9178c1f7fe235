// BuildKit turns each .dockerignore pattern into a Go regular expression (RE2 syntax). This module
// translates the subset such an expression can contain into an equivalent JavaScript RegExp (with
// the `u` flag, so that classes and `.` match code points as Go's match runes). Characters BuildKit
// passes through unchanged (`[`, `]`, `^`, and whatever follows a backslash) keep their Go meaning:
// `[^a]` also matches `/`, `[[:alpha:]]` is a POSIX class and `\d` a digit, as in the engine.

export class GoRegexpError extends Error {}

type Range = [number, number];
const MAX = 0x10ffff;

const ASCII: Record<string, Range[]> = {
  alnum: [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a]],
  alpha: [[0x41, 0x5a], [0x61, 0x7a]],
  ascii: [[0x00, 0x7f]],
  blank: [[0x09, 0x09], [0x20, 0x20]],
  cntrl: [[0x00, 0x1f], [0x7f, 0x7f]],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]],
  space: [[0x09, 0x0d], [0x20, 0x20]],
  upper: [[0x41, 0x5a]],
  word: [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]],
  xdigit: [[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]],
};
// Go's Perl classes are ASCII-only (\s is [\t\n\f\r ], without \v).
const PERL: Record<string, Range[]> = {
  d: ASCII.digit,
  s: [[0x09, 0x0a], [0x0c, 0x0d], [0x20, 0x20]],
  w: ASCII.word,
};
const GENERAL_CATEGORIES = new Set('C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '));

function complement(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= MAX) out.push([next, MAX]);
  return out;
}

const hex = (c: number) => `\\u{${c.toString(16)}}`;
const rangesToClassBody = (ranges: Range[]) => ranges.map(([lo, hi]) => (lo === hi ? hex(lo) : `${hex(lo)}-${hex(hi)}`)).join('');
/** A literal code point, outside a class. */
const literal = (c: number) => (/[A-Za-z0-9_]/.test(String.fromCodePoint(c)) ? String.fromCodePoint(c) : hex(c));

interface Cursor {
  cps: number[];
  i: number;
}

const ch = (c: string) => c.codePointAt(0)!;

/** `\p{Greek}`, `\pL`, `\P{^Lu}`: the JavaScript form (without brackets). */
function unicodeClass(cur: Cursor, negated: boolean): string {
  let name: string;
  if (cur.cps[cur.i] === ch('{')) {
    const end = cur.cps.indexOf(ch('}'), cur.i);
    if (end === -1) throw new GoRegexpError('missing closing } in \\p{...}');
    name = String.fromCodePoint(...cur.cps.slice(cur.i + 1, end));
    cur.i = end + 1;
  } else {
    if (cur.i >= cur.cps.length) throw new GoRegexpError('invalid character class');
    name = String.fromCodePoint(cur.cps[cur.i++]);
  }
  if (name.startsWith('^')) {
    negated = !negated;
    name = name.slice(1);
  }
  const p = negated ? 'P' : 'p';
  if (name === 'Any') return negated ? '[^\\s\\S]' : '[\\s\\S]';
  if (GENERAL_CATEGORIES.has(name)) return `\\${p}{${name}}`;
  try {
    new RegExp(`\\p{Script=${name}}`, 'u');
  } catch {
    throw new GoRegexpError(`invalid character class range \\p{${name}}`);
  }
  return `\\${p}{Script=${name}}`;
}

/**
 * The code point an escape stands for (after the backslash, at cur.i), as Go's parseEscape reads
 * it; perl and unicode classes are handled by the callers.
 */
function escapedChar(cur: Cursor): number {
  const c = cur.cps[cur.i++];
  if (c === undefined) throw new GoRegexpError('trailing backslash at end of expression');
  const s = String.fromCodePoint(c);
  if (s >= '1' && s <= '7' && !(cur.cps[cur.i] >= ch('0') && cur.cps[cur.i] <= ch('7'))) throw new GoRegexpError('invalid escape sequence (backreference)');
  if (s >= '0' && s <= '7') {
    let v = c - 0x30;
    for (let k = 0; k < 2 && cur.cps[cur.i] >= ch('0') && cur.cps[cur.i] <= ch('7'); k++) v = v * 8 + (cur.cps[cur.i++] - 0x30);
    return v;
  }
  if (s === 'x') {
    if (cur.cps[cur.i] === ch('{')) {
      const end = cur.cps.indexOf(ch('}'), cur.i);
      const digits = end === -1 ? '' : String.fromCodePoint(...cur.cps.slice(cur.i + 1, end));
      if (!/^[0-9A-Fa-f]+$/.test(digits) || parseInt(digits, 16) > MAX) throw new GoRegexpError('invalid escape sequence \\x{...}');
      cur.i = end + 1;
      return parseInt(digits, 16);
    }
    const digits = String.fromCodePoint(...cur.cps.slice(cur.i, cur.i + 2));
    if (!/^[0-9A-Fa-f]{2}$/.test(digits)) throw new GoRegexpError('invalid escape sequence \\x');
    cur.i += 2;
    return parseInt(digits, 16);
  }
  const controls: Record<string, number> = { a: 7, f: 12, n: 10, r: 13, t: 9, v: 11 };
  if (s in controls) return controls[s];
  if (c < 0x80 && !/[A-Za-z0-9]/.test(s)) return c;
  throw new GoRegexpError(`invalid escape sequence \\${s}`);
}

/** A Go character class starting at `[` (cur.i points after it). */
function parseClass(cur: Cursor): string {
  const { cps } = cur;
  let negated = false;
  if (cps[cur.i] === ch('^')) {
    negated = true;
    cur.i++;
  }
  const parts: string[] = [];
  let first = true;
  while (cur.i >= cps.length || cps[cur.i] !== ch(']') || first) {
    if (cur.i >= cps.length) throw new GoRegexpError('missing closing ]');
    first = false;
    // POSIX class [:name:]
    if (cps[cur.i] === ch('[') && cps[cur.i + 1] === ch(':')) {
      const rest = String.fromCodePoint(...cps.slice(cur.i + 2));
      const end = rest.indexOf(':]');
      if (end !== -1) {
        let name = rest.slice(0, end);
        const neg = name.startsWith('^');
        if (neg) name = name.slice(1);
        const ranges = ASCII[name];
        if (!ranges) throw new GoRegexpError(`invalid character class range [:${rest.slice(0, end)}:]`);
        parts.push(rangesToClassBody(neg ? complement(ranges) : ranges));
        cur.i += 2 + [...rest.slice(0, end)].length + 2;
        continue;
      }
    }
    if (cps[cur.i] === ch('\\')) {
      const e = String.fromCodePoint(cps[cur.i + 1] ?? 0);
      if (e === 'p' || e === 'P') {
        cur.i += 2;
        const cls = unicodeClass(cur, e === 'P');
        parts.push(cls.startsWith('[') ? cls.slice(1, -1) : cls);
        continue;
      }
      const perl = PERL[e.toLowerCase()];
      if (perl && 'dswDSW'.includes(e)) {
        cur.i += 2;
        parts.push(rangesToClassBody(e === e.toUpperCase() ? complement(perl) : perl));
        continue;
      }
    }
    const lo = classChar(cur);
    let hi = lo;
    if (cps[cur.i] === ch('-') && cur.i + 1 < cps.length && cps[cur.i + 1] !== ch(']')) {
      cur.i++;
      hi = classChar(cur);
      if (hi < lo) throw new GoRegexpError('invalid character class range');
    }
    parts.push(rangesToClassBody([[lo, hi]]));
  }
  cur.i++; // ]
  return `[${negated ? '^' : ''}${parts.join('')}]`;
}

function classChar(cur: Cursor): number {
  const c = cur.cps[cur.i++];
  if (c === ch('\\')) return escapedChar(cur);
  return c;
}

/** Translate a Go regular expression (as BuildKit generates them) into a JavaScript one. */
export function goRegexpToJs(source: string): RegExp {
  const cur: Cursor = { cps: [...source].map((c) => c.codePointAt(0)!), i: 0 };
  const { cps } = cur;
  let out = '';
  while (cur.i < cps.length) {
    const c = cps[cur.i++];
    const s = String.fromCodePoint(c);
    if (s === '\\') {
      const e = String.fromCodePoint(cps[cur.i] ?? 0);
      if ('dswDSW'.includes(e) && cur.i < cps.length) {
        cur.i++;
        const perl = PERL[e.toLowerCase()];
        out += `[${rangesToClassBody(e === e.toUpperCase() ? complement(perl) : perl)}]`;
      } else if (e === 'b' || e === 'B') {
        cur.i++;
        out += `\\${e}`;
      } else if (e === 'A') {
        cur.i++;
        out += '^';
      } else if (e === 'z') {
        cur.i++;
        out += '$';
      } else if (e === 'C') {
        cur.i++;
        out += '[\\s\\S]';
      } else if (e === 'p' || e === 'P') {
        cur.i++;
        out += unicodeClass(cur, e === 'P');
      } else if (e === 'Q') {
        cur.i++;
        let end = cur.i;
        while (end < cps.length && !(cps[end] === ch('\\') && cps[end + 1] === ch('E'))) end++;
        for (let k = cur.i; k < end; k++) out += literal(cps[k]);
        cur.i = end < cps.length ? end + 2 : end;
      } else {
        out += literal(escapedChar(cur));
      }
    } else if (s === '[') {
      out += parseClass(cur);
    } else if (s === '.') {
      out += '[^\\n]'; // Go's `.` excludes only \n; JavaScript's also \r, \u2028, \u2029
    } else if ('^$()|*+?'.includes(s)) {
      out += s; // regexp syntax: BuildKit's own, or passed through from the pattern
    } else if (s === '{' && /^\{\d+(,\d*)?\}/.test(String.fromCodePoint(...cps.slice(cur.i - 1, cur.i + 24)))) {
      // a repetition {n}, {n,} or {n,m}; any other `{` is literal in Go
      const m = /^\{\d+(,\d*)?\}/.exec(String.fromCodePoint(...cps.slice(cur.i - 1, cur.i + 24)))!;
      out += m[0];
      cur.i += m[0].length - 1;
    } else {
      out += literal(c);
    }
  }
  try {
    return new RegExp(out, 'u');
  } catch (err) {
    throw new GoRegexpError((err as Error).message);
  }
}
