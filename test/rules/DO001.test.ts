// DO001 is reported by the suppression filter about the other rules, so each case names the rules
// enabled next to it; only DO001 findings are compared.
import { describe, expect, it } from 'vitest';
import { lintWith } from '../support/harness.ts';

interface Case {
  name: string;
  text: string;
  rules: string[];
  findings: [number, number][];
  message?: RegExp;
}

const cases: Case[] = [
  { name: 'an inline code that suppresses nothing', text: 'FROM alpine:3.20\n# dockopt ignore=DO204\nRUN apk add --no-cache curl\n', rules: ['DO204'], findings: [[2, 18]], message: /DO204 reports nothing on the instruction at line 3; remove it/ },
  { name: 'the unused code of two', text: 'FROM alpine:3.20\n# dockopt ignore=DO204,DO218\nRUN cd /x && make\n', rules: ['DO204', 'DO218'], findings: [[2, 24]], message: /^Unused suppression: DO218/ },
  { name: 'an unused rule name', text: 'FROM alpine:3.20\n# dockopt ignore=cd-in-run\nRUN make\n', rules: ['DO204'], findings: [[2, 18]], message: /cd-in-run reports nothing/ },
  { name: 'an unused file-wide code', text: '# dockopt global ignore=DO204\nFROM alpine:3.20\nRUN make\n', rules: ['DO204'], findings: [[1, 25]], message: /in this file/ },
  { name: 'a pragma aimed at another instruction', text: 'FROM alpine:3.20\n# dockopt ignore=DO204\nRUN make\nRUN cd /x && make\n', rules: ['DO204'], findings: [[2, 18]] },
  { name: 'a pragma separated from its instruction by a blank line', text: 'FROM alpine:3.20\n# dockopt ignore=DO204\n\nRUN cd /x && make\n', rules: ['DO204'], findings: [[2, 18]], message: /not directly above an instruction/ },
  { name: 'a pragma at the end of the file', text: 'FROM alpine:3.20\nRUN cd /x && make\n# dockopt ignore=DO204\n', rules: ['DO204'], findings: [[3, 18]], message: /not directly above an instruction/ },
  { name: 'an unused hadolint code', text: 'FROM python:3.12\n# hadolint ignore=DL3006\nRUN echo\n', rules: ['DO200'], findings: [[2, 19]], message: /DL3006 reports nothing/ },
  { name: 'a hadolint file-wide code', text: '# hadolint global ignore=DL4006\nFROM alpine:3.20\nRUN echo\n', rules: ['DO218'], findings: [[1, 26]] },
  { name: 'positions with CRLF', text: 'FROM alpine:3.20\r\n# dockopt ignore=DO204\r\nRUN make\r\n', rules: ['DO204'], findings: [[2, 18]] },

  { name: 'a used inline code', text: 'FROM alpine:3.20\n# dockopt ignore=DO204\nRUN cd /x && make\n', rules: ['DO204'], findings: [] },
  { name: 'a used file-wide code', text: 'FROM alpine:3.20\nRUN cd /x && make\n# dockopt global ignore=DO204\n', rules: ['DO204'], findings: [] },
  { name: 'a used hadolint code', text: '# hadolint ignore=DL3006\nFROM python\nRUN echo\n', rules: ['DO200'], findings: [] },
  { name: 'the code of a disabled rule', text: 'FROM alpine:3.20\n# dockopt ignore=DO204\nRUN make\n', rules: [], findings: [] },
  { name: 'check=skip is a setting, never unused', text: '# check=skip=JSONArgsRecommended\nFROM node:22-slim\nCMD ["node", "server.js"]\n', rules: ['DO217'], findings: [] },
  { name: 'unknown codes are DO002, not DO001', text: 'FROM alpine:3.20\n# dockopt ignore=DO9999\nRUN make\n', rules: ['DO204'], findings: [] },
  { name: 'a file-wide pragma silences DO001 itself', text: '# dockopt global ignore=DO001\nFROM alpine:3.20\n# dockopt ignore=DO204\nRUN make\n', rules: ['DO204'], findings: [] },
];

describe('DO001 unused-suppression', () => {
  for (const c of cases) {
    it(c.name, () => {
      const findings = lintWith('DO001', c.text, {}, c.rules).filter((f) => f.code === 'DO001');
      expect(findings.map((f) => [f.line, f.column])).toEqual(c.findings);
      for (const f of findings) {
        expect(f.fix).toBeNull();
        if (c.message) expect(f.message).toMatch(c.message);
      }
    });
  }
});
