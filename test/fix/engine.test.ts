// The fix engine on its own: selection (safe/unsafe/only), passes to a fixed point, overlapping
// edits, cycles and runaway fixes, rejected fixes, and what must survive a fix (CRLF, BOM, the
// final newline, comments, text the parser did not understand).
import { describe, expect, it } from 'vitest';
import { fixText, FixConvergenceError, conflicts } from '../../src/fix/engine.ts';
import { defaultSettings } from '../../src/lint.ts';
import type { RuleSetting } from '../../src/engine.ts';
import { defineRule, type Fix } from '../../src/types.ts';
import type { Instruction } from '../../src/model.ts';

/** A throwaway rule reporting every instruction with `keyword`, with the fix `make` returns. */
function rule(code: string, keyword: string, make: (inst: Instruction, text: string) => Fix | null): RuleSetting {
  return {
    severity: 'warning',
    options: {},
    rule: defineRule({
      meta: { code, name: `test-${code.toLowerCase()}`, category: 'style', severity: 'warning', status: 'preview', fixable: 'sometimes', docs: { summary: 'test rule', rationale: 'only for the fix engine tests', bad: '', good: '' } },
      create: (context) => ({
        [keyword]: (inst: Instruction) => {
          const fix = make(inst, context.model.text);
          if (fix) context.report({ message: `${code} at ${inst.keyword}`, at: inst, fix });
        },
      }),
    }),
  };
}

const edit = (start: number, end: number, text: string, applicability: 'safe' | 'unsafe' = 'safe'): Fix => ({ applicability, description: `replace ${start}-${end}`, edits: [{ start, end, text }] });

describe('fix engine', () => {
  it('applies safe fixes by default and counts the unsafe ones it left out', () => {
    const text = 'FROM alpine:3.20\nrun echo hi\nCMD node server.js\n';
    const r = fixText(text, { only: ['DO220', 'DO217'] });
    expect(r.output).toBe('FROM alpine:3.20\nRUN echo hi\nCMD node server.js\n');
    expect(r.applied.map((a) => a.code)).toEqual(['DO220']);
    expect(r.unsafeSkipped).toBe(1);
    const u = fixText(text, { only: ['DO220', 'DO217'], unsafe: true });
    expect(u.output).toBe('FROM alpine:3.20\nRUN echo hi\nCMD ["node", "server.js"]\n');
    expect(u.unsafeSkipped).toBe(0);
  });

  it('--only restricts the fixes, not the findings', () => {
    const r = fixText('FROM alpine:3.20\nrun echo hi\nMAINTAINER me\n', { only: ['DO216'] });
    expect(r.output).toBe('FROM alpine:3.20\nrun echo hi\nLABEL org.opencontainers.image.authors="me"\n');
    expect(r.remaining.map((f) => f.code)).toContain('DO220');
  });

  it('keeps CRLF line endings, also in inserted lines', () => {
    const r = fixText('FROM alpine:3.20\r\nrun echo hi\r\n', { only: ['DO100', 'DO220'] });
    expect(r.output).toBe('# syntax=docker/dockerfile:1\r\nFROM alpine:3.20\r\nRUN echo hi\r\n');
  });

  it('keeps a byte order mark and inserts after it', () => {
    const r = fixText('\uFEFFFROM alpine:3.20\nrun echo hi\n', { only: ['DO100', 'DO220'] });
    expect(r.output).toBe('\uFEFF# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN echo hi\n');
  });

  it('keeps a missing final newline missing', () => {
    expect(fixText('FROM alpine:3.20\nrun echo hi', { only: ['DO220'] }).output).toBe('FROM alpine:3.20\nRUN echo hi');
  });

  it('overlapping fixes: the first applies, the other waits for the next pass', () => {
    // ADD → COPY (DO206) and the casing fix (DO220) both rewrite the keyword of `Add`.
    const r = fixText('FROM alpine:3.20\nAdd app.py /app/\n', { only: ['DO206', 'DO220'] });
    expect(r.output).toBe('FROM alpine:3.20\nCOPY app.py /app/\n');
    expect(r.passes).toBeGreaterThanOrEqual(2);
  });

  it('two insertions at one offset conflict; touching edits do not', () => {
    expect(conflicts({ start: 3, end: 3, text: 'a' }, { start: 3, end: 3, text: 'b' })).toBe(true);
    expect(conflicts({ start: 3, end: 3, text: 'a' }, { start: 1, end: 5, text: '' })).toBe(true);
    expect(conflicts({ start: 1, end: 3, text: 'a' }, { start: 3, end: 5, text: 'b' })).toBe(false);
  });

  it('a cycle is an error naming the rules, not an endless loop', () => {
    const flip = rule('DO901', 'RUN', (inst, text) => (text.includes('RUN a') ? edit(inst.argsStart, inst.argsStart + 1, 'b') : null));
    const flop = rule('DO902', 'RUN', (inst, text) => (text.includes('RUN b') ? edit(inst.argsStart, inst.argsStart + 1, 'a') : null));
    expect(() => fixText('FROM x\nRUN a\n', { enabled: [flip, flop] })).toThrow(FixConvergenceError);
    expect(() => fixText('FROM x\nRUN a\n', { enabled: [flip, flop] })).toThrow(/cycle \(DO901, DO902\)/);
  });

  it('a fix that never stops is an error after the pass limit', () => {
    const grow = rule('DO903', 'RUN', (inst) => edit(inst.end, inst.end, 'x'));
    expect(() => fixText('FROM x\nRUN a\n', { enabled: [grow], maxPasses: 5 })).toThrow(/did not converge after 5 passes \(still fixing DO903\)/);
  });

  it('a fix that would break the file is rejected and reported; the others apply', () => {
    const breaks = rule('DO904', 'RUN', (inst) => edit(inst.keywordStart, inst.keywordEnd, 'RUNN'));
    const fine = rule('DO905', 'CMD', (inst) => (inst.text.includes('old') ? edit(inst.argsStart, inst.end, 'new') : null));
    const r = fixText('FROM x\nRUN a\nCMD old\n', { enabled: [...defaultSettings(), breaks, fine], only: ['DO904', 'DO905'] });
    expect(r.output).toBe('FROM x\nRUN a\nCMD new\n');
    expect(r.rejected).toEqual([expect.objectContaining({ code: 'DO904', line: 2, reason: expect.stringMatching(/instruction the parser does not know \("RUNN" on line 2\)/) })]);
  });

  it('never edits an instruction the parser did not understand', () => {
    const touchUnknown = rule('DO907', 'FROM', (_inst, text) => edit(text.indexOf('FOO'), text.indexOf('FOO') + 3, 'RUN'));
    const r = fixText('FROM x\nFOO bar\n', { enabled: [touchUnknown] });
    expect(r.output).toBe('FROM x\nFOO bar\n');
    expect(r.rejected[0].reason).toMatch(/line 2, which the parser did not understand/);
  });

  it('a fix that would delete a comment is rejected', () => {
    const dropComment = rule('DO908', 'RUN', (inst, text) => edit(text.indexOf('# keep'), inst.end, 'RUN b'));
    const r = fixText('FROM x\n# keep\nRUN a\n', { enabled: [dropComment] });
    expect(r.output).toBe('FROM x\n# keep\nRUN a\n');
    expect(r.rejected[0].reason).toMatch(/delete the comment "# keep"/);
  });

  it('out-of-range edits are rejected, not forced', () => {
    const wild = rule('DO909', 'RUN', () => edit(5, 500, ''));
    const r = fixText('FROM x\nRUN a\n', { enabled: [wild] });
    expect(r.changed).toBe(false);
    expect(r.rejected[0].reason).toMatch(/out of range/);
  });

  it('returns the findings left in the fixed text', () => {
    const r = fixText('FROM alpine\nrun echo hi\n', { only: ['DO220'] });
    expect(r.remaining.map((f) => f.code)).toContain('DO200');
    expect(r.remaining.some((f) => f.code === 'DO220')).toBe(false);
  });
});
