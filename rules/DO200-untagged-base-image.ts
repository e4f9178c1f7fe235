import { defineRule } from '../src/types.ts';
import { parseImageRef } from '../src/rule-helpers.ts';

export default defineRule({
  meta: {
    code: 'DO200',
    name: 'untagged-base-image',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3006'],
    docs: {
      summary: 'A FROM names an image without a tag or digest.',
      rationale:
        'Without a tag the builder uses `latest`, which changes under you: builds stop being reproducible and the layer cache is invalidated whenever upstream pushes. Pin a version tag (better: a digest).',
      bad: 'FROM python\nRUN python --version\n',
      good: 'FROM python:3.12-slim\nRUN python --version\n',
    },
  },
  create(context) {
    const { model } = context;
    return {
      FROM(inst) {
        const stage = inst.stage;
        if (!stage || !stage.image || !stage.imageSpan) return;
        if (stage.parentStage || stage.image.toLowerCase() === 'scratch') return;
        const resolved = stage.resolvedImage;
        if (resolved === null) return; // depends on a build argument without a default
        if (resolved.toLowerCase() === 'scratch') return;
        const ref = parseImageRef(resolved);
        if (ref.tag || ref.digest) return;
        // A stage name used later as a base is not an image.
        if (model.stages.some((s) => s.name?.toLowerCase() === resolved.toLowerCase())) return;
        context.report({
          message: `Base image "${stage.image}" has no tag, so it means "latest" and changes without notice. Pin a version, e.g. ${ref.repository}:<version>.`,
          at: stage.imageSpan,
        });
      },
    };
  },
});
