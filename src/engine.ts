// Runs every enabled rule over one parsed Dockerfile in a single pass, then filters the findings
// through the suppression pragmas (which rules never see).
import type { DockerfileModel, Stage } from './model.ts';
import type { Finding, LintSettings, Rule, RuleContext, RuleVisitor, Severity, ReportDescriptor } from './types.ts';
import { applySuppressions } from './suppression.ts';

export interface RuleSetting {
  rule: Rule;
  severity: Severity;
  options: Record<string, unknown>;
}

export interface RunOptions {
  settings?: LintSettings;
  /** All rules known (enabled or not), to tell unknown pragma codes from disabled ones. */
  catalogue: readonly Rule[];
}

export class RuleCrash extends Error {
  constructor(
    readonly code: string,
    readonly path: string,
    override readonly cause: unknown,
  ) {
    super(`rule ${code} crashed on ${path}: ${cause instanceof Error ? cause.message : String(cause)}`);
    if (cause instanceof Error && cause.stack) this.stack = `${this.message}\n${cause.stack}`;
  }
}

function runRules(model: DockerfileModel, enabled: readonly RuleSetting[], options: RunOptions): Finding[] {
  const findings: Finding[] = [];
  const visitors: { code: string; visitor: RuleVisitor }[] = [];
  for (const setting of enabled) {
    const { rule } = setting;
    const context: RuleContext = {
      model,
      options: setting.options,
      settings: options.settings ?? {},
      report(d: ReportDescriptor) {
        findings.push(toFinding(model, rule, setting.severity, d));
      },
    };
    visitors.push({ code: rule.meta.code, visitor: guard(rule.meta.code, model.path, () => rule.create(context)) });
  }
  // Dispatch lists, built in one pass over the visitors: each instruction calls only the handlers
  // for its keyword, after the `instruction` handlers. Rules share no state, so only the order
  // within one visitor matters (`instruction` before the keyword handler), and it is kept.
  type Entry = { code: string; visitor: RuleVisitor; fn: (arg: never) => void };
  const begin: Entry[] = [];
  const every: Entry[] = [];
  const stageEnds: Entry[] = [];
  const ends: Entry[] = [];
  const byKeyword = new Map<string, Entry[]>();
  const none: Entry[] = [];
  for (const { code, visitor } of visitors) {
    for (const key in visitor) {
      const fn = (visitor as Record<string, unknown>)[key];
      if (typeof fn !== 'function') continue;
      const entry = { code, visitor, fn: fn as Entry['fn'] };
      if (key === 'instruction') every.push(entry);
      else if (key === 'stageEnd') stageEnds.push(entry);
      else if (key === 'begin') begin.push(entry);
      else if (key === 'end') ends.push(entry);
      else {
        let list = byKeyword.get(key);
        if (!list) byKeyword.set(key, (list = []));
        list.push(entry);
      }
    }
  }
  const call = (list: Entry[], arg?: unknown) => {
    for (const { code, visitor, fn } of list) {
      try {
        fn.call(visitor, arg as never);
      } catch (err) {
        throw new RuleCrash(code, model.path, err);
      }
    }
  };
  call(begin);
  let stage: Stage | null = null;
  for (const inst of model.instructions) {
    if (inst.stage !== stage) {
      if (stage) call(stageEnds, stage);
      stage = inst.stage;
    }
    call(every, inst);
    call(byKeyword.get(inst.keyword) ?? none, inst);
  }
  if (stage) call(stageEnds, stage);
  call(ends);
  return findings;
}

function guard<T>(code: string, path: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw new RuleCrash(code, path, err);
  }
}

function toFinding(model: DockerfileModel, rule: Rule, severity: Severity, d: ReportDescriptor): Finding {
  let start: number;
  let end: number;
  const at = d.at;
  if (!at) {
    start = 0;
    end = 0;
  } else if ('keyword' in at) {
    start = at.keywordStart;
    end = at.end;
  } else {
    start = at.start;
    end = Math.max(at.start, at.end);
  }
  const s = model.positionAt(start);
  const e = model.positionAt(end);
  if (d.fix && rule.meta.fixable === 'never') {
    throw new Error(`rule ${rule.meta.code} declares fixable: never but reported a fix`);
  }
  return {
    code: rule.meta.code,
    name: rule.meta.name,
    severity: d.severity && severity === rule.meta.severity ? d.severity : severity,
    message: d.message,
    line: s.line + 1,
    column: s.character + 1,
    endLine: e.line + 1,
    endColumn: e.character + 1,
    start,
    end,
    fix: d.fix ?? null,
  };
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** One pass of all enabled rules plus pragma filtering: the findings for one parsed file. */
export function checkModel(model: DockerfileModel, enabled: readonly RuleSetting[], options: RunOptions): Finding[] {
  const raw = runRules(model, enabled, options);
  return sortFindings(applySuppressions(model, raw, enabled, options.catalogue));
}
