// The one adapter over dockerfile-ast. Everything else in dockopt sees this model, never the
// library: positions are converted to offsets here (BOM and CRLF included), ONBUILD triggers are
// attached to their ONBUILD, heredocs and RUN shell text are exposed in a form rules can trust.
import { Instruction as PlainAstInstruction } from 'dockerfile-ast';
import type {
  Dockerfile as AstDockerfile,
  Instruction as AstInstruction,
  Heredoc as AstHeredoc,
} from 'dockerfile-ast';
// dockerfile-ast's own parser, used without its per-keyword instruction classes (see leanParse).
import { Parser } from 'dockerfile-ast/lib/parser.js';
import { parseShell, type ShellScript } from './shell.ts';

export const KNOWN_INSTRUCTIONS = new Set([
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT',
  'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
]);

export interface Span {
  start: number;
  end: number;
}

export interface Flag extends Span {
  name: string;
  /** null when written without `=` (e.g. `--link`). */
  value: string | null;
  valueStart: number;
  valueEnd: number;
}

export interface Mount {
  /** Defaults to bind, as in BuildKit. */
  type: string;
  target: string | null;
  options: Record<string, string>;
  flag: Flag;
}

export interface Heredoc {
  name: string;
  /** `<<-` strips leading tabs. */
  stripTabs: boolean;
  /** Whether the name was quoted (no expansion inside). */
  quoted: boolean;
  content: string;
  contentStart: number;
  contentEnd: number;
}

export interface Word extends Span {
  /** The value with quotes removed. */
  value: string;
}

export interface Instruction extends Span {
  index: number;
  /** Upper-case keyword, e.g. RUN. Unknown keywords keep their (upper-cased) text. */
  keyword: string;
  /** The keyword as written. */
  keywordText: string;
  keywordStart: number;
  keywordEnd: number;
  known: boolean;
  /** 0-based line of the keyword and of the last character. */
  line: number;
  endLine: number;
  /** Raw text of the instruction (all its lines). */
  text: string;
  flags: Flag[];
  /** Arguments after the flags, as dockerfile-ast splits them (heredoc bodies excluded). */
  args: Word[];
  /** Offset where the arguments (after flags) begin, or the end of the keyword if there are none. */
  argsStart: number;
  /** Exec (JSON) form: the parsed array; null for shell form or invalid JSON. */
  json: string[] | null;
  heredocs: Heredoc[];
  stage: Stage | null;
  /** For an ONBUILD, its trigger instruction; for a trigger, its ONBUILD. */
  trigger: Instruction | null;
  parent: Instruction | null;
  /** Comment lines directly above the instruction (no blank line or instruction in between). */
  leadingComments: Comment[];
  flag(name: string): Flag | undefined;
  /** Parsed RUN mounts (`--mount=`). */
  readonly mounts: Mount[];
  /** The shell script a shell-form RUN executes (continuations joined, comment lines dropped). */
  readonly shell: ShellScript | null;
}

export interface Stage {
  index: number;
  /** Name as written after AS, or null. */
  name: string | null;
  nameSpan: Span | null;
  from: Instruction;
  /** The base image as written. */
  image: string | null;
  imageSpan: Span | null;
  /** The base with ARG defaults substituted, or null if it depends on an unknown value. */
  resolvedImage: string | null;
  /** The stage this one builds on (FROM <stage name>), if any. */
  parentStage: Stage | null;
  instructions: Instruction[];
  /** The stage's instructions with one of these keywords, in order (indexed once, on first use). */
  ofKind(...keywords: string[]): Instruction[];
}

export interface Comment extends Span {
  line: number;
  /** Text after `#`, trimmed. */
  text: string;
}

export interface Directive extends Span {
  line: number;
  name: string;
  value: string;
}

export interface DockerfileModel {
  path: string;
  /** The full text as read (BOM included). */
  text: string;
  hasBom: boolean;
  eol: '\n' | '\r\n';
  escapeChar: string;
  directives: Directive[];
  comments: Comment[];
  instructions: Instruction[];
  /** ARG instructions before the first FROM. */
  globalArgs: Instruction[];
  stages: Stage[];
  positionAt(offset: number): { line: number; character: number };
  offsetAt(line: number, character: number): number;
  /** Offsets of line starts (0-based lines). */
  lineStarts: number[];
  /** Substitute $VAR / ${VAR} with what is known at `inst` (ARG defaults, ENV). null if unknown. */
  expand(value: string, inst: Instruction | null): string | null;
  /** Known value of a variable at `inst` (ARG default or ENV), undefined if unknown. */
  variable(name: string, inst: Instruction | null): string | undefined;
}

const BOM = '\uFEFF';

export function parseDockerfile(text: string, path = 'Dockerfile'): DockerfileModel {
  const hasBom = text.startsWith(BOM);
  const body = hasBom ? text.slice(1) : text;
  const base = hasBom ? 1 : 0;
  const lineStarts = computeLineStarts(body, base);
  const eol: '\n' | '\r\n' = /\r\n/.test(body) && !/(^|[^\r])\n/.test(body) ? '\r\n' : '\n';
  const offsetAt = (line: number, character: number): number => {
    if (line >= lineStarts.length) return text.length;
    return Math.min(lineStarts[line] + character, text.length);
  };
  const positionAt = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - lineStarts[lo] };
  };
  const rangeToSpan = (r: { start: { line: number; character: number }; end: { line: number; character: number } }): Span => ({
    start: offsetAt(r.start.line, r.start.character),
    end: offsetAt(r.end.line, r.end.character),
  });

  const ast = leanParse(body);
  const escapeChar = ast.getEscapeCharacter();

  const directives: Directive[] = ast.getDirectives().map((d) => {
    const span = rangeToSpan(d.getRange());
    return { ...span, line: d.getRange().start.line, name: d.getName().toLowerCase(), value: d.getValue() };
  });
  const comments: Comment[] = ast.getComments().map((c) => {
    const range = c.getRange();
    const start = offsetAt(range.start.line, range.start.character);
    const end = offsetAt(range.end.line, range.end.character);
    // What Comment.getContent() returns, read from the text directly (it re-reads the whole document).
    return { start, end, line: range.start.line, text: text.slice(start + 1, end).trim() };
  });

  const instructions: Instruction[] = [];
  const stages: Stage[] = [];
  const globalArgs: Instruction[] = [];
  let current: Stage | null = null;

  const source: Source = { text, body, base, escapeChar, rangeToSpan, positionAt };
  const build = (node: AstInstruction, parent: Instruction | null): Instruction => new LazyInstruction(source, node, instructions.length, parent);

  const astInstructions = ast.getInstructions();
  for (const node of astInstructions) {
    const inst = build(node, null);
    if (inst.keyword === 'ONBUILD') {
      const trig = safe(() => (node as unknown as { getTriggerInstruction(): AstInstruction | null }).getTriggerInstruction(), null);
      if (trig) inst.trigger = build(trig, inst);
    }
    if (inst.keyword === 'FROM') {
      current = makeStage(inst, stages.length);
      stages.push(current);
    } else if (current === null && inst.keyword === 'ARG') {
      globalArgs.push(inst);
    }
    inst.stage = current;
    if (inst.trigger) inst.trigger.stage = current;
    current?.instructions.push(inst);
    instructions.push(inst);
  }

  attachLeadingComments(instructions, comments, directives, body, lineStarts, base);

  const model: DockerfileModel = {
    path,
    text,
    hasBom,
    eol,
    escapeChar,
    directives,
    comments,
    instructions,
    globalArgs,
    stages,
    lineStarts,
    positionAt,
    offsetAt,
    expand: (value, inst) => expandVariables(value, (n) => lookupVariable(model, n, inst)),
    variable: (name, inst) => lookupVariable(model, name, inst),
  };
  for (const stage of stages) {
    stage.resolvedImage = stage.image === null ? null : model.expand(stage.image, stage.from);
    const baseName = stage.resolvedImage?.toLowerCase();
    stage.parentStage = baseName ? stages.slice(0, stage.index).find((s) => s.name?.toLowerCase() === baseName) ?? null : null;
  }
  return model;
}

type AstPosition = { line: number; character: number };

/** The parts of dockerfile-ast's Parser that leanParse replaces (private in its typings). */
interface ParserInternals {
  document: { positionAt(offset: number): AstPosition; offsetAt(position: AstPosition): number };
  escapeChar: string;
  buffer: string;
  parse(buffer: string): AstDockerfile;
  createInstruction(dockerfile: AstDockerfile, instruction: string, start: number, instructionEnd: number, end: number): AstInstruction;
  processHeredocs(instruction: AstInstruction, offset: number): number;
}

/**
 * DockerfileParser.parse, minus the work dockopt never reads. dockerfile-ast builds every RUN,
 * COPY, ADD, CMD, ENTRYPOINT, SHELL and VOLUME as a JSONInstruction whose constructor splits the
 * arguments and reads them as JSON, twice per instruction (once more for the heredoc check), which
 * is most of its parse time. The model splits words and reads JSON itself, lazily, so here every
 * instruction but ONBUILD (whose trigger the model reads) is the plain Instruction base class, and
 * the heredoc scan runs only for instructions that contain `<<`. Positions, comments, directives,
 * heredocs and the instruction list are dockerfile-ast's own. Tied to the pinned 0.7.1 internals.
 */
function leanParse(body: string): AstDockerfile {
  const parser = new Parser() as unknown as ParserInternals;
  const processHeredocs = parser.processHeredocs;
  parser.createInstruction = function (this: ParserInternals, dockerfile, instruction, start, instructionEnd, end) {
    const startPosition = this.document.positionAt(start);
    const instructionRange = { start: startPosition, end: this.document.positionAt(instructionEnd) };
    const lineRange = { start: startPosition, end: this.document.positionAt(end) };
    if (instruction.length === 7 && instruction.toUpperCase() === 'ONBUILD') {
      return Parser.createInstruction(this.document as never, dockerfile as never, this.escapeChar, lineRange, instruction, instructionRange);
    }
    return new PlainAstInstruction(this.document as never, lineRange, dockerfile as never, this.escapeChar, instruction, instructionRange);
  };
  parser.processHeredocs = function (this: ParserInternals, instruction, offset) {
    const start = this.document.offsetAt(instruction.getRange().start);
    const marker = this.buffer.indexOf('<<', start);
    return marker !== -1 && marker < offset ? processHeredocs.call(this, instruction, offset) : offset;
  };
  return parser.parse(body);
}

interface Source {
  text: string;
  body: string;
  base: number;
  escapeChar: string;
  rangeToSpan: (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => Span;
  positionAt: (offset: number) => { line: number; character: number };
}

const FLAG_KEYWORDS = new Set(['FROM', 'RUN', 'COPY', 'ADD', 'HEALTHCHECK']);
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

/**
 * An instruction whose details are computed on first use: dockerfile-ast recomputes arguments on
 * every call, so dockopt splits words itself, once, and only for the instructions a rule looks at.
 */
class LazyInstruction implements Instruction {
  readonly start: number;
  readonly end: number;
  readonly index: number;
  readonly keyword: string;
  readonly keywordText: string;
  readonly keywordStart: number;
  readonly keywordEnd: number;
  readonly known: boolean;
  readonly line: number;
  readonly endLine: number;
  stage: Stage | null = null;
  trigger: Instruction | null = null;
  readonly parent: Instruction | null;
  leadingComments: Comment[] = [];
  private readonly src: Source;
  private readonly node: AstInstruction;
  private split: { flags: Flag[]; args: Word[]; argsStart: number; cmdEnd: number } | null = null;
  private heredocCache: Heredoc[] | null = null;
  private jsonCache: string[] | null | undefined = undefined;
  private mountCache: Mount[] | null = null;
  private shellCache: ShellScript | null | undefined = undefined;

  constructor(src: Source, node: AstInstruction, index: number, parent: Instruction | null) {
    this.src = src;
    this.node = node;
    this.index = index;
    this.parent = parent;
    const range = node.getRange();
    const kw = node.getInstructionRange();
    const span = src.rangeToSpan(range);
    const kwSpan = src.rangeToSpan(kw);
    this.start = span.start;
    this.end = span.end;
    this.keywordStart = kwSpan.start;
    this.keywordEnd = kwSpan.end;
    this.keywordText = node.getInstruction();
    this.keyword = this.keywordText.toUpperCase();
    this.known = KNOWN_INSTRUCTIONS.has(this.keyword);
    this.line = range.start.line;
    this.endLine = range.end.line;
  }

  get text(): string {
    return this.src.text.slice(this.start, this.end);
  }

  get heredocs(): Heredoc[] {
    if (this.heredocCache === null) {
      const hasMarker = HEREDOC_KEYWORDS.has(this.keyword) && this.src.text.slice(this.keywordEnd, this.end).includes('<<');
      this.heredocCache = hasMarker ? readHeredocs(this.node, this.src.body, this.src.base, this.src.rangeToSpan) : [];
    }
    return this.heredocCache;
  }

  private words() {
    if (this.split) return this.split;
    const { text, escapeChar } = this.src;
    let cmdEnd = this.end;
    const docs = this.heredocs;
    if (docs.length) {
      // Arguments end with the line that holds the first heredoc marker.
      const marker = text.indexOf('<<', this.keywordEnd);
      const nl = text.indexOf('\n', marker);
      cmdEnd = Math.min(this.end, nl === -1 ? this.end : nl);
      if (text[cmdEnd - 1] === '\r') cmdEnd--;
    }
    const all = splitWords(text, this.keywordEnd, cmdEnd, escapeChar);
    const flags: Flag[] = [];
    let k = 0;
    if (FLAG_KEYWORDS.has(this.keyword)) {
      for (; k < all.length && all[k].value.startsWith('--') && all[k].value.length > 2; k++) {
        const w = all[k];
        const eq = w.value.indexOf('=');
        const name = (eq === -1 ? w.value.slice(2) : w.value.slice(2, eq)).toLowerCase();
        const rawEq = text.indexOf('=', w.start);
        const valueStart = eq === -1 ? w.end : rawEq + 1;
        flags.push({ start: w.start, end: w.end, name, value: eq === -1 ? null : unquote(w.value.slice(eq + 1)), valueStart, valueEnd: w.end });
      }
    }
    const args = all.slice(k);
    const afterFlags = flags.length ? flags[flags.length - 1].end : this.keywordEnd;
    const argsStart = args.length ? args[0].start : skipBlank(text, afterFlags, this.end);
    this.split = { flags, args, argsStart, cmdEnd };
    return this.split;
  }

  get flags(): Flag[] {
    return this.words().flags;
  }

  get args(): Word[] {
    return this.words().args;
  }

  get argsStart(): number {
    return this.words().argsStart;
  }

  get json(): string[] | null {
    if (this.jsonCache === undefined) this.jsonCache = parseJsonForm(this.keyword, this.src.text.slice(this.argsStart, this.words().cmdEnd), this.src.escapeChar);
    return this.jsonCache;
  }

  flag(name: string): Flag | undefined {
    return this.flags.find((f) => f.name === name);
  }

  get mounts(): Mount[] {
    return (this.mountCache ??= this.flags.filter((f) => f.name === 'mount').map(parseMount));
  }

  get shell(): ShellScript | null {
    if (this.shellCache === undefined) {
      this.shellCache = this.keyword === 'RUN' && this.json === null ? runShellScript(this, this.src.text, this.src.escapeChar) : null;
    }
    return this.shellCache;
  }
}

/**
 * Split instruction arguments into words as the Dockerfile parser does: whitespace separates,
 * quotes group, an escape at the end of a line continues it, and comment lines inside a continued
 * instruction are dropped. Values keep quotes; offsets point into the file.
 */
export function splitWords(text: string, from: number, to: number, escapeChar: string): Word[] {
  const words: Word[] = [];
  let i = from;
  let lineStart = false;
  const continuation = (at: number): number => {
    // If an escape at `at` ends the line, the offset after the newline; else -1.
    let j = at + 1;
    while (j < to && (text[j] === ' ' || text[j] === '\t')) j++;
    if (j >= to) return to;
    if (text[j] === '\r' && text[j + 1] === '\n') return j + 2;
    if (text[j] === '\n' || text[j] === '\r') return j + 1;
    return -1;
  };
  const skipCommentLines = (at: number): number => {
    let j = at;
    for (;;) {
      let k = j;
      while (k < to && (text[k] === ' ' || text[k] === '\t')) k++;
      if (k < to && text[k] === '#') {
        while (k < to && text[k] !== '\n') k++;
        j = k + 1;
        continue;
      }
      if (k < to && (text[k] === '\n' || text[k] === '\r')) {
        // empty continuation line
        j = k + (text[k] === '\r' && text[k + 1] === '\n' ? 2 : 1);
        continue;
      }
      return j;
    }
  };
  while (i < to) {
    if (lineStart) {
      i = skipCommentLines(i);
      lineStart = false;
      continue;
    }
    const c = text[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c === '\n' || c === '\r') {
      i++;
      lineStart = true;
      continue;
    }
    if (c === escapeChar) {
      const after = continuation(i);
      if (after !== -1) {
        i = after;
        lineStart = true;
        continue;
      }
    }
    const start = i;
    let value = '';
    let quote = '';
    while (i < to) {
      const ch = text[i];
      if (ch === escapeChar) {
        const after = continuation(i);
        if (after !== -1) {
          i = skipCommentLines(after);
          continue;
        }
        value += ch + (text[i + 1] ?? '');
        i += 2;
        continue;
      }
      if (quote) {
        if (ch === quote) quote = '';
        if (ch === '\n' || ch === '\r') break;
        value += ch;
        i++;
        continue;
      }
      if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') break;
      if (ch === '"' || ch === "'") quote = ch;
      // Copy the run of ordinary characters that follows in one slice.
      let j = i + 1;
      for (; j < to; j++) {
        const c = text[j];
        if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '"' || c === "'" || c === escapeChar) break;
      }
      if (quote) j = i + 1;
      value += text.slice(i, j);
      i = j;
    }
    words.push({ value, start, end: Math.min(i, to) });
  }
  return words;
}

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

function computeLineStarts(body: string, base: number): number[] {
  const starts = [base];
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 13) {
      if (body.charCodeAt(i + 1) === 10) i++;
      starts.push(base + i + 1);
    } else if (c === 10) {
      starts.push(base + i + 1);
    }
  }
  return starts;
}

function skipBlank(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

function parseMount(flag: Flag): Mount {
  const options: Record<string, string> = {};
  for (const part of splitCsv(flag.value ?? '')) {
    const eq = part.indexOf('=');
    const key = (eq === -1 ? part : part.slice(0, eq)).trim().toLowerCase();
    if (key) options[key] = eq === -1 ? 'true' : part.slice(eq + 1).trim();
  }
  const target = options.target ?? options.dst ?? options.destination ?? null;
  return { type: options.type ?? 'bind', target, options, flag };
}

function splitCsv(value: string): string[] {
  // BuildKit parses --mount with encoding/csv: fields may be double-quoted.
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function makeStage(from: Instruction, index: number): Stage {
  const kindCache = new Map<string, Instruction[]>();
  // FROM [--platform=..] image [AS name]
  const [image, as, name] = from.args;
  const hasName = as !== undefined && as.value.toLowerCase() === 'as' && name !== undefined;
  return {
    index,
    name: hasName ? name.value : null,
    nameSpan: hasName ? { start: name.start, end: name.end } : null,
    from,
    image: image?.value ?? null,
    imageSpan: image ? { start: image.start, end: image.end } : null,
    resolvedImage: null,
    parentStage: null,
    instructions: [],
    ofKind(...keywords: string[]) {
      const key = keywords.length === 1 ? keywords[0] : keywords.join('|');
      let list = kindCache.get(key);
      if (!list) kindCache.set(key, (list = this.instructions.filter((i) => keywords.includes(i.keyword))));
      return list;
    },
  };
}

/**
 * The nearest instruction with one of `keywords` before `inst`, in its stage or the stages it
 * builds on (FROM <stage>), that `accept` takes. Uses the per-stage index: no walk over all RUNs.
 */
export function lastBefore(inst: Instruction, keywords: string[], accept: (c: Instruction) => boolean = () => true): Instruction | undefined {
  let stage = inst.stage;
  let before = inst.start;
  while (stage) {
    const list = stage.ofKind(...keywords);
    for (let i = list.length - 1; i >= 0; i--) {
      const c = list[i];
      if (c.start < before && accept(c)) return c;
    }
    before = Infinity;
    stage = stage.parentStage;
  }
  return undefined;
}

const HEREDOC_MARK = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;

function readHeredocs(
  node: AstInstruction,
  body: string,
  base: number,
  rangeToSpan: (r: ReturnType<AstHeredoc['getNameRange']>) => Span,
): Heredoc[] {
  const getter = (node as unknown as { getHeredocs?: () => AstHeredoc[] }).getHeredocs;
  if (!getter) return [];
  const docs = safe(() => getter.call(node), [] as AstHeredoc[]);
  if (docs.length === 0) return [];
  // Quoting and <<- are not exposed by the library: read them from the marker text.
  const firstLine = node.getRange().start.line;
  const lineText = body.split(/\r\n|\r|\n/, firstLine + 1)[firstLine] ?? '';
  const marks = [...lineText.matchAll(HEREDOC_MARK)];
  return docs.map((d, i) => {
    const cr = d.getContentRange();
    const span = cr ? rangeToSpan(cr) : { start: rangeToSpan(d.getNameRange()).end, end: rangeToSpan(d.getNameRange()).end };
    const m = marks.find((x) => x[3] === d.getName()) ?? marks[i];
    let content = cr ? body.slice(span.start - base, span.end - base) : '';
    if (content) content += '\n';
    return {
      name: d.getName(),
      stripTabs: m ? m[1] === '-' : false,
      quoted: m ? m[2] !== '' : false,
      content,
      contentStart: span.start,
      contentEnd: span.end,
    };
  });
}

function parseJsonForm(keyword: string, rest: string, escapeChar: string): string[] | null {
  if (!['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME'].includes(keyword)) return null;
  const trimmed = rest.trim();
  if (!trimmed.startsWith('[')) return null;
  try {
    const esc = escapeChar.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
    const value: unknown = JSON.parse(trimmed.replace(new RegExp(`${esc}[ \t]*\r?\n`, 'g'), ''));
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  } catch {
    /* shell form that starts with '[' */
  }
  return null;
}

/**
 * The script a shell-form RUN runs, as BuildKit builds it: line continuations removed, comment lines
 * inside the instruction dropped. Heredoc bodies are not part of it, except that `RUN <<EOF` with no
 * command runs its body as the script. `map[i]` is the file offset of script character i.
 */
function runShellScript(inst: Instruction, text: string, escapeChar: string): ShellScript {
  let end = inst.end;
  if (inst.heredocs.length) {
    // The command part ends at the end of the line holding the first heredoc marker.
    const nl = text.indexOf('\n', inst.argsStart);
    end = Math.min(end, nl === -1 ? end : nl);
    if (text[end - 1] === '\r') end--;
  }
  // The script is the instruction text minus what is cut out (continuations, newlines, comment
  // lines): kept runs are copied as slices, and map[i] records each kept character's file offset.
  const parts: string[] = [];
  const map: number[] = [];
  let kept = inst.argsStart;
  const cut = (from: number, resume: number) => {
    if (from > kept) {
      parts.push(text.slice(kept, from));
      for (let k = kept; k < from; k++) map.push(k);
    }
    kept = resume;
  };
  const esc = escapeChar.charCodeAt(0);
  const blank = (j: number) => {
    while (j < end && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    return j;
  };
  let i = inst.argsStart;
  let lineStart = true;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (lineStart && i > inst.argsStart) {
      // A comment line inside a continued instruction is removed by the Dockerfile parser.
      let j = blank(i);
      if (text.charCodeAt(j) === 35) {
        while (j < end && text.charCodeAt(j) !== 10) j++;
        cut(i, j + 1);
        i = j + 1;
        continue;
      }
      lineStart = false;
    }
    if (c === esc) {
      let j = blank(i + 1);
      if (text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10) j++;
      if (text.charCodeAt(j) === 10 || j >= end) {
        cut(i, j + 1);
        i = j + 1;
        lineStart = true;
        continue;
      }
    }
    if (c === 10 || c === 13) {
      cut(i, i + 1);
      i++;
      lineStart = true;
      continue;
    }
    i++;
    lineStart = false;
  }
  cut(Math.min(i, end), end);
  map.push(end);
  let script = parts.join('');
  const commandOnlyHeredoc = inst.heredocs.length > 0 && /^\s*(<<-?["']?[A-Za-z_][A-Za-z0-9_]*["']?\s*)+$/.test(script);
  const shellWithHeredoc = inst.heredocs.length > 0 && /^\s*(ba|da|a|z)?sh\b[^<]*<<-?["']?[A-Za-z_]/.test(script);
  if (commandOnlyHeredoc || shellWithHeredoc) {
    const h = inst.heredocs[0];
    script = h.content;
    map.length = 0;
    for (let k = 0; k < h.content.length; k++) map.push(Math.min(h.contentStart + k, h.contentEnd));
    map.push(h.contentEnd);
  }
  return parseShell(script, map);
}

function attachLeadingComments(
  instructions: Instruction[],
  comments: Comment[],
  directives: Directive[],
  body: string,
  lineStarts: number[],
  base: number,
): void {
  const byLine = new Map<number, Comment>();
  for (const c of comments) byLine.set(c.line, c);
  const directiveLines = new Set(directives.map((d) => d.line));
  const lineText = (l: number) => body.slice(lineStarts[l] - base, (lineStarts[l + 1] ?? body.length + base) - base);
  for (const inst of instructions) {
    const found: Comment[] = [];
    for (let l = inst.line - 1; l >= 0; l--) {
      const c = byLine.get(l);
      if (c && !directiveLines.has(l)) {
        found.unshift(c);
        continue;
      }
      if (directiveLines.has(l)) {
        // Directives look like comments; a pragma among them still applies.
        const t = lineText(l).trim();
        found.unshift({ start: lineStarts[l], end: lineStarts[l] + t.length, line: l, text: t.replace(/^#\s*/, '') });
        continue;
      }
      break;
    }
    inst.leadingComments = found;
  }
}

const VAR_RE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

export function expandVariables(value: string, lookup: (name: string) => string | undefined): string | null {
  let unknown = false;
  const out = value.replace(VAR_RE, (_m, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare)!;
    const v = lookup(name);
    if (op === ':-' || op === '-') {
      if (v === undefined || (op === ':-' && v === '')) return expandVariables(word ?? '', lookup) ?? ((unknown = true), '');
      return v;
    }
    if (op === ':+' || op === '+') {
      if (v === undefined) {
        unknown = true;
        return '';
      }
      return v === '' && op === ':+' ? '' : (word ?? '');
    }
    if (v === undefined) {
      unknown = true;
      return '';
    }
    return v;
  });
  return unknown ? null : out;
}

function lookupVariable(model: DockerfileModel, name: string, inst: Instruction | null): string | undefined {
  // FROM lines only see global ARGs.
  if (inst === null || inst.keyword === 'FROM' || inst.stage === null) {
    return globalArgDefault(model, name, inst);
  }
  // The nearest ENV or ARG in this stage (or the stages it builds on) that declares the name.
  const decl = lastBefore(inst, ['ENV', 'ARG'], (c) => declaredValue(c, name) !== undefined);
  if (!decl) return undefined;
  const found = declaredValue(decl, name);
  // `ARG NAME` without a default inherits the global default.
  if (found === null || found === undefined) return decl.keyword === 'ARG' ? globalArgDefault(model, name, null) : undefined;
  return found;
}

function globalArgDefault(model: DockerfileModel, name: string, inst: Instruction | null): string | undefined {
  for (let i = model.globalArgs.length - 1; i >= 0; i--) {
    const a = model.globalArgs[i];
    if (inst && a.start >= inst.start) continue;
    const v = declaredValue(a, name);
    if (v !== undefined) return v ?? undefined;
  }
  return undefined;
}

/** For ENV/ARG: the value assigned to `name` (string), declared without value (null), or not declared here (undefined). */
export function declaredValue(inst: Instruction, name: string): string | null | undefined {
  for (const p of keyValues(inst)) if (p.key === name) return p.value;
  return undefined;
}

export interface KeyValue {
  key: string;
  value: string | null;
  keyStart: number;
  keyEnd: number;
  /** Whether `key=value` form was used (false: legacy `ENV key value`). */
  equals: boolean;
}

/** Key/value pairs of ENV, ARG and LABEL, with quotes removed. */
export function keyValues(inst: Instruction): KeyValue[] {
  const cached = kvCache.get(inst);
  if (cached) return cached;
  const out: KeyValue[] = [];
  const args = inst.args;
  if (args.length >= 1 && inst.keyword === 'ENV' && !args[0].value.includes('=')) {
    // Legacy form: ENV key value with spaces
    const rest = args.slice(1).map((a) => a.value).join(' ');
    out.push({ key: args[0].value, value: args.length > 1 ? rest : '', keyStart: args[0].start, keyEnd: args[0].end, equals: false });
  } else {
    for (const a of args) {
      const eq = a.value.indexOf('=');
      if (eq === -1) out.push({ key: a.value, value: null, keyStart: a.start, keyEnd: a.end, equals: false });
      else out.push({ key: a.value.slice(0, eq), value: unquote(a.value.slice(eq + 1)), keyStart: a.start, keyEnd: a.start + eq, equals: true });
    }
  }
  kvCache.set(inst, out);
  return out;
}
const kvCache = new WeakMap<Instruction, KeyValue[]>();

export function unquote(v: string): string {
  if (v.length >= 2 && ((v[0] === '"' && v.endsWith('"')) || (v[0] === "'" && v.endsWith("'")))) return v.slice(1, -1);
  return v;
}
