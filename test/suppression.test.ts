// Suppression pragmas are a post-filter over the findings of all rules: dockopt's own inline and
// file-wide pragmas, hadolint's for rules that declare the DL code, and BuildKit's `# check=`.
import { describe, expect, it } from 'vitest';
import { rules } from '../rules/index.ts';
import { parseDockerfile } from '../src/model.ts';
import { checkModel, type RuleSetting } from '../src/engine.ts';
import { readPragmas } from '../src/suppression.ts';
import type { Finding } from '../src/types.ts';

/** Lint with the given rules plus the two pragma meta rules (DO001, DO002). */
function lint(text: string, codes: string[]): Finding[] {
  const enabled: RuleSetting[] = [...codes, 'DO001', 'DO002'].map((code) => {
    const rule = rules.find((r) => r.meta.code === code)!;
    return { rule, severity: rule.meta.severity, options: {} };
  });
  return checkModel(parseDockerfile(text), enabled, { catalogue: rules });
}

const at = (findings: Finding[]) => findings.map((f) => `${f.code} ${f.line}:${f.column}`);

describe('inline dockopt pragmas', () => {
  it('suppress the named code on the instruction that follows, and only there', () => {
    const text = 'FROM alpine:3.20\n# dockopt ignore=DO204\nRUN cd /x && make\nRUN cd /y && make\n';
    expect(at(lint(text, ['DO204']))).toEqual(['DO204 4:5']);
  });

  it('accept several codes, rule names, any case, and a trailing explanation', () => {
    const text = [
      'FROM alpine:3.20',
      '# dockopt ignore=DO204,pipe-without-pipefail',
      'RUN cd /x && curl -s x | sh',
      '# dockopt ignore=DO204, DO218 # the script checks itself',
      'RUN cd /x && curl -s x | sh',
      '# DOCKOPT IGNORE = do204 do218',
      'RUN cd /x && curl -s x | sh',
      '#dockopt: ignore=cd-in-run because the tarball has no top directory',
      'RUN cd /x && tar xf y',
      '',
    ].join('\n');
    expect(at(lint(text, ['DO204', 'DO218']))).toEqual([]);
  });

  it('apply from anywhere in the comment block right above the instruction', () => {
    const text = 'FROM alpine:3.20\n# dockopt ignore=DO204\n# build the tool\nRUN cd /x && make\n';
    expect(at(lint(text, ['DO204']))).toEqual([]);
  });

  it('cover findings anywhere in a multi-line instruction', () => {
    const text = 'FROM alpine:3.20\n# dockopt ignore=DO218\nRUN set -e \\\n  && echo a \\\n  && curl -s x | sh\n';
    expect(at(lint(text, ['DO218']))).toEqual([]);
  });

  it('cover ONBUILD triggers', () => {
    const text = 'FROM alpine:3.20\n# dockopt ignore=DO220\nONBUILD run x\nONBUILD run y\nRUN a\nRUN b\n';
    expect(at(lint(text, ['DO220']))).toEqual(['DO220 4:9']);
  });

  it('do not apply across a blank line: the pragma is reported as suppressing nothing', () => {
    const text = 'FROM alpine:3.20\n# dockopt ignore=DO204\n\nRUN cd /x && make\n';
    const findings = lint(text, ['DO204']);
    expect(at(findings)).toEqual(['DO001 2:18', 'DO204 4:5']);
    expect(findings[0].message).toMatch(/not directly above an instruction/);
  });

  it('do not apply from inside an instruction (a comment line in a continued RUN)', () => {
    const text = 'FROM alpine:3.20\nRUN cd /x && \\\n# dockopt ignore=DO204\n  make\n';
    expect(at(lint(text, ['DO204']))).toEqual(['DO204 2:5', 'DO001 3:18']);
  });

  it('are not pragmas when the comment only mentions the words', () => {
    const text = 'FROM alpine:3.20\n# to silence it, write dockopt ignore=DO204\nRUN cd /x && make\n';
    expect(at(lint(text, ['DO204']))).toEqual(['DO204 3:5']);
  });
});

describe('file-wide dockopt pragmas', () => {
  it('suppress the code everywhere, wherever the pragma is', () => {
    const text = 'FROM alpine:3.20\nRUN cd /x && make\nRUN cd /y && make\n# dockopt global ignore=DO204\n';
    expect(at(lint(text, ['DO204']))).toEqual([]);
  });

  it('also suppress file-level findings at offset 0', () => {
    const text = '# dockopt global ignore=DO100\nFROM alpine:3.20\nRUN echo hi\n';
    expect(at(lint(text, ['DO100']))).toEqual([]);
  });

  it('only suppress the named rules', () => {
    const text = '# dockopt global ignore=DO204\nFROM alpine:3.20\nRUN cd /x && curl -s x | sh\n';
    expect(at(lint(text, ['DO204', 'DO218']))).toEqual(['DO218 3:14']);
  });
});

describe('hadolint pragmas', () => {
  it('suppress rules that declare the DL code', () => {
    const text = 'FROM python\n# hadolint ignore=DL3003\nRUN cd /x && make\n';
    expect(at(lint(text, ['DO200', 'DO204']))).toEqual(['DO200 1:6']);
    expect(at(lint('# hadolint global ignore=DL3006\nFROM python\n', ['DO200']))).toEqual([]);
  });

  it('do not suppress rules that declare another DL code', () => {
    const text = 'FROM alpine:3.20\n# hadolint ignore=DL3003\nRUN cd /x && curl -s x | sh\n';
    expect(at(lint(text, ['DO204', 'DO218']))).toEqual(['DO218 3:14']);
  });

  it('do not suppress rules without a hadolint equivalent, even by their dockopt code', () => {
    const text = 'FROM python:3.12\n# hadolint ignore=DO101\nRUN pip install flask\n';
    const findings = lint(text, ['DO101']);
    expect(at(findings)).toEqual(['DO002 2:19', 'DO101 3:5']);
    expect(findings[0].message).toMatch(/no dockopt equivalent/);
  });

  it('report DL codes no dockopt rule declares as unknown', () => {
    const text = 'FROM debian:12\n# hadolint ignore=DL9999,DL3003\nRUN cd /x && apt-get install -y curl\n';
    expect(at(lint(text, ['DO204']))).toEqual(['DO002 2:19']);
  });
});

describe('BuildKit check directive', () => {
  it('skip=Name suppresses rules that declare the check, file-wide', () => {
    const text = '# check=skip=JSONArgsRecommended\nFROM node:22-slim\nCMD node server.js\n';
    expect(at(lint(text, ['DO217']))).toEqual([]);
  });

  it('skips several names, case-insensitively, after a syntax directive', () => {
    const text = '# syntax=docker/dockerfile:1\n# check=skip=jsonargsrecommended,WorkdirRelativePath\nFROM node:22-slim\nWORKDIR app\nCMD node server.js\n';
    expect(at(lint(text, ['DO205', 'DO217']))).toEqual([]);
  });

  it('skip=all suppresses every rule with a BuildKit equivalent, and nothing else', () => {
    const text = '# check=skip=all\nFROM node:22-slim\nWORKDIR app\nRUN cd /x && make\nCMD node server.js\n';
    expect(at(lint(text, ['DO204', 'DO205', 'DO217']))).toEqual(['DO204 4:5']);
  });

  it('error=true makes the warnings of BuildKit-equivalent rules errors', () => {
    const text = '# check=skip=JSONArgsRecommended;error=true\nFROM node:22-slim\nWORKDIR app\nRUN cd /x && make\nCMD node server.js\n';
    const findings = lint(text, ['DO204', 'DO205', 'DO217']);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['DO205', 'error'],
      ['DO204', 'info'],
    ]);
  });

  it('error=true alone changes severities without skipping anything', () => {
    const text = '# check=error=true\nFROM node:22-slim\nCMD node server.js\n';
    expect(lint(text, ['DO217']).map((f) => [f.code, f.severity])).toEqual([['DO217', 'error']]);
  });

  it('is a directive only at the top of the file: later it is a plain comment', () => {
    const text = 'FROM node:22-slim\n# check=skip=JSONArgsRecommended\nCMD node server.js\n';
    expect(at(lint(text, ['DO217']))).toEqual(['DO217 3:1']);
  });

  it('reports unknown check names, and never reports skipped checks as unused', () => {
    const text = '# check=skip=JSONArgsRecomended,MaintainerDeprecated\nFROM node:22-slim\nCMD ["node", "server.js"]\n';
    const findings = lint(text, ['DO216', 'DO217']);
    expect(at(findings)).toEqual(['DO002 1:14']);
    expect(findings[0].message).toMatch(/not a BuildKit check/);
  });
});

describe('unused and unknown codes', () => {
  it('reports each code that suppresses nothing (DO001) at the code', () => {
    const text = 'FROM alpine:3.20\n# dockopt ignore=DO204,DO218\nRUN cd /x && make\n';
    const findings = lint(text, ['DO204', 'DO218']);
    expect(at(findings)).toEqual(['DO001 2:24']);
    expect(findings[0]).toMatchObject({ endLine: 2, endColumn: 29, fix: null });
    expect(findings[0].message).toMatch(/DO218 reports nothing on the instruction at line 3/);
  });

  it('reports unused file-wide codes', () => {
    const findings = lint('# dockopt global ignore=DO204\nFROM alpine:3.20\nRUN make\n', ['DO204']);
    expect(at(findings)).toEqual(['DO001 1:25']);
    expect(findings[0].message).toMatch(/in this file/);
  });

  it('does not report codes of disabled rules as unused', () => {
    expect(at(lint('FROM alpine:3.20\n# dockopt ignore=DO204\nRUN make\n', []))).toEqual([]);
  });

  it('reports codes no rule has (DO002), for dockopt and hadolint pragmas', () => {
    const text = 'FROM alpine:3.20\n# dockopt ignore=DO9999,no-such-rule\nRUN make\n';
    const findings = lint(text, []);
    expect(at(findings)).toEqual(['DO002 2:18', 'DO002 2:25']);
    expect(findings[0].message).toMatch(/"DO9999" is not a dockopt rule code or name/);
  });

  it('does not take a DL code in a dockopt pragma', () => {
    expect(at(lint('FROM alpine:3.20\n# dockopt ignore=DL3003\nRUN cd /x && make\n', ['DO204']))).toEqual(['DO002 2:18', 'DO204 3:5']);
  });

  it('lets a file-wide pragma silence the meta rules themselves (migrating files full of hadolint pragmas)', () => {
    const text = '# dockopt global ignore=DO002\nFROM debian:12\n# hadolint ignore=DL9999\nRUN apt-get install -y curl\n';
    expect(at(lint(text, []))).toEqual([]);
    const unused = '# dockopt global ignore=DO001\nFROM alpine:3.20\n# dockopt ignore=DO204\nRUN make\n';
    expect(at(lint(unused, ['DO204']))).toEqual([]);
  });

  it('positions are right with a BOM and CRLF line endings', () => {
    const text = '\uFEFFFROM alpine:3.20\r\n# dockopt ignore=DO204,DO218\r\nRUN cd /x && make\r\n';
    expect(at(lint(text, ['DO204', 'DO218']))).toEqual(['DO001 2:24']);
  });
});

describe('readPragmas', () => {
  it('reads source, scope, target and code offsets', () => {
    const text = '# check=skip=A,B;error=true\nFROM alpine:3.20\n# hadolint ignore=DL3003\nRUN cd /x\n# dockopt global ignore=DO204\n';
    const model = parseDockerfile(text);
    const pragmas = readPragmas(model);
    const summary = pragmas.map((p) => ({
      source: p.source,
      global: p.global,
      target: p.target?.line ?? null,
      codes: p.codes.map((c) => [c.text, text.slice(c.start, c.end)]),
      error: p.errorOnWarnings ?? false,
    }));
    expect(summary).toEqual([
      { source: 'hadolint', global: false, target: 3, codes: [['DL3003', 'DL3003']], error: false },
      { source: 'dockopt', global: true, target: null, codes: [['DO204', 'DO204']], error: false },
      { source: 'buildkit', global: true, target: null, codes: [['A', 'A'], ['B', 'B']], error: true },
    ]);
  });
});
