// Table-driven fix tests: Dockerfile text in, the exact text `dockopt fix` makes of it out.
// Each case also checks that fixing the output again changes nothing.
import { expect, it } from 'vitest';
import { fixText, type FixOptions } from '../../src/fix/engine.ts';

export interface FixCase {
  name: string;
  text: string;
  /** Exact expected output; equal to `text` when nothing may change. */
  fixed: string;
  /** Fixes of these rules only (default: the rule under test; every rule when it is empty). */
  only?: string[];
  unsafe?: boolean;
  /** Extra expectations on the result. */
  check?: (result: ReturnType<typeof fixText>) => void;
}

export function fixCases(code: string, cases: FixCase[], defaults: Partial<FixOptions> = {}): void {
  for (const c of cases) {
    it(c.name, () => {
      const options: FixOptions = { only: c.only ?? (code ? [code] : undefined), unsafe: c.unsafe, ...defaults };
      const result = fixText(c.text, options);
      expect(result.output).toBe(c.fixed);
      expect(result.changed).toBe(c.fixed !== c.text);
      c.check?.(result);
      const again = fixText(result.output, options);
      expect(again.output, 'a second fix changes nothing').toBe(result.output);
    });
  }
}
