import { defineRule } from '../src/types.ts';

export default defineRule({
  meta: {
    code: 'DO216',
    name: 'maintainer-deprecated',
    category: 'style',
    severity: 'info',
    status: 'stable',
    fixable: 'sometimes',
    hadolint: ['DL4000'],
    buildkit: ['MaintainerDeprecated'],
    docs: {
      summary: 'MAINTAINER is deprecated.',
      rationale: 'MAINTAINER was replaced by labels. `LABEL org.opencontainers.image.authors="..."` is read by registries and tools.',
      bad: 'FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"\n',
    },
  },
  create(context) {
    const { model } = context;
    return {
      MAINTAINER(inst) {
        const value = model.text.slice(inst.argsStart, inst.end).trim().replace(/^"(.*)"$/, '$1');
        // MAINTAINER takes its text literally; in a LABEL's double quotes `"`, `\` and `$` need escaping,
        // which only works with the default escape character.
        const plain = !/["\\$`]/.test(value) || model.escapeChar === '\\';
        const quoted = `"${value.replace(/[\\"$]/g, '\\$&')}"`;
        const fix = value && !/[\r\n]/.test(value) && plain
          ? {
              applicability: 'safe' as const,
              description: 'Replace MAINTAINER with an OCI authors label',
              edits: [{ start: inst.keywordStart, end: inst.end, text: `${inst.keywordText === 'maintainer' ? 'label' : 'LABEL'} org.opencontainers.image.authors=${quoted}` }],
            }
          : null;
        context.report({ message: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors instead.', at: inst, fix });
      },
    };
  },
});
