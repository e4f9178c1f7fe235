// ShellCheck on RUN scripts, the pure half: which scripts to check and how (shell, variables the
// Dockerfile declares), and how ShellCheck's json1 comments map back to Dockerfile offsets. Running
// the binary is src/shellcheck-runner.ts, called by the lint layer before the rules run; the
// results are attached to the model and read by the DO590 rule, which never spawns anything.
import { keyValues, lastBefore, type DockerfileModel, type Instruction, type Stage } from './model.ts';
import { isWindowsStage } from './rule-helpers.ts';
import type { Edit, Finding, Severity } from './types.ts';

/** The rule that reports ShellCheck comments; `SCxxxx` in pragmas suppresses its findings by code. */
export const SHELLCHECK_RULE = 'DO590';

/**
 * Excluded as hadolint does: SC2187 (ash is checked as dash) and SC1090 (non-constant `source`,
 * which needs a directive a Dockerfile cannot hold); and SC1091 (a sourced file such as
 * /etc/os-release lives in the image, never next to the Dockerfile).
 */
export const DEFAULT_EXCLUDES = ['SC1090', 'SC1091', 'SC2187'];

// Predefined build arguments RUN sees without an ARG (hadolint adds the same).
const PROXY_VARIABLES = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'];

const SHELLS: Record<string, string> = { sh: 'sh', bash: 'bash', dash: 'dash', ash: 'ash', ksh: 'ksh', mksh: 'ksh' };

export interface ShellcheckScript {
  inst: Instruction;
  /** The file ShellCheck reads: a shebang, `export NAME=1` for each declared variable, the script. */
  source: string;
  /** Lines before the script in `source`. */
  headerLines: number;
  /** The script itself and the Dockerfile offset of each of its characters (map[body.length] = end). */
  body: string;
  map: number[];
}

export interface ShellcheckComment {
  /** `SC2086` */
  code: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** ShellCheck's suggested edit, when it maps cleanly onto the Dockerfile. */
  fix: Edit[] | null;
}

/** One comment of `shellcheck --format=json1`. */
export interface Json1Comment {
  file: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: string;
  code: number;
  message: string;
  fix: { replacements: { line: number; column: number; endLine: number; endColumn: number; replacement: string }[] } | null;
}

/** The shell a RUN runs under, as ShellCheck names it; null for exec form, Windows and other shells. */
function shellFor(inst: Instruction): string | null {
  if (isWindowsStage(inst.stage)) return null;
  const shell = lastBefore(inst, ['SHELL']);
  if (!shell) return 'sh';
  const exe = shell.json?.[0];
  if (!exe) return null;
  return SHELLS[exe.slice(exe.lastIndexOf('/') + 1)] ?? null;
}

/** The scripts of a file's RUN instructions that ShellCheck can check (shell form, POSIX-like shell). */
export function shellcheckScripts(model: DockerfileModel): ShellcheckScript[] {
  const out: ShellcheckScript[] = [];
  // ARG and ENV names visible to a RUN: declared earlier in its stage or the stages it builds on.
  // Tracked in one pass (a file may have tens of thousands of RUNs).
  const finalNames = new Map<Stage, Set<string>>();
  let names = new Set<string>();
  let header = '';
  let headerLines = 0;
  let headerFor: { names: number; shell: string } | null = null;
  for (const inst of model.instructions) {
    if (inst.keyword === 'FROM') {
      if (inst.stage) finalNames.set(inst.stage, (names = new Set(PROXY_VARIABLES)));
      const parents = [];
      for (let s = inst.stage?.parentStage; s; s = s.parentStage) parents.unshift(s);
      for (const s of parents) for (const n of finalNames.get(s) ?? []) names.add(n);
      headerFor = null;
      continue;
    }
    if (inst.keyword === 'ARG' || inst.keyword === 'ENV') {
      if (inst.stage) for (const kv of keyValues(inst)) if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(kv.key)) names.add(kv.key);
      continue;
    }
    if (inst.keyword !== 'RUN' || inst.json || !inst.shell) continue;
    const shell = shellFor(inst);
    if (!shell) continue;
    const chars: string[] = [];
    const map: number[] = [];
    const push = (text: string, at: (k: number) => number) => {
      for (let k = 0; k < text.length; k++) {
        // Windows line endings in heredocs would all be reported as SC1017.
        if (text[k] === '\r' && text[k + 1] === '\n') continue;
        chars.push(text[k]);
        map.push(at(k));
      }
    };
    const { text, map: shellMap } = inst.shell;
    push(text, (k) => shellMap[k]);
    const docs = inst.heredocs;
    const scriptIsHeredoc = docs.length > 0 && text.length > 0 && shellMap[0] === docs[0].contentStart;
    if (docs.length && !scriptIsHeredoc) {
      // `RUN cat <<EOF > file`: give ShellCheck the bodies too, so the here-documents are complete.
      for (const h of docs) {
        push('\n', () => h.contentStart);
        push(h.content, (k) => Math.min(h.contentStart + k, h.contentEnd));
        push(`${h.name}\n`, () => h.contentEnd);
      }
    }
    const body = chars.join('');
    if (!body.trim()) continue;
    map.push(scriptIsHeredoc || docs.length ? (map[map.length - 1] ?? inst.end) + 1 : shellMap[text.length]);
    if (!headerFor || headerFor.names !== names.size || headerFor.shell !== shell) {
      const list = names.size ? [...names] : PROXY_VARIABLES;
      header = `#!/bin/${shell}\n${list.map((n) => `export ${n}=1\n`).join('')}`;
      headerLines = 1 + list.length;
      headerFor = { names: names.size, shell };
    }
    out.push({ inst, source: header + body, headerLines, body, map });
  }
  return out;
}

const LEVELS: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'style' };

/** Map json1 comments for one script back to Dockerfile offsets. */
export function mapComments(script: ShellcheckScript, comments: Json1Comment[]): ShellcheckComment[] {
  const { body, map, headerLines } = script;
  const lineStarts = [0];
  for (let i = 0; i < body.length; i++) if (body[i] === '\n') lineStarts.push(i + 1);
  // ShellCheck counts columns in characters (code points), 1-based; tabs count as one.
  const index = (line: number, column: number): number | null => {
    const l = line - 1 - headerLines;
    if (l < 0 || l >= lineStarts.length) return null;
    let i = lineStarts[l];
    const lineEnd = l + 1 < lineStarts.length ? lineStarts[l + 1] - 1 : body.length;
    for (let c = 1; c < column && i < lineEnd; c++) i += (body.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
    return Math.min(i, lineEnd);
  };
  const contiguous = (from: number, to: number) => {
    for (let k = from; k + 1 < to; k++) if (map[k + 1] !== map[k] + 1) return false;
    return true;
  };
  const offsets = (s: number, e: number) => ({ start: map[s], end: e > s ? map[e - 1] + 1 : map[s] });
  const out: ShellcheckComment[] = [];
  for (const c of comments) {
    const s = index(c.line, c.column);
    const e = index(c.endLine, c.endColumn);
    if (s === null) continue;
    const span = offsets(s, Math.max(s, e ?? s));
    let fix: Edit[] | null = null;
    if (c.fix?.replacements.length) {
      fix = [];
      for (const r of c.fix.replacements) {
        const rs = index(r.line, r.column);
        const re = index(r.endLine, r.endColumn);
        // Only edits that do not straddle a line continuation or a dropped comment line.
        if (rs === null || re === null || re < rs || !contiguous(rs > 0 ? rs - 1 : rs, re + 1 <= body.length ? re + 1 : re)) {
          fix = null;
          break;
        }
        fix.push({ ...offsets(rs, re), text: r.replacement });
      }
    }
    out.push({ code: `SC${c.code}`, severity: LEVELS[c.level] ?? 'warning', message: c.message, start: span.start, end: span.end, fix });
  }
  return out;
}

const results = new WeakMap<DockerfileModel, ShellcheckComment[]>();

/** Record ShellCheck's comments for a file (the lint layer does this before running the rules). */
export function setShellcheckResults(model: DockerfileModel, comments: ShellcheckComment[]): void {
  results.set(model, comments);
}

/** ShellCheck's comments for a file, or undefined when ShellCheck did not run on it. */
export function shellcheckResults(model: DockerfileModel): readonly ShellcheckComment[] | undefined {
  return results.get(model);
}

/** The ShellCheck code of a DO590 finding (its message starts with it), else null. */
export function shellcheckCode(finding: Finding): string | null {
  if (finding.code !== SHELLCHECK_RULE) return null;
  const m = /^(SC\d{4})\b/.exec(finding.message);
  return m ? m[1] : null;
}
