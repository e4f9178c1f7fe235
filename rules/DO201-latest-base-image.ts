import { defineRule } from '../src/types.ts';
import { parseImageRef } from '../src/rule-helpers.ts';

export default defineRule({
  meta: {
    code: 'DO201',
    name: 'latest-base-image',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3007'],
    docs: {
      summary: 'A FROM uses the `latest` tag.',
      rationale: '`latest` moves: the same Dockerfile builds a different image tomorrow, and caches keyed on the base image are thrown away. Pin a version tag or a digest.',
      bad: 'FROM node:latest\nRUN node --version\n',
      good: 'FROM node:22-slim\nRUN node --version\n',
    },
  },
  create(context) {
    return {
      FROM(inst) {
        const stage = inst.stage;
        if (!stage?.resolvedImage || !stage.imageSpan || stage.parentStage) return;
        const ref = parseImageRef(stage.resolvedImage);
        if (ref.tag?.toLowerCase() !== 'latest' || ref.digest) return;
        context.report({
          message: `Base image "${stage.image}" uses the moving tag "latest". Pin a version tag or a digest.`,
          at: stage.imageSpan,
        });
      },
    };
  },
});
