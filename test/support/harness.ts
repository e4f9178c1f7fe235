// Table-driven rule tests: lint text with one rule on and compare findings (code, line, column)
// and, where a case says so, the exact text after applying the rule's fixes.
import { expect, it } from 'vitest';
import { rules } from '../../rules/index.ts';
import { parseDockerfile } from '../../src/model.ts';
import { checkModel, type RuleSetting } from '../../src/engine.ts';
import { applyEdits } from '../../src/fix/apply.ts';
import { SHELLCHECK_RULE } from '../../src/shellcheck.ts';
import { runShellcheckSync } from '../../src/shellcheck-runner.ts';
import type { Finding, LintSettings, Rule } from '../../src/types.ts';

export interface RuleCase {
  name?: string;
  text: string;
  /** Expected findings as [line, column] (1-based), in order; [] for none. */
  findings: [number, number][];
  /** Text after applying all fixes of this rule (unsafe included); omit when no fix applies. */
  fixed?: string;
  /** Say explicitly that the findings carry no fix. */
  noFix?: true;
  /** Substring every finding's message must contain. */
  message?: string | RegExp;
  options?: Record<string, unknown>;
  /** Config settings for the run (label schema, trusted registries). */
  settings?: LintSettings;
  severity?: Finding['severity'];
}

export function ruleFor(code: string): Rule {
  const rule = rules.find((r) => r.meta.code === code);
  if (!rule) throw new Error(`no rule ${code}`);
  return rule;
}

export function lintWith(code: string, text: string, options: Record<string, unknown> = {}, extra: string[] = [], settings?: LintSettings): Finding[] {
  const enabled: RuleSetting[] = [code, ...extra].map((c) => {
    const rule = ruleFor(c);
    return { rule, severity: rule.meta.severity, options: c === code ? options : {} };
  });
  const model = parseDockerfile(text);
  // As the lint layer does: ShellCheck runs before the rules when the shellcheck rule is on.
  if (enabled.some((s) => s.rule.meta.code === SHELLCHECK_RULE)) runShellcheckSync([model]);
  return checkModel(model, enabled, { catalogue: rules, settings });
}

export function fixWith(code: string, text: string, options: Record<string, unknown> = {}): string {
  const findings = lintWith(code, text, options);
  return applyEdits(text, findings.flatMap((f) => f.fix?.edits ?? [])).text;
}

export function ruleCases(code: string, cases: RuleCase[]): void {
  cases.forEach((c, i) => {
    it(c.name ?? `case ${i + 1}: ${c.findings.length ? 'reports' : 'accepts'} ${JSON.stringify(c.text.slice(0, 60))}`, () => {
      const findings = lintWith(code, c.text, c.options, [], c.settings);
      expect(findings.map((f) => [f.line, f.column])).toEqual(c.findings);
      for (const f of findings) {
        expect(f.code).toBe(code);
        if (c.message) expect(f.message).toMatch(c.message);
        if (c.severity) expect(f.severity).toBe(c.severity);
      }
      if (c.fixed !== undefined) {
        expect(findings.some((f) => f.fix)).toBe(true);
        expect(applyEdits(c.text, findings.flatMap((f) => f.fix?.edits ?? [])).text).toBe(c.fixed);
      }
      if (c.noFix) expect(findings.every((f) => f.fix === null)).toBe(true);
    });
  });
}
