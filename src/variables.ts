// Variable expansion as BuildKit's Dockerfile frontend does it (its `shell.Lex`), for the checks
// that must agree with `docker build --check`: which variables a word refers to, which of them are
// unset, and what the word expands to. Quotes and escapes follow the Dockerfile lexer, not sh.
import { keyValues, type DockerfileModel, type Instruction, type KeyValue } from './model.ts';

export interface VariableRef {
  name: string;
  /** Offsets of `$name` / `${name...}` in the word. */
  start: number;
  end: number;
  /** `${name:-default}` and friends: the operator (`:-`, `-`, `:+`, `+`, `:?`, `?`, `#`, `%`, `/`), else null. */
  operator: string | null;
}

export interface ProcessedWord {
  /** The word with variables substituted, quotes removed and escapes applied. */
  result: string;
  refs: VariableRef[];
  /** Names looked up and found / not found in the environment (BuildKit's Matched / Unmatched). */
  matched: Set<string>;
  unmatched: Set<string>;
}

export interface ProcessOptions {
  escapeChar?: string;
  /** Single and double quotes are literal (BuildKit's SkipProcessQuotes, used for RUN mounts). */
  skipQuotes?: boolean;
}

class Lexer {
  i = 0;
  readonly refs: VariableRef[] = [];
  readonly matched = new Set<string>();
  readonly unmatched = new Set<string>();
  constructor(
    readonly s: string,
    readonly env: ReadonlyMap<string, string>,
    readonly escape: string,
    readonly skipQuotes: boolean,
  ) {}

  private get(name: string): string | undefined {
    const v = this.env.get(name);
    if (v === undefined) this.unmatched.add(name);
    else this.matched.add(name);
    return v;
  }

  /** Read up to `stop` (consumed) or the end; returns null if `stop` was required and not found. */
  word(stop: string | null): string | null {
    let out = '';
    const s = this.s;
    while (this.i < s.length) {
      const ch = s[this.i];
      if (stop !== null && ch === stop) {
        this.i++;
        return out;
      }
      if (ch === '$') out += this.dollar();
      else if (ch === "'" && !this.skipQuotes) out += this.single();
      else if (ch === '"' && !this.skipQuotes) out += this.double();
      else if (ch === this.escape) {
        this.i++;
        if (this.i >= s.length) break;
        // An escaped line break is a continuation the Dockerfile parser already removed.
        if (s[this.i] === '\n' || s[this.i] === '\r') {
          while (this.i < s.length && (s[this.i] === '\n' || s[this.i] === '\r')) this.i++;
          continue;
        }
        out += s[this.i++];
      } else {
        out += ch;
        this.i++;
      }
    }
    return stop === null ? out : null;
  }

  private single(): string {
    const end = this.s.indexOf("'", this.i + 1);
    const stop = end === -1 ? this.s.length : end;
    const v = this.s.slice(this.i + 1, stop);
    this.i = stop + 1;
    return v;
  }

  private double(): string {
    let out = '';
    const s = this.s;
    this.i++;
    while (this.i < s.length && s[this.i] !== '"') {
      const ch = s[this.i];
      if (ch === '$') {
        out += this.dollar();
        continue;
      }
      if (ch === this.escape && this.i + 1 < s.length && ['"', '$', this.escape].includes(s[this.i + 1])) {
        out += s[this.i + 1];
        this.i += 2;
        continue;
      }
      out += ch;
      this.i++;
    }
    this.i++;
    return out;
  }

  private name(): string {
    const s = this.s;
    const start = this.i;
    if (/[0-9]/.test(s[this.i] ?? '')) {
      while (/[0-9]/.test(s[this.i] ?? '')) this.i++;
      return s.slice(start, this.i);
    }
    if ('@*#?-$!0'.includes(s[this.i] ?? 'x')) return s[this.i++];
    while (this.i < s.length && /[\p{L}\p{N}_]/u.test(s[this.i])) this.i++;
    return s.slice(start, this.i);
  }

  private dollar(): string {
    const start = this.i;
    const s = this.s;
    this.i++;
    if (s[this.i] !== '{') {
      const name = this.name();
      if (name === '') return '$';
      const v = this.get(name);
      this.refs.push({ name, start, end: this.i, operator: null });
      return v ?? '';
    }
    this.i++;
    const name = this.name();
    let op = s[this.i] ?? '';
    this.i++;
    if (op === '}') {
      const v = this.get(name);
      this.refs.push({ name, start, end: this.i, operator: null });
      return v ?? '';
    }
    let nullIsUnset = false;
    if (op === ':') {
      nullIsUnset = true;
      op += s[this.i] ?? '';
      this.i++;
    }
    const kind = op[op.length - 1];
    if ('+-?#%'.includes(kind) && kind !== '') {
      const word = this.word('}') ?? '';
      const v = this.get(name);
      this.refs.push({ name, start, end: this.i, operator: op });
      const unset = v === undefined || (nullIsUnset && v === '');
      if (kind === '-') return unset ? word : v!;
      if (kind === '+') return unset ? '' : word;
      if (kind === '?') return v ?? '';
      return trimPattern(v ?? '', word, kind === '%');
    }
    if (op === '/') {
      this.word('/');
      this.word('}');
      const v = this.get(name);
      this.refs.push({ name, start, end: this.i, operator: '/' });
      return v ?? '';
    }
    // Bad substitution: BuildKit fails the build; report the name and move on.
    this.refs.push({ name, start, end: Math.min(this.i, s.length), operator: null });
    this.get(name);
    return '';
  }
}

function trimPattern(value: string, pattern: string, suffix: boolean): string {
  const greedy = pattern.startsWith(suffix ? '%' : '#');
  const p = greedy ? pattern.slice(1) : pattern;
  const body = p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, greedy ? '.*' : '.*?').replace(/\?/g, '.');
  if (suffix) {
    // Shortest suffix: try from the right.
    for (let k = greedy ? 0 : value.length; greedy ? k <= value.length : k >= 0; k += greedy ? 1 : -1) {
      if (new RegExp(`^(?:${body})$`, 's').test(value.slice(k))) return value.slice(0, k);
    }
    return value;
  }
  const m = new RegExp(`^(?:${body})`, 's').exec(value);
  return m ? value.slice(m[0].length) : value;
}

/** Expand one word as BuildKit does for Dockerfile instructions (ENV, COPY, WORKDIR, FROM, ...). */
export function processWord(word: string, env: ReadonlyMap<string, string> = new Map(), options: ProcessOptions = {}): ProcessedWord {
  const lexer = new Lexer(word, env, options.escapeChar ?? '\\', options.skipQuotes ?? false);
  const result = lexer.word(null) ?? '';
  return { result, refs: lexer.refs, matched: lexer.matched, unmatched: lexer.unmatched };
}

/** The build arguments BuildKit defines for every build (usable in FROM without declaring them). */
export const PLATFORM_ARGS: ReadonlyMap<string, string> = new Map([
  ['BUILDPLATFORM', 'linux/amd64'],
  ['BUILDOS', 'linux'],
  ['BUILDOSVERSION', ''],
  ['BUILDARCH', 'amd64'],
  ['BUILDVARIANT', ''],
  ['TARGETPLATFORM', 'linux/amd64'],
  ['TARGETOS', 'linux'],
  ['TARGETOSVERSION', ''],
  ['TARGETARCH', 'amd64'],
  ['TARGETVARIANT', ''],
  ['TARGETSTAGE', ''],
]);

/** Closest name for a "did you mean" hint, or null (Levenshtein distance, case-insensitive ties). */
export function suggestName(name: string, options: Iterable<string>): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const o of options) {
    if (o === name) continue;
    const d = o.toLowerCase() === lower ? 0.5 : levenshtein(name, o);
    if (d < bestDistance) {
      bestDistance = d;
      best = o;
    }
  }
  // Accept small typos only: one edit for short names, two for longer ones.
  const limit = name.length <= 4 ? 1 : 2;
  return bestDistance <= limit ? best : null;
}

/** Edit distance counting a swap of two neighbours as one edit (so PAHT is one edit from PATH). */
function levenshtein(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

// distribution/reference grammar, as ParseNormalizedNamed applies it to FROM.
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN = `${HOST}(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^((?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::${TAG})?(?:@${DIGEST})?$`);

/** Whether `ref` is a valid image reference for FROM (docker's ParseNormalizedNamed). */
export function isValidImageReference(ref: string): boolean {
  if (ref === '' || /^[a-f0-9]{64}$/.test(ref)) return false;
  const m = REFERENCE.exec(ref);
  return m !== null && m[1].length <= 255;
}

export interface Platform {
  os: string;
  arch: string;
  variant: string;
}

const KNOWN_OS = new Set(['aix', 'android', 'darwin', 'dragonfly', 'freebsd', 'hurd', 'illumos', 'ios', 'js', 'linux', 'nacl', 'netbsd', 'openbsd', 'plan9', 'solaris', 'windows', 'zos', 'wasip1']);
const ARCH_ALIASES: Record<string, [string, string]> = {
  i386: ['386', ''],
  '386': ['386', ''],
  x86_64: ['amd64', ''],
  'x86-64': ['amd64', ''],
  amd64: ['amd64', ''],
  aarch64: ['arm64', ''],
  arm64: ['arm64', ''],
  armhf: ['arm', 'v7'],
  armel: ['arm', 'v6'],
  arm: ['arm', 'v7'],
};
const KNOWN_ARCH = new Set(['386', 'amd64', 'amd64p32', 'arm', 'armbe', 'arm64', 'arm64be', 'ppc64', 'ppc64le', 'loong64', 'mips', 'mipsle', 'mips64', 'mips64le', 'mips64p32', 'mips64p32le', 'ppc', 'riscv', 'riscv64', 's390', 's390x', 'sparc', 'sparc64', 'wasm']);

/** containerd's platforms.Parse (normalized), or null if it would fail. The default OS is linux. */
export function parsePlatform(spec: string): Platform | null {
  const parts = spec.split('/');
  if (parts.length === 0 || parts.length > 3 || parts.some((p) => !/^[A-Za-z0-9_.-]+$/.test(p))) return null;
  const os = (p: string) => (p.toLowerCase() === 'macos' ? 'darwin' : p.toLowerCase());
  const arch = (a: string, v: string): [string, string] => {
    const alias = ARCH_ALIASES[a.toLowerCase()];
    if (!alias) return [a.toLowerCase(), v.toLowerCase()];
    if (alias[0] === 'arm64' && (v === '' || v === 'v8')) return ['arm64', ''];
    return [alias[0], v ? v.toLowerCase() : alias[1]];
  };
  if (parts.length === 1) {
    const p = parts[0].toLowerCase();
    if (KNOWN_OS.has(os(p))) return { os: os(p), arch: 'amd64', variant: '' };
    const [a, v] = arch(p, '');
    if (KNOWN_ARCH.has(a)) return { os: 'linux', arch: a, variant: v };
    return null;
  }
  const [a, v] = arch(parts[1], parts[2] ?? '');
  return { os: os(parts[0]), arch: a, variant: v };
}

/** The value of an ENV/ARG/LABEL pair as written (quotes kept), for BuildKit-style expansion. */
function rawValue(model: DockerfileModel, inst: Instruction, kv: KeyValue): string | null {
  if (kv.value === null) return null;
  const word = inst.args.find((a) => a.start === kv.keyStart);
  if (!word || !kv.equals) return kv.value;
  const raw = model.text.slice(word.start, word.end);
  const eq = raw.indexOf('=');
  return eq === -1 ? kv.value : raw.slice(eq + 1);
}

/** Names declared by ARGs before the first FROM. */
export function globalArgNames(model: DockerfileModel): Set<string> {
  const names = new Set<string>();
  for (const a of model.globalArgs) for (const kv of keyValues(a)) names.add(kv.key);
  return names;
}

/**
 * The variables FROM lines see when no `--build-arg` is given: BuildKit's platform arguments (with
 * placeholder values for linux/amd64) and the global ARG defaults, expanded in order. Computed once
 * per file: several FROM rules ask.
 */
export function defaultFromEnv(model: DockerfileModel): ReadonlyMap<string, string> {
  let env = fromEnvs.get(model);
  if (env) return env;
  const built = new Map(PLATFORM_ARGS);
  for (const a of model.globalArgs) {
    for (const kv of keyValues(a)) {
      const raw = rawValue(model, a, kv);
      if (raw !== null) built.set(kv.key, processWord(raw, built, { escapeChar: model.escapeChar }).result);
    }
  }
  fromEnvs.set(model, (env = built));
  return env;
}
const fromEnvs = new WeakMap<DockerfileModel, ReadonlyMap<string, string>>();
