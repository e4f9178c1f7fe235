// The dockerfile-ast adapter: the pitfalls listed in STYLE.md are handled in one place.
import { describe, expect, it } from 'vitest';
import { parseDockerfile, splitWords } from '../src/model.ts';

describe('parseDockerfile', () => {
  it('maps positions to offsets with a BOM and CRLF line endings', () => {
    const text = '\uFEFFFROM alpine:3.20\r\nRUN echo hi\r\n';
    const m = parseDockerfile(text);
    expect(m.hasBom).toBe(true);
    expect(m.eol).toBe('\r\n');
    const run = m.instructions[1];
    expect(text.slice(run.keywordStart, run.keywordEnd)).toBe('RUN');
    expect(text.slice(run.start, run.end)).toBe('RUN echo hi');
    expect(m.positionAt(run.keywordStart)).toEqual({ line: 1, character: 0 });
  });

  it('attaches ONBUILD triggers to their ONBUILD instead of listing them as instructions', () => {
    const m = parseDockerfile('FROM alpine:3.20\nONBUILD RUN apk add curl\n');
    expect(m.instructions.map((i) => i.keyword)).toEqual(['FROM', 'ONBUILD']);
    const trig = m.instructions[1].trigger!;
    expect(trig.keyword).toBe('RUN');
    expect(trig.parent).toBe(m.instructions[1]);
    expect(trig.shell!.commands.map((c) => c.name)).toEqual(['apk']);
  });

  it('drops comment lines inside a continued RUN from the shell script', () => {
    const m = parseDockerfile('FROM debian:12\nRUN apt-get update \\\n  # the tools\n  && apt-get install -y curl\n');
    const sh = m.instructions[1].shell!;
    expect(sh.text).not.toContain('#');
    expect(sh.commands.map((c) => c.name)).toEqual(['apt-get', 'apt-get']);
    const install = sh.commands[1];
    expect(m.text.slice(install.start, install.end)).toBe('apt-get install -y curl');
  });

  it('runs the body of RUN <<EOF as the script, and keeps COPY heredocs as data', () => {
    const m = parseDockerfile('FROM alpine:3.20\nRUN <<EOF\napk add curl\npip install x\nEOF\nCOPY <<EOT /etc/motd\nhello\nEOT\n');
    const run = m.instructions[1];
    expect(run.heredocs.map((h) => h.name)).toEqual(['EOF']);
    expect(run.shell!.commands.map((c) => c.name)).toEqual(['apk', 'pip']);
    const copy = m.instructions[2];
    expect(copy.heredocs[0].content).toBe('hello\n');
    expect(copy.args.map((a) => a.value)).toEqual(['<<EOT', '/etc/motd']);
  });

  it('honours the escape directive', () => {
    const m = parseDockerfile('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a `\n  b\n');
    expect(m.escapeChar).toBe('`');
    expect(m.instructions[1].args.map((a) => a.value)).toEqual(['echo', 'a', 'b']);
  });

  it('reads flags, mounts and exec form', () => {
    const m = parseDockerfile('FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache/pip,sharing=locked --network=none pip install x\nCMD ["python", "app.py"]\n');
    const run = m.instructions[1];
    expect(run.flags.map((f) => [f.name, f.value])).toEqual([
      ['mount', 'type=cache,target=/root/.cache/pip,sharing=locked'],
      ['network', 'none'],
    ]);
    expect(run.mounts[0]).toMatchObject({ type: 'cache', target: '/root/.cache/pip', options: { sharing: 'locked' } });
    expect(m.instructions[2].json).toEqual(['python', 'app.py']);
    expect(run.json).toBeNull();
  });

  it('keeps unknown instructions as instructions (dockerfile-ast never throws)', () => {
    const m = parseDockerfile('FROM alpine:3.20\nRUNN echo\n');
    expect(m.instructions[1]).toMatchObject({ keyword: 'RUNN', known: false });
  });

  it('resolves ARG defaults for FROM and ENV/ARG values inside a stage', () => {
    const m = parseDockerfile('ARG PY=3.12\nFROM python:${PY}-slim AS base\nENV APP=/srv\nARG PY\nWORKDIR $APP\nFROM base\nRUN echo $APP\n');
    expect(m.stages[0].resolvedImage).toBe('python:3.12-slim');
    const workdir = m.instructions[4];
    expect(m.expand('$APP/x', workdir)).toBe('/srv/x');
    expect(m.variable('PY', workdir)).toBe('3.12');
    expect(m.stages[1].parentStage).toBe(m.stages[0]);
    expect(m.variable('APP', m.instructions[6])).toBe('/srv');
    expect(m.expand('${MISSING}', workdir)).toBeNull();
  });

  it('splits words like the Dockerfile parser: quotes group, continuations join', () => {
    const text = 'ENV A="b c" D=e\\\n  F=g';
    expect(splitWords(text, 3, text.length, '\\').map((w) => w.value)).toEqual(['A="b c"', 'D=e', 'F=g']);
  });

  it('parses an empty file and a file of comments', () => {
    expect(parseDockerfile('').instructions).toEqual([]);
    expect(parseDockerfile('# only a comment\n').stages).toEqual([]);
  });
});
