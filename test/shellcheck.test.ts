// ShellCheck on RUN scripts: which scripts are checked and how (pure, always run), and the real
// binary's comments mapped to exact Dockerfile positions, suppressed by SC code, offered as fixes.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDockerfile } from '../src/model.ts';
import { mapComments, shellcheckScripts, shellcheckResults, type Json1Comment } from '../src/shellcheck.ts';
import { runShellcheckSync } from '../src/shellcheck-runner.ts';
import { lintFiles, lintText } from '../src/lint.ts';
import { loadConfig } from '../src/config.ts';
import { lintWith, ruleCases } from './support/harness.ts';
import { skipShellcheck } from './support/shellcheck.ts';

const comment = (line: number, column: number, endLine: number, endColumn: number, extra: Partial<Json1Comment> = {}): Json1Comment => ({
  file: '0.sh', line, column, endLine, endColumn, level: 'warning', code: 2154, message: 'x is referenced but not assigned.', fix: null, ...extra,
});

describe('shellcheck scripts (no binary needed)', () => {
  it('writes a shebang for the stage SHELL and exports the ARG/ENV names declared before the RUN', () => {
    const model = parseDockerfile('FROM alpine AS base\nENV A=1\nFROM base\nARG b\nSHELL ["/bin/bash", "-c"]\nRUN echo "$b"\nARG later\n');
    const [script] = shellcheckScripts(model);
    expect(script.source.split('\n')[0]).toBe('#!/bin/bash');
    expect(script.source).toContain('export A=1\n');
    expect(script.source).toContain('export b=1\n');
    expect(script.source).toContain('export HTTP_PROXY=1\n');
    expect(script.source).not.toContain('later');
    expect(script.source.endsWith('echo "$b"')).toBe(true);
  });

  it('skips exec form, non-POSIX shells and Windows stages', () => {
    const text = 'FROM alpine\nRUN ["echo", "$x"]\nSHELL ["pwsh", "-c"]\nRUN echo $x\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo %x%\n';
    expect(shellcheckScripts(parseDockerfile(text))).toEqual([]);
  });

  it('adds heredoc bodies after the command so ShellCheck sees complete here-documents', () => {
    const [script] = shellcheckScripts(parseDockerfile('FROM alpine\nRUN cat <<EOF > /x\r\n$baz\r\nEOF\r\n'));
    expect(script.body).toBe('cat <<EOF > /x\n$baz\nEOF\n');
  });

  it('maps line and column (in characters, after the header) to Dockerfile offsets through continuations', () => {
    const text = 'FROM alpine\nRUN echo é \\\n    # dropped\n\t&& echo $x\n';
    const model = parseDockerfile(text);
    const [script] = shellcheckScripts(model);
    const line = script.headerLines + 1;
    const col = [...script.body].indexOf('$') + 1;
    const [c] = mapComments(script, [comment(line, col, line, col + 2)]);
    expect(text.slice(c.start, c.end)).toBe('$x');
    expect(c).toMatchObject({ code: 'SC2154', severity: 'warning' });
  });

  it('keeps a suggested edit only where it does not straddle a line continuation', () => {
    const text = 'FROM alpine\nRUN echo \\\n$x\n';
    const [script] = shellcheckScripts(parseDockerfile(text));
    const line = script.headerLines + 1;
    const col = script.body.indexOf('$') + 1;
    const quote = { replacements: [{ line, column: col, endLine: line, endColumn: col, replacement: '"' }, { line, column: col + 2, endLine: line, endColumn: col + 2, replacement: '"' }] };
    expect(mapComments(script, [comment(line, col, line, col + 2, { fix: quote })])[0].fix).toBeNull();
  });
});

describe.skipIf(skipShellcheck())('shellcheck rule DO590 with the shellcheck binary', () => {
  ruleCases('DO590', [
    {
      name: 'positions through a continuation with a tab',
      text: 'FROM alpine\nRUN echo ok \\\n\t&& echo $foo\n',
      findings: [[3, 10], [3, 10]],
      fixed: 'FROM alpine\nRUN echo ok \\\n\t&& echo "$foo"\n',
    },
    { name: 'a comment line inside the RUN and a non-ASCII character', text: 'FROM alpine\nRUN echo é \\\n    # note\n    && echo "$foo"\n', findings: [[4, 14]], message: /^SC2154: foo/ },
    { name: 'a heredoc script', text: 'FROM alpine\nRUN <<EOF\nset -e\necho "$bar"\nEOF\n', findings: [[4, 7]], message: /^SC2154/ },
    { name: 'a heredoc body of another command', text: 'FROM alpine\nRUN cat <<EOF > /x\n$baz\nEOF\n', findings: [[3, 1]], message: /^SC2154/ },
    { name: 'declared ARG and ENV names are known', text: 'FROM alpine\nARG lower\nENV other=1\nRUN echo "$lower $other $missing"\n', findings: [[4, 25]], message: /missing/ },
    { name: 'the dialect follows SHELL', text: 'FROM alpine\nRUN [[ -f x ]] && echo y\nSHELL ["/bin/bash", "-c"]\nRUN [[ -f x ]] && echo y\n', findings: [[2, 5]], message: /^SC3010/, noFix: true },
    { name: 'exec form and PowerShell are not checked', text: 'FROM alpine\nRUN ["sh", "-c", "echo $x"]\nSHELL ["pwsh", "-c"]\nRUN echo $x\n', findings: [] },
    { name: 'hadolint and dockopt pragmas suppress one SC code', text: 'FROM alpine\n# hadolint ignore=SC2086\nRUN echo $foo\n# dockopt ignore=SC2154,SC2086\nRUN echo $bar\n', findings: [[3, 10]], message: /^SC2154/ },
  ]);

  it('an SC pragma that suppresses nothing is reported, and an unknown SC code is not "unknown"', () => {
    const f = lintWith('DO590', 'FROM alpine\n# hadolint ignore=SC2035\nRUN echo "$HOME"\n', {}, ['DO001', 'DO002']);
    expect(f.map((x) => [x.code, x.line, x.column])).toEqual([['DO001', 2, 19]]);
  });

  it('without a ShellCheck run, SC pragmas are neither unused nor unknown', () => {
    expect(lintText('FROM alpine\n# hadolint ignore=SC2035\nRUN echo "$HOME"\n').filter((x) => x.code === 'DO001' || x.code === 'DO002')).toEqual([]);
  });

  it('lintText runs ShellCheck only when asked', () => {
    const text = 'FROM alpine\nRUN echo $foo\n';
    expect(lintText(text).filter((x) => x.code === 'DO590')).toEqual([]);
    expect(lintText(text, 'Dockerfile', undefined, undefined, { shellcheck: true }).filter((x) => x.code === 'DO590').length).toBe(2);
  });

  it('one process checks the RUNs of many files; results stay with their file', () => {
    const a = parseDockerfile('FROM alpine\nRUN echo $a\n');
    const b = parseDockerfile('FROM alpine\nRUN true\nRUN echo "$b"\n');
    const run = runShellcheckSync([a, b]);
    expect(run).toMatchObject({ ran: true, scripts: 3, processes: 1 });
    expect(shellcheckResults(a)!.map((c) => c.code)).toEqual(['SC2154', 'SC2086']);
    expect(shellcheckResults(b)!.map((c) => [c.code, c.start])).toEqual([['SC2154', 31]]);
  });
});

describe('lintFiles and ShellCheck', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dockopt-sc-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.20\nRUN echo $foo\n');

  it('a missing binary is one notice, never an error; the other rules still run', async () => {
    const result = await lintFiles([], { cwd: dir, shellcheck: { binary: join(dir, 'no-such-shellcheck') } });
    expect(result.notices).toHaveLength(1);
    expect(result.notices![0]).toMatch(/not found.*--rule shellcheck=off/);
    expect(result.files[0].error).toBeNull();
    expect(result.files[0].findings.some((f) => f.code === 'DO100')).toBe(true);
    expect(result.files[0].findings.some((f) => f.code === 'DO590')).toBe(false);
  });

  it('with the rule off, ShellCheck does not run at all', async () => {
    const result = await lintFiles([], { cwd: dir, shellcheck: { binary: join(dir, 'no-such-shellcheck') }, ruleOverrides: { shellcheck: 'off' } });
    expect(result.notices).toBeUndefined();
  });

  it.skipIf(skipShellcheck())('reports SC findings when on', async () => {
    const result = await lintFiles([], { cwd: dir, shellcheck: true });
    expect(result.files[0].findings.filter((f) => f.code === 'DO590').map((f) => f.message.slice(0, 6))).toEqual(['SC2154', 'SC2086']);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('.hadolint.yaml', () => {
  it('ignored SC codes become exclusions of the shellcheck rule', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockopt-sc-'));
    writeFileSync(join(dir, '.hadolint.yaml'), 'ignored:\n  - SC2086\n  - sc2164\n');
    const loaded = await loadConfig(dir);
    expect(loaded.config.rules?.DO590).toEqual({ options: { exclude: ['SC2086', 'SC2164'] } });
    rmSync(dir, { recursive: true, force: true });
  });
});
