import { defineRule } from '../src/types.ts';
import { keyValues, type Instruction } from '../src/model.ts';

const PRAGMA = /^(dockopt|hadolint)\s*:?\s+(global\s+)?ignore\s*=|^check\s*=|^syntax\s*=|^escape\s*=/i;

export default defineRule({
  meta: {
    code: 'DO410',
    name: 'invalid-definition-description',
    category: 'style',
    severity: 'info',
    status: 'preview',
    fixable: 'never',
    enabledByDefault: false,
    buildkit: ['InvalidDefinitionDescription'],
    docs: {
      summary: 'The comment right above a named FROM or an ARG does not start with the stage or argument name.',
      rationale:
        '`docker buildx build --call=outline` and `--call=targets` show the comment directly above a named stage or an ARG as its description when the comment starts with the name (`# VERSION sets the release to build`). A comment right above that does not is shown as nothing and is probably not meant as a description: start it with the name, or put an empty line between it and the instruction. Suppression pragmas and parser directives are not descriptions and are ignored. Off by default, as in BuildKit (experimental there).',
      bad: '# a non-descriptive comment\nFROM alpine:3.20 AS base\n\n# another non-descriptive comment\nARG VERSION=1\n',
      good: '# base is a stage for compiling source\nFROM alpine:3.20 AS base\n# VERSION This is the version number.\nARG VERSION=1\n',
    },
  },
  create(context) {
    const { model } = context;
    const directiveLines = new Set(model.directives.map((d) => d.line));
    const check = (inst: Instruction, names: string[], what: string) => {
      if (names.length === 0) return;
      let comments = inst.leadingComments.filter((c) => !directiveLines.has(c.line) && !PRAGMA.test(c.text));
      // An empty `#` line ends a description block, as in BuildKit.
      const reset = comments.map((c) => c.text === '').lastIndexOf(true);
      if (reset !== -1) comments = comments.slice(reset + 1);
      const last = comments[comments.length - 1];
      if (!last) return;
      if (names.includes(last.text.split(' ')[0])) return;
      const example = names.length > 1 ? '<arg_key>' : names[0];
      context.report({
        message: `The comment above this ${what} is read as its description but does not start with "${example}": write "# ${example} <description>", or separate the comment with an empty line.`,
        at: last,
      });
    };
    return {
      FROM(inst) {
        if (inst.stage?.name) check(inst, [inst.stage.name], 'stage');
      },
      ARG(inst) {
        check(inst, keyValues(inst).map((kv) => kv.key), 'ARG');
      },
    };
  },
});
