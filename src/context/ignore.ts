// .dockerignore with the semantics of the BuildKit engine dockopt is tested against (Docker
// 20.10's built-in BuildKit, verified by test/engine-context.test.ts):
// - lines are read like BuildKit's dockerignore.ReadAll: a `#` in the first column starts a comment,
//   surrounding white space is trimmed, `!` re-includes, the rest is cleaned like Go's
//   filepath.Clean and a leading `/` is dropped;
// - each pattern becomes a Go regular expression the way this BuildKit's pattern matcher builds it
//   (`*` and `?` stop at `/`, `**` crosses it, `.` and `$` are literal, everything else keeps its
//   regexp meaning: `a+b` matches `aab`, `(x|y)` matches `x`; newer BuildKit releases escape
//   `+()|{}` too) and must pass Go's filepath.Match syntax check, else the build fails;
// - a path is excluded when the last pattern that matches it, or its first N directories (N being
//   the number of parts of the pattern), is not a `!` pattern;
// - the walker skips an excluded directory unless a `!` pattern starts with that directory's path.
// picomatch is not used here: BuildKit's translation is not a glob dialect picomatch can be set to
// (`[^a]` matches `/`, `\d` is a digit, `a**b` matches `a/x/b` but not `axb`).
import { DockoptError } from '../errors.ts';
import { goRegexpToJs, GoRegexpError } from './go-regexp.ts';

export interface IgnorePattern {
  /** 1-based line in the ignore file. */
  line: number;
  /** The pattern as BuildKit keeps it: cleaned, without the leading `!`. */
  pattern: string;
  /** A `!` pattern: re-includes what it matches. */
  negated: boolean;
  /** Number of `/`-separated parts: parent directories are matched up to this depth. */
  depth: number;
  regex: RegExp;
  /** The only path depth the pattern can match, or -1 when it can cross `/`. */
  fixedDepth: number;
}

export class InvalidPatternError extends Error {
  constructor(
    readonly line: number,
    readonly pattern: string,
    reason: string,
  ) {
    super(`invalid pattern ${JSON.stringify(pattern)}: ${reason}`);
  }
}

// Go's unicode.IsSpace (strings.TrimSpace).
const GO_SPACE = '[\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]';
const TRIM = new RegExp(`^${GO_SPACE}+|${GO_SPACE}+$`, 'g');
const trimSpace = (s: string) => s.replace(TRIM, '');

/** Go's path.Clean (filepath.Clean on Unix). */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return `/${joined}`;
  return joined === '' ? '.' : joined;
}

/** The patterns of an ignore file as BuildKit's dockerignore.ReadAll returns them, with their lines. */
export function readIgnoreLines(text: string): { pattern: string; line: number }[] {
  const out: { pattern: string; line: number }[] = [];
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, index) => {
    let pattern = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (index === 0 && pattern.startsWith('\uFEFF')) pattern = pattern.slice(1);
    if (pattern.startsWith('#')) return;
    pattern = trimSpace(pattern);
    if (pattern === '') return;
    const invert = pattern[0] === '!';
    if (invert) pattern = trimSpace(pattern.slice(1));
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern[0] === '/') pattern = pattern.slice(1);
    }
    out.push({ pattern: invert ? `!${pattern}` : pattern, line: index + 1 });
  });
  return out;
}

/** The syntax check BuildKit makes with Go's filepath.Match(pattern, "."): the error, or null. */
export function globSyntaxError(pattern: string): string | null {
  // filepath.Match splits the pattern into chunks at each `*` outside a class; each must parse.
  const b = Buffer.from(pattern, 'utf8');
  let i = 0;
  const bad = 'syntax error in pattern';
  const esc = (): boolean => {
    // getEsc: one (possibly escaped) character of a class; false on a syntax error
    if (i >= b.length || b[i] === 0x2d /* - */ || b[i] === 0x5d /* ] */) return false;
    if (b[i] === 0x5c /* \ */) {
      i++;
      if (i >= b.length) return false;
    }
    i += utf8Length(b[i]);
    return i < b.length;
  };
  while (i < b.length) {
    const c = b[i];
    if (c === 0x2a /* * */) {
      i++;
    } else if (c === 0x5b /* [ */) {
      i++;
      if (b[i] === 0x5e /* ^ */) i++;
      let nrange = 0;
      for (;;) {
        if (i < b.length && b[i] === 0x5d && nrange > 0) {
          i++;
          break;
        }
        if (!esc()) return bad;
        if (b[i] === 0x2d) {
          i++;
          if (!esc()) return bad;
        }
        nrange++;
      }
    } else if (c === 0x5c) {
      i++;
      if (i >= b.length) return bad;
      i++;
    } else {
      i++;
    }
  }
  return null;
}

function utf8Length(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

/** The Go regular expression BuildKit compiles a cleaned pattern into. */
export function buildkitRegexp(pattern: string): string {
  const cps = [...pattern];
  let re = '^';
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    if (c === '*') {
      if (cps[i + 1] === '*') {
        i++;
        if (cps[i + 1] === '/') i++;
        re += i + 1 >= cps.length ? '.*' : '(.*/)?';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '.' || c === '$') re += `\\${c}`;
    else if (c === '\\') {
      if (i + 1 < cps.length) re += `\\${cps[++i]}`;
      else re += '\\';
    } else re += c;
  }
  return `${re}$`;
}

function compile(pattern: string, negated: boolean, line: number): IgnorePattern {
  const syntax = globSyntaxError(pattern);
  if (syntax) throw new InvalidPatternError(line, `${negated ? '!' : ''}${pattern}`, syntax);
  let regex: RegExp;
  try {
    regex = goRegexpToJs(buildkitRegexp(pattern));
  } catch (err) {
    if (err instanceof GoRegexpError) throw new InvalidPatternError(line, `${negated ? '!' : ''}${pattern}`, err.message);
    throw err;
  }
  const depth = pattern.split('/').length;
  // Classes, escapes and regexp syntax (`(a|b/c)`) can match another number of parts.
  const crosses = pattern.includes('**') || /[[\\()|+{]/.test(pattern);
  return { line, pattern, negated, depth, regex, fixedDepth: crosses ? -1 : depth };
}

/** Per-directory state for matching the entries of one directory (see DockerIgnore.dirState). */
export interface DirMatchState {
  /** For each pattern: whether it matches the directory's first `depth` parts (BuildKit's parent check). */
  parent: boolean[];
  /** Depth of the entries in this directory. */
  childDepth: number;
}

/** A parsed ignore file. Paths are relative to the context root, with `/` separators, clean. */
export class DockerIgnore {
  readonly hasNegations: boolean;
  private readonly negatedPrefixes: string[];
  private readonly rootState: DirMatchState;

  constructor(readonly patterns: readonly IgnorePattern[]) {
    this.hasNegations = patterns.some((p) => p.negated);
    this.negatedPrefixes = patterns.filter((p) => p.negated).map((p) => `${p.pattern}/`);
    this.rootState = { parent: patterns.map(() => false), childDepth: 1 };
  }

  /** Parse ignore-file text; an invalid pattern throws InvalidPatternError (BuildKit fails the build). */
  static parse(text: string): DockerIgnore {
    const compiled: IgnorePattern[] = [];
    for (const { pattern: raw, line } of readIgnoreLines(text)) {
      // BuildKit's pattern matcher trims and cleans once more, then splits off `!`.
      let p = trimSpace(raw);
      if (p === '') continue;
      p = cleanPath(p);
      let negated = false;
      if (p[0] === '!') {
        if (p.length === 1) throw new InvalidPatternError(line, raw, 'illegal exclusion pattern "!"');
        negated = true;
        p = p.slice(1);
      }
      compiled.push(compile(p, negated, line));
    }
    return new DockerIgnore(compiled);
  }

  /** Parse, turning an invalid pattern into a one-line input error naming the file and line. */
  static load(text: string, file: string): DockerIgnore {
    try {
      return DockerIgnore.parse(text);
    } catch (err) {
      if (err instanceof InvalidPatternError) {
        throw new DockoptError('input', err.message, { file, line: err.line, hint: 'BuildKit rejects it, so every build with this context fails' });
      }
      throw err;
    }
  }

  /** Whether the patterns exclude this path (BuildKit's PatternMatcher.Matches). */
  matches(path: string): boolean {
    return this.matchIn(this.dirState(parentOf(path)), path);
  }

  /**
   * The parent matches for the entries of directory `dir` ('' for the root): computed once per
   * directory, so matching an entry costs only the patterns that can match at its depth.
   */
  dirState(dir: string): DirMatchState {
    if (dir === '' || dir === '.') return this.rootState;
    const cuts: number[] = [];
    for (let i = dir.indexOf('/'); i !== -1; i = dir.indexOf('/', i + 1)) cuts.push(i);
    cuts.push(dir.length);
    const parent = this.patterns.map((p) => p.depth <= cuts.length && p.regex.test(dir.slice(0, cuts[p.depth - 1])));
    return { parent, childDepth: cuts.length + 1 };
  }

  /** Whether an entry (whose parent directory's state is given) is excluded. */
  matchIn(state: DirMatchState, path: string): boolean {
    const { patterns } = this;
    let matched = false;
    for (let i = 0; i < patterns.length; i++) {
      const p = patterns[i];
      // A pattern can only flip the result: an exclusion when not excluded yet, and back.
      if (p.negated !== matched) continue;
      if (state.parent[i] || ((p.fixedDepth === -1 || p.fixedDepth === state.childDepth) && p.regex.test(path))) matched = !p.negated;
    }
    return matched;
  }

  /** Whether the walker must enter an excluded directory: a `!` pattern starts with its path. */
  mayReinclude(dir: string): boolean {
    if (!this.hasNegations) return false;
    const prefix = `${dir}/`;
    return this.negatedPrefixes.some((p) => p.startsWith(prefix));
  }

  /**
   * Whether the build leaves this path out: it is excluded, or one of its directories is excluded
   * and not entered (the walk's decision for one path, without looking at the disk). An excluded
   * directory a `!` pattern enters is still sent.
   */
  excludes(path: string, isDir = false): boolean {
    const parts = path.split('/');
    let dir = '';
    for (let k = 0; k < parts.length; k++) {
      const sub = dir ? `${dir}/${parts[k]}` : parts[k];
      if (this.matchIn(this.dirState(dir), sub)) {
        const last = k === parts.length - 1;
        if ((last && !isDir) || !this.mayReinclude(sub)) return true;
      }
      dir = sub;
    }
    return false;
  }
}

function parentOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i === -1 ? '' : path.slice(0, i);
}
