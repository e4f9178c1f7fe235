import { defineRule } from '../src/types.ts';

export default defineRule({
  meta: {
    code: 'DO216',
    name: 'maintainer-deprecated',
    category: 'style',
    severity: 'info',
    status: 'stable',
    fixable: 'always',
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
        const value = model.text.slice(inst.argsStart, inst.end).trim();
        const fix = value && !value.includes('\n')
          ? {
              applicability: 'safe' as const,
              description: 'Replace MAINTAINER with an OCI authors label',
              edits: [{ start: inst.keywordStart, end: inst.end, text: `LABEL org.opencontainers.image.authors=${JSON.stringify(value.replace(/^"(.*)"$/, '$1'))}` }],
            }
          : null;
        context.report({ message: 'MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors instead.', at: inst, fix });
      },
    };
  },
});
