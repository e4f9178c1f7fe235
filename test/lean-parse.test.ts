// The model parses with dockerfile-ast's parser but builds plain instructions (no JSONInstruction
// argument work, see leanParse in src/model.ts). What the model reads must be exactly what
// DockerfileParser.parse gives: instruction ranges and keywords, comments, directives, heredocs,
// ONBUILD triggers.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { corpusFiles } from './support/corpus.ts';
import { DockerfileParser, type Instruction as AstInstruction } from 'dockerfile-ast';
import { parseDockerfile } from '../src/model.ts';

const pos = (p: { line: number; character: number }) => `${p.line}:${p.character}`;
const range = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => `${pos(r.start)}-${pos(r.end)}`;

/** What the model takes from dockerfile-ast, read through the library's own classes. */
function reference(text: string) {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const ast = DockerfileParser.parse(body);
  const inst = (i: AstInstruction) => {
    const heredocs = (i as unknown as { getHeredocs?: () => { getName(): string; getContentRange(): unknown }[] }).getHeredocs;
    return {
      keyword: i.getInstruction(),
      range: range(i.getRange()),
      keywordRange: range(i.getInstructionRange()),
      heredocs: ['RUN', 'COPY', 'ADD'].includes(i.getKeyword()) && heredocs ? heredocs.call(i).map((h) => h.getName()) : [],
    };
  };
  return {
    escape: ast.getEscapeCharacter(),
    directives: ast.getDirectives().map((d) => [d.getName().toLowerCase(), d.getValue()]),
    comments: ast.getComments().map((c) => [c.getRange().start.line, (c.getContent() ?? '').trim()]),
    instructions: ast.getInstructions().map((i) => {
      const trigger = i.getKeyword() === 'ONBUILD' ? (i as unknown as { getTriggerInstruction(): AstInstruction | null }).getTriggerInstruction() : null;
      return { ...inst(i), trigger: trigger ? inst(trigger) : null };
    }),
  };
}

function ours(text: string) {
  const m = parseDockerfile(text);
  const span = (start: number, end: number) => {
    const s = m.positionAt(start);
    const e = m.positionAt(end);
    return `${pos(s)}-${pos(e)}`;
  };
  const inst = (i: (typeof m.instructions)[number]) => ({
    keyword: i.keywordText,
    range: span(i.start, i.end),
    keywordRange: span(i.keywordStart, i.keywordEnd),
    heredocs: i.heredocs.map((h) => h.name),
  });
  return {
    escape: m.escapeChar,
    directives: m.directives.map((d) => [d.name, d.value]),
    comments: m.comments.map((c) => [c.line, c.text]),
    instructions: m.instructions.map((i) => ({ ...inst(i), trigger: i.trigger ? inst(i.trigger) : null })),
  };
}

const EDGE_CASES = [
  '',
  '# syntax=docker/dockerfile:1\n# escape=\\\nFROM alpine:3.20\n',
  '\uFEFFFROM alpine:3.20\r\nRUN echo hi \\\r\n  && echo there\r\n',
  '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a `\n  b\nCOPY ["a b", "c"]\n',
  'FROM alpine:3.20\nRUN <<EOF\napk add curl\nEOF\nCOPY <<-A <<B /dst/\n\thello\n\tA\nworld\nB\nADD <<EOT /etc/motd\nhi\nEOT\n',
  'FROM alpine:3.20\nRUN cat <<EOF > /x && echo done\nbody\nEOF\n',
  'FROM alpine:3.20\nONBUILD RUN echo hi\nONBUILD COPY <<EOF /x\ndata\nEOF\nonbuild add . /app\n',
  'FROM alpine:3.20\nRUN apk add \\\n  # a comment inside\n  curl \\\n\n  git\n# trailing comment\n',
  'FROM alpine:3.20\nRUNN typo\n  indented continuation-less line\nCMD ["sh"]\nCMD []\nENTRYPOINT\nHEALTHCHECK NONE\n',
  'FROM alpine:3.20\nRUN echo \\ \nRUN echo last \\',
];

describe('leanParse reads what DockerfileParser.parse reads', () => {
  it('on edge cases', () => {
    for (const text of EDGE_CASES) expect(ours(text), JSON.stringify(text)).toEqual(reference(text));
  });

  it('on every corpus file', () => {
    const differ: string[] = [];
    for (const file of corpusFiles()) {
      const text = readFileSync(file, 'utf8');
      if (JSON.stringify(ours(text)) !== JSON.stringify(reference(text))) differ.push(file);
    }
    expect(differ).toEqual([]);
  });
});
