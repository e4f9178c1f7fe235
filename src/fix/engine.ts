// The fix engine: lint, apply the selected fixes that do not overlap, re-lint, and repeat until no
// selected fix is left (a fixed point). Passes are bounded and a text seen before means a cycle:
// both are errors naming the rules involved, never a silent half-fix. A fix whose edits are
// malformed, touch text the parser did not understand, drop a comment or make the file parse worse
// is rejected and reported; the others still apply.
import { rules as catalogue } from '../../rules/index.ts';
import { parseDockerfile, type DockerfileModel } from '../model.ts';
import { checkModel, type RuleSetting } from '../engine.ts';
import { defaultSettings } from '../lint.ts';
import { DockoptError } from '../errors.ts';
import type { Edit, Finding, Fix, LintSettings } from '../types.ts';
import { applyEdits } from './apply.ts';

export interface FixOptions {
  /** Path for messages (and the model). */
  path?: string;
  /** Also apply unsafe fixes. */
  unsafe?: boolean;
  /** Only apply fixes of these rules (codes, upper case). All enabled rules still lint. */
  only?: readonly string[];
  /** Rule settings (from the config); default: the catalogue's defaults. */
  enabled?: readonly RuleSetting[];
  settings?: LintSettings;
  /** Upper bound on lint-and-fix passes. */
  maxPasses?: number;
  /**
   * Whole-file rewrites to run before the rule fixes (the multi-stage template). The caller decides
   * which apply; each gets the text and returns new text, or null when it does not fit the file.
   */
  rewrites?: readonly Rewrite[];
  /**
   * Called with each parsed model before the rules run: the caller's chance to attach results of
   * outside tools (ShellCheck for DO590). fixText itself does no I/O.
   */
  prepare?: (model: DockerfileModel) => void;
}

export interface Rewrite {
  code: string;
  description: string;
  applicability: 'safe' | 'unsafe';
  apply(text: string, options: FixOptions): string | null;
}

export interface AppliedFix {
  code: string;
  name: string;
  description: string;
  applicability: 'safe' | 'unsafe';
  /** 1-based line of the finding in the text of the pass that applied it. */
  line: number;
  pass: number;
}

export interface RejectedFix {
  code: string;
  name: string;
  description: string;
  /** 1-based line of the finding in the text of the pass that tried it. */
  line: number;
  reason: string;
}

export interface FixTextResult {
  path: string;
  input: string;
  output: string;
  changed: boolean;
  /** Lint passes run (the last one finds nothing left to fix). */
  passes: number;
  applied: AppliedFix[];
  rejected: RejectedFix[];
  /** Findings of the fixed text. */
  remaining: Finding[];
  /** Remaining findings whose fix is unsafe and was left out (no `unsafe` option). */
  unsafeSkipped: number;
}

const DEFAULT_MAX_PASSES = 50;

export class FixConvergenceError extends DockoptError {
  constructor(file: string, message: string) {
    super('input', message, { file, hint: 'please report this with the Dockerfile; `--only` can apply the other fixes' });
    this.name = 'FixConvergenceError';
  }
}

interface Candidate {
  finding: Finding;
  fix: Fix;
  edits: Edit[];
  key: string;
}

/** Apply fixes to one Dockerfile's text until nothing selected is left to fix. Pure: no I/O. */
export function fixText(input: string, options: FixOptions = {}): FixTextResult {
  const path = options.path ?? 'Dockerfile';
  const enabled = options.enabled ?? defaultSettings();
  const maxPasses = options.maxPasses ?? DEFAULT_MAX_PASSES;
  const only = options.only ? new Set(options.only.map((c) => c.toUpperCase())) : null;
  const selected = (f: Finding) => f.fix !== null && (options.unsafe || f.fix.applicability === 'safe') && (!only || only.has(f.code));
  const applied: AppliedFix[] = [];
  const rejected: RejectedFix[] = [];
  const rejectedKeys = new Set<string>();

  let text = input;
  for (const rewrite of options.rewrites ?? []) {
    const next = rewrite.apply(text, options);
    if (next === null || next === text) continue;
    const lost = lostComment(text, next);
    const problem = lost ? `it would drop the comment "${lost.slice(0, 60)}"` : damage(parseDockerfile(text, path), next, path);
    if (problem) {
      rejected.push({ code: rewrite.code, name: rewrite.code, description: rewrite.description, line: 1, reason: problem });
      continue;
    }
    applied.push({ code: rewrite.code, name: rewrite.code, description: rewrite.description, applicability: rewrite.applicability, line: 1, pass: 0 });
    text = next;
  }

  const seen = new Map<string, number>([[text, 0]]);
  const history: string[][] = [];
  let pass = 0;
  let findings: Finding[] = [];
  for (;;) {
    pass++;
    const model = parseDockerfile(text, path);
    options.prepare?.(model);
    findings = checkModel(model, enabled, { catalogue, settings: options.settings });
    const candidates: Candidate[] = [];
    for (const f of findings) {
      if (!selected(f)) continue;
      const key = fixKey(model, f);
      if (rejectedKeys.has(key)) continue;
      const edits = normaliseEdits(model, f.fix!.edits);
      const problem = malformed(model, edits);
      if (problem) {
        rejectedKeys.add(key);
        rejected.push(rejection(f, problem));
        continue;
      }
      candidates.push({ finding: f, fix: f.fix!, edits, key });
    }
    if (candidates.length === 0) break;
    if (pass > maxPasses) {
      const codes = [...new Set(candidates.map((c) => c.finding.code))].join(', ');
      throw new FixConvergenceError(path, `fixes did not converge after ${maxPasses} passes (still fixing ${codes})`);
    }

    // Take fixes in file order; one that overlaps a taken fix, or edits an instruction another fix
    // already edits in this pass, waits for the next pass (re-linted, it may no longer be needed:
    // a cache mount makes `--no-cache-dir` pointless).
    candidates.sort((a, b) => firstEdit(a) - firstEdit(b) || a.finding.start - b.finding.start || (a.finding.code < b.finding.code ? -1 : 1));
    let plan: Candidate[] = [];
    const taken: Edit[] = [];
    const busy = new Set<number>();
    const regions = model.instructions.map((inst) => ({ start: model.lineStarts[Math.min(inst.line, ...inst.leadingComments.map((c) => c.line))], end: inst.end }));
    for (const c of candidates) {
      if (c.edits.some((e) => taken.some((t) => conflicts(e, t)))) continue;
      const touched = regions.flatMap((r, i) => (c.edits.some((e) => e.start <= r.end && e.end >= r.start) ? [i] : []));
      if (touched.some((i) => busy.has(i))) continue;
      plan.push(c);
      taken.push(...c.edits);
      for (const i of touched) busy.add(i);
    }

    let next = applyPlan(text, plan);
    let problem = damage(model, next, path);
    if (problem) {
      // Find the fixes that do damage on their own, reject them, and apply the rest.
      const good: Candidate[] = [];
      for (const c of plan) {
        const alone = damage(model, applyPlan(text, [c]), path);
        if (alone) {
          rejectedKeys.add(c.key);
          rejected.push(rejection(c.finding, alone));
        } else good.push(c);
      }
      plan = good;
      next = applyPlan(text, plan);
      problem = plan.length ? damage(model, next, path) : null;
      if (problem) {
        // Harmless alone, harmful together: keep the first and retry the others next pass.
        plan = plan.slice(0, 1);
        next = applyPlan(text, plan);
      }
    }
    if (plan.length === 0) continue;
    if (next === text) {
      // Edits that change nothing would be offered again forever.
      for (const c of plan) {
        rejectedKeys.add(c.key);
        rejected.push(rejection(c.finding, 'the fix changes nothing'));
      }
      continue;
    }
    const codes = plan.map((c) => c.finding.code);
    if (seen.has(next)) {
      const since = history.slice(seen.get(next)!).flat();
      const involved = [...new Set([...since, ...codes])].sort().join(', ');
      throw new FixConvergenceError(path, `fixes go round in a cycle (${involved}): the file returns to an earlier state after ${pass - seen.get(next)!} passes`);
    }
    for (const c of plan) {
      applied.push({ code: c.finding.code, name: c.finding.name, description: c.fix.description, applicability: c.fix.applicability, line: c.finding.line, pass });
    }
    history.push(codes);
    seen.set(next, pass);
    text = next;
  }

  const output = keepFinalNewline(input, text);
  if (output !== text) {
    const model = parseDockerfile(output, path);
    options.prepare?.(model);
    findings = checkModel(model, enabled, { catalogue, settings: options.settings });
  }
  const unsafeSkipped = options.unsafe ? 0 : findings.filter((f) => f.fix?.applicability === 'unsafe' && (!only || only.has(f.code))).length;
  return { path, input, output, changed: output !== input, passes: pass, applied, rejected, remaining: findings, unsafeSkipped };
}

function rejection(f: Finding, reason: string): RejectedFix {
  return { code: f.code, name: f.name, description: f.fix?.description ?? '', line: f.line, reason };
}

/** What identifies "the same fix" across passes, for not retrying a rejected one. */
function fixKey(model: DockerfileModel, f: Finding): string {
  return `${f.code}\u0000${f.fix?.description}\u0000${model.text.slice(f.start, f.end)}`;
}

function firstEdit(c: Candidate): number {
  return Math.min(...c.edits.map((e) => e.start));
}

/**
 * Two edits conflict when their ranges overlap, when they start at the same offset (two
 * insertions at one point have no defined order), or when one inserts inside the other's range.
 */
export function conflicts(a: Edit, b: Edit): boolean {
  if (a.start === b.start) return true;
  if (a.start < b.end && b.start < a.end) return true;
  const inside = (p: Edit, r: Edit) => p.start === p.end && p.start > r.start && p.start < r.end;
  return inside(a, b) || inside(b, a);
}

/** Line endings of inserted text follow the file's; an insertion at offset 0 goes after a BOM. */
function normaliseEdits(model: DockerfileModel, edits: readonly Edit[]): Edit[] {
  return edits.map((e) => {
    let text = e.text;
    if (model.eol === '\r\n') text = text.replace(/\r?\n/g, '\r\n');
    if (model.hasBom && e.start === 0 && e.end === 0) return { start: 1, end: 1, text };
    return { start: e.start, end: e.end, text };
  });
}

/** Why a fix's edits cannot be applied as they are, or null. */
function malformed(model: DockerfileModel, edits: Edit[]): string | null {
  const { text } = model;
  if (edits.length === 0) return 'the fix has no edits';
  for (const e of edits) {
    if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < 0 || e.end < e.start || e.end > text.length) {
      return `an edit is out of range (${e.start}-${e.end} in ${text.length} characters)`;
    }
    if (model.hasBom && e.start === 0) return 'an edit would remove the byte order mark';
    // Never split a CRLF pair.
    if ((e.start > 0 && text[e.start - 1] === '\r' && text[e.start] === '\n') || (e.end > 0 && text[e.end - 1] === '\r' && text[e.end] === '\n')) {
      return 'an edit splits a CRLF line ending';
    }
  }
  for (let i = 0; i < edits.length; i++) {
    for (let j = i + 1; j < edits.length; j++) if (conflicts(edits[i], edits[j])) return 'the edits of the fix overlap each other';
  }
  for (const inst of model.instructions) {
    if (inst.known) continue;
    const region = { start: model.lineStarts[inst.line], end: inst.end };
    if (edits.some((e) => (e.start < region.end && region.start < e.end) || (e.start === e.end && e.start > region.start && e.start < region.end))) {
      return `it would edit line ${inst.line + 1}, which the parser did not understand ("${inst.keywordText}")`;
    }
  }
  const inserted = edits.map((e) => e.text).join('\n');
  for (const e of edits) {
    for (const comment of removedComments(text, e.start, e.end)) {
      if (!inserted.includes(comment)) return `it would delete the comment "${comment.trim().slice(0, 60)}"`;
    }
  }
  return null;
}

/** Whole comment lines inside [start, end). */
function removedComments(text: string, start: number, end: number): string[] {
  const out: string[] = [];
  let lineStart = start;
  if (start > 0 && text[start - 1] !== '\n') {
    const nl = text.indexOf('\n', start);
    if (nl === -1) return out;
    lineStart = nl + 1;
  }
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (/^\uFEFF?\s*#/.test(line) && end >= lineStart + line.length) out.push(line.replace(/^\uFEFF/, '').trim());
    lineStart = lineEnd + 1;
  }
  return out;
}

/** A comment line of `before` that `after` no longer has, or null. */
function lostComment(before: string, after: string): string | null {
  const kept = new Set(after.split(/\r?\n/).map((l) => l.replace(/^\uFEFF/, '').trim()));
  for (const line of before.split(/\r?\n/)) {
    const t = line.replace(/^\uFEFF/, '').trim();
    if (t.startsWith('#') && !kept.has(t)) return t;
  }
  return null;
}

function applyPlan(text: string, plan: Candidate[]): string {
  return applyEdits(text, plan.flatMap((c) => c.edits)).text;
}

const syntaxRule = () => catalogue.find((r) => r.meta.code === 'DO000')!;

/**
 * Why `next` is worse than `before` as a Dockerfile (more instructions the parser does not know,
 * more syntax errors, a different set of parser directives it did not ask for), or null.
 */
function damage(before: DockerfileModel, next: string, path: string): string | null {
  const after = parseDockerfile(next, path);
  const unknown = (m: DockerfileModel) => m.instructions.filter((i) => !i.known).length;
  if (unknown(after) > unknown(before)) {
    const bad = after.instructions.find((i) => !i.known && !before.instructions.some((b) => !b.known && b.keywordText === i.keywordText));
    return `the result would have an instruction the parser does not know${bad ? ` ("${bad.keywordText}" on line ${bad.line + 1})` : ''}`;
  }
  const rule = syntaxRule();
  const setting: RuleSetting[] = [{ rule, severity: 'error', options: {} }];
  const errors = (m: DockerfileModel) => checkModel(m, setting, { catalogue }).filter((f) => f.code === 'DO000');
  const was = errors(before);
  const now = errors(after);
  if (now.length > was.length) {
    const known = new Set(was.map((f) => f.message));
    const fresh = now.find((f) => !known.has(f.message)) ?? now[0];
    return `the result would not build: ${fresh.message} (line ${fresh.line})`;
  }
  if (after.hasBom !== before.hasBom) return 'the result would gain or lose the byte order mark';
  const escape = (m: DockerfileModel) => m.directives.find((d) => d.name === 'escape')?.value ?? '\\';
  if (escape(after) !== escape(before)) return 'the result would change the escape directive';
  return null;
}

/** A fix must not add or remove the file's final newline. */
function keepFinalNewline(input: string, output: string): string {
  const had = /\n$/.test(input);
  const has = /\n$/.test(output);
  if (had === has || input.length === 0) return output;
  if (had) return output + (/\r\n$/.test(input) ? '\r\n' : '\n');
  return output.replace(/\r?\n$/, '');
}
