import { defineRule } from '../src/types.ts';
import type { Instruction } from '../src/model.ts';

/** Features the Dockerfile frontend built into older engines may not understand. */
function modernFeature(inst: Instruction): string | null {
  if (inst.keyword === 'RUN') {
    if (inst.flag('mount')) return 'RUN --mount';
    if (inst.flag('network')) return 'RUN --network';
    if (inst.flag('security')) return 'RUN --security';
  }
  if (inst.keyword === 'COPY' || inst.keyword === 'ADD') {
    for (const name of ['link', 'chmod', 'exclude', 'parents', 'checksum', 'keep-git-dir']) {
      if (inst.flag(name)) return `${inst.keyword} --${name}`;
    }
  }
  if (inst.heredocs.length > 0) return `${inst.keyword} heredoc`;
  return null;
}

export default defineRule({
  meta: {
    code: 'DO100',
    name: 'missing-syntax-directive',
    category: 'performance',
    severity: 'warning',
    status: 'stable',
    fixable: 'always',
    docs: {
      summary: 'The file has no `# syntax=` parser directive.',
      rationale:
        'Without `# syntax=docker/dockerfile:1` the build uses whatever Dockerfile frontend the engine has built in, which may be years old. Cache mounts (`RUN --mount=type=cache`), heredocs, `COPY --link`, `--chmod` and `--exclude` need a recent frontend: with such features and no directive this is an error, otherwise a warning. The directive must be the first line. Air-gapped builders cannot pull the frontend image; `dockopt build --builtin-frontend` builds without it.',
      bad: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n',
      good: '# syntax=docker/dockerfile:1\nFROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n',
    },
  },
  create(context) {
    const { model } = context;
    if (model.directives.some((d) => d.name === 'syntax')) return {};
    let feature: { name: string; inst: Instruction } | null = null;
    return {
      instruction(inst) {
        if (feature) return;
        const f = modernFeature(inst) ?? (inst.trigger ? modernFeature(inst.trigger) : null);
        if (f) feature = { name: f, inst };
      },
      end() {
        if (model.instructions.length === 0) return;
        const stray = model.comments.find((c) => /^syntax\s*=/i.test(c.text));
        const strayNote = stray ? ` The \`# syntax=\` comment on line ${stray.line + 1} is ignored: parser directives must come before any other line.` : '';
        const offset = model.hasBom ? 1 : 0;
        const fix = {
          applicability: 'safe' as const,
          description: 'Insert # syntax=docker/dockerfile:1',
          edits: [{ start: offset, end: offset, text: `# syntax=docker/dockerfile:1${model.eol}` }],
        };
        if (stray) {
          // Moving the stray line up keeps its chosen frontend version.
          const lineEnd = model.lineStarts[stray.line + 1] ?? model.text.length;
          fix.description = `Move the syntax directive from line ${stray.line + 1} to the top`;
          fix.edits = [
            { start: offset, end: offset, text: `# ${stray.text.replace(/\s*=\s*/, '=')}${model.eol}` },
            { start: model.lineStarts[stray.line], end: lineEnd, text: '' },
          ];
        }
        if (feature) {
          context.report({
            message: `${feature.name} (line ${feature.inst.line + 1}) needs a recent Dockerfile frontend, but the file has no \`# syntax=docker/dockerfile:1\` directive on its first line.${strayNote}`,
            at: { start: offset, end: offset },
            severity: 'error',
            fix,
          });
        } else {
          context.report({
            message: `No \`# syntax=docker/dockerfile:1\` directive: the build uses the engine's built-in frontend, whatever its age.${strayNote}`,
            at: { start: offset, end: offset },
            fix,
          });
        }
      },
    };
  },
});
