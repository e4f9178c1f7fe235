// Suppression is a post-filter: inline and file-wide pragmas (dockopt's own, hadolint's, and
// BuildKit's `# check=skip=`) remove findings after all rules ran. Unused and unknown codes are
// reported through the DO001 / DO002 meta rules.
import type { DockerfileModel, Instruction } from './model.ts';
import type { Finding, Rule } from './types.ts';
import type { RuleSetting } from './engine.ts';
import { SHELLCHECK_RULE, shellcheckCode, shellcheckResults } from './shellcheck.ts';

export const UNUSED_SUPPRESSION = 'DO001';
export const UNKNOWN_SUPPRESSION = 'DO002';

type Source = 'dockopt' | 'hadolint' | 'buildkit';

interface Pragma {
  source: Source;
  global: boolean;
  /** Codes as written. */
  codes: { text: string; start: number; end: number }[];
  /** The instruction an inline pragma applies to. */
  target: Instruction | null;
  start: number;
  end: number;
  line: number;
  /** `# check=...;error=true` */
  errorOnWarnings?: boolean;
}

const PRAGMA = /^(dockopt|hadolint)\s*:?\s+(global\s+)?ignore\s*=\s*(.*)$/i;

export function readPragmas(model: DockerfileModel): Pragma[] {
  const pragmas: Pragma[] = [];
  const targetByLine = new Map<number, Instruction>();
  for (const inst of model.instructions) for (const c of inst.leadingComments) targetByLine.set(c.line, inst);
  const seen = new Set<number>();
  const consider = (line: number, text: string, start: number, end: number) => {
    if (seen.has(line)) return;
    const m = PRAGMA.exec(text);
    if (!m) return;
    seen.add(line);
    const list = m[3];
    const listStart = model.text.indexOf(list, start);
    const global = Boolean(m[2]);
    pragmas.push({
      source: m[1].toLowerCase() as Source,
      global,
      codes: splitCodes(list, listStart < 0 ? start : listStart),
      target: global ? null : targetByLine.get(line) ?? null,
      start,
      end,
      line,
    });
  };
  for (const c of model.comments) consider(c.line, c.text, c.start, c.end);
  for (const inst of model.instructions) for (const c of inst.leadingComments) consider(c.line, c.text, c.start, c.end);
  for (const d of model.directives) {
    if (d.name !== 'check') continue;
    // # check=skip=A,B;error=true
    const valueStart = model.text.indexOf(d.value, d.start);
    let offset = valueStart < 0 ? d.start : valueStart;
    const codes: Pragma['codes'] = [];
    let errorOnWarnings = false;
    for (const part of d.value.split(';')) {
      const eq = part.indexOf('=');
      const key = part.slice(0, eq).trim().toLowerCase();
      const val = part.slice(eq + 1);
      if (key === 'skip') codes.push(...splitCodes(val, offset + eq + 1));
      if (key === 'error') errorOnWarnings = val.trim().toLowerCase() === 'true';
      offset += part.length + 1;
    }
    pragmas.push({ source: 'buildkit', global: true, codes, target: null, start: d.start, end: d.end, line: d.line, errorOnWarnings });
  }
  return pragmas;
}

function splitCodes(list: string, offset: number): Pragma['codes'] {
  // Codes are separated by commas (spaces allowed around them). Without a comma, only another
  // code-shaped word continues the list: `ignore=DO101 DO204`, but `ignore=DO101 because ...`
  // and `ignore=DO101 # pinned upstream` end after DO101.
  const out: Pragma['codes'] = [];
  const word = /[^,\s]+/y;
  let i = 0;
  let afterComma = true;
  for (;;) {
    while (i < list.length && /\s/.test(list[i])) i++;
    word.lastIndex = i;
    const m = word.exec(list);
    if (!m || m[0].startsWith('#')) break;
    if (!afterComma && !/^[A-Za-z]{2}\d{3,4}$/.test(m[0])) break;
    out.push({ text: m[0], start: offset + i, end: offset + i + m[0].length });
    i += m[0].length;
    while (i < list.length && /[ \t]/.test(list[i])) i++;
    afterComma = list[i] === ',';
    if (afterComma) i++;
  }
  return out;
}

/** Which rules a pragma code names: a dockopt code or name, a hadolint DL code, or a BuildKit check name. */
const isShellcheckCode = (code: string) => /^SC\d{4}$/i.test(code);

function rulesFor(source: Source, code: string, catalogue: readonly Rule[]): Rule[] {
  const lower = code.toLowerCase();
  // `ignore=SC2086` (dockopt or hadolint) names one ShellCheck code of the shellcheck rule.
  if (source !== 'buildkit' && isShellcheckCode(code)) return catalogue.filter((r) => r.meta.code === SHELLCHECK_RULE);
  if (source === 'dockopt') {
    return catalogue.filter((r) => r.meta.code.toLowerCase() === lower || r.meta.name === lower);
  }
  if (source === 'hadolint') return catalogue.filter((r) => r.meta.hadolint?.some((c) => c.toLowerCase() === lower));
  if (lower === 'all') return [...catalogue].filter((r) => (r.meta.buildkit?.length ?? 0) > 0);
  return catalogue.filter((r) => r.meta.buildkit?.some((c) => c.toLowerCase() === lower));
}

export function applySuppressions(
  model: DockerfileModel,
  findings: Finding[],
  enabled: readonly RuleSetting[],
  catalogue: readonly Rule[],
): Finding[] {
  const pragmas = readPragmas(model);
  if (pragmas.length === 0) return findings;
  const enabledCodes = new Set(enabled.map((s) => s.rule.meta.code));
  const kept: Finding[] = [];
  const used = new Set<string>(); // pragma index + code text
  const resolved = pragmas.map((p) => p.codes.map((c) => rulesFor(p.source, c.text, catalogue).map((r) => r.meta.code)));
  const errorOnWarnings = pragmas.some((p) => p.errorOnWarnings);
  for (const f of findings) {
    let suppressed = false;
    pragmas.forEach((p, pi) => {
      if (!p.global) {
        if (!p.target) return;
        const t = p.target;
        if (!(f.start >= t.start && f.start <= t.end) && !(f.start === f.end && f.start === t.keywordStart)) return;
      }
      p.codes.forEach((c, ci) => {
        if (resolved[pi][ci].includes(f.code) && (!isShellcheckCode(c.text) || shellcheckCode(f) === c.text.toUpperCase())) {
          suppressed = true;
          used.add(`${pi}:${ci}`);
        }
      });
    });
    if (suppressed) continue;
    // `# check=error=true` makes the warnings of BuildKit's checks errors.
    const escalate = errorOnWarnings && f.severity === 'warning' && Boolean(catalogue.find((r) => r.meta.code === f.code)?.meta.buildkit?.length);
    kept.push(escalate ? { ...f, severity: 'error' } : f);
  }
  const unusedSetting = enabled.find((s) => s.rule.meta.code === UNUSED_SUPPRESSION);
  const unknownSetting = enabled.find((s) => s.rule.meta.code === UNKNOWN_SUPPRESSION);
  // The meta rules report on pragmas themselves: only a file-wide pragma can silence them.
  const metaSuppressed = (code: string) => pragmas.some((p, pi) => p.global && resolved[pi].some((codes) => codes.includes(code)));
  const META = [UNUSED_SUPPRESSION, UNKNOWN_SUPPRESSION];
  pragmas.forEach((p, pi) => {
    p.codes.forEach((c, ci) => {
      const codes = resolved[pi][ci];
      const span = { start: c.start, end: c.end };
      if (codes.length > 0 && codes.every((code) => META.includes(code))) return;
      if (codes.length === 0) {
        if (p.source === 'buildkit' && c.text.toLowerCase() === 'all') return;
        if (!unknownSetting || metaSuppressed(UNKNOWN_SUPPRESSION)) return;
        const what =
          p.source === 'dockopt'
            ? `"${c.text}" is not a dockopt rule code or name`
            : p.source === 'hadolint'
              ? `"${c.text}" has no dockopt equivalent (no rule declares it), so this pragma has no effect`
              : `"${c.text}" is not a BuildKit check that dockopt implements`;
        kept.push(metaFinding(model, unknownSetting, span, `Unknown code in suppression: ${what}. Run \`dockopt rules\` for the list.`));
        return;
      }
      if (used.has(`${pi}:${ci}`)) return;
      if (isShellcheckCode(c.text) && !shellcheckResults(model)) return; // ShellCheck did not run on this file
      if (!codes.some((code) => enabledCodes.has(code))) return; // disabled rules are not "unused"
      if (p.source === 'buildkit') return; // check=skip is a file-wide setting, not a claim about a finding
      if (!unusedSetting || metaSuppressed(UNUSED_SUPPRESSION)) return;
      const message =
        p.global || p.target
          ? `Unused suppression: ${c.text} reports nothing ${p.global ? 'in this file' : `on the instruction at line ${p.target!.line + 1}`}; remove it.`
          : `Unused suppression: the pragma is not directly above an instruction, so ${c.text} suppresses nothing. Put it right above the instruction (no blank line between) or use \`global ignore=\`.`;
      // dockopt is deliberately quieter than hadolint in places, so a leftover hadolint pragma is a
      // hint for people migrating, not a failure: info unless the user set the severity.
      const migrating = p.source === 'hadolint' && unusedSetting.severity === unusedSetting.rule.meta.severity;
      kept.push(metaFinding(model, migrating ? { ...unusedSetting, severity: 'info' } : unusedSetting, span, message));
    });
  });
  return kept;
}

function metaFinding(model: DockerfileModel, setting: RuleSetting, span: { start: number; end: number }, message: string): Finding {
  const s = model.positionAt(span.start);
  const e = model.positionAt(span.end);
  return {
    code: setting.rule.meta.code,
    name: setting.rule.meta.name,
    severity: setting.severity,
    message,
    line: s.line + 1,
    column: s.character + 1,
    endLine: e.line + 1,
    endColumn: e.character + 1,
    start: span.start,
    end: span.end,
    fix: null,
  };
}
