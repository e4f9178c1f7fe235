import { defineRule } from '../src/types.ts';
import type { Stage } from '../src/model.ts';
import { labelPairs } from '../src/label-schema.ts';

export default defineRule({
  meta: {
    code: 'DO329',
    name: 'missing-required-label',
    category: 'best-practice',
    severity: 'info',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3049'],
    docs: {
      summary: 'A stage does not set a label that the config\'s `labelSchema` requires (only checked when a schema is set).',
      rationale:
        'Teams that require labels (owner, source repository, version) list them in `labelSchema` (hadolint\'s `label-schema`); each stage must set them, or build FROM a stage that does.',
      bad: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title=app\n',
      good: 'FROM alpine:3.20\nLABEL org.opencontainers.image.title=app org.opencontainers.image.version=1.2.0\n',
      settings: { labelSchema: { 'org.opencontainers.image.version': 'semver' } },
    },
  },
  create(context) {
    const required = Object.keys(context.settings.labelSchema ?? {});
    if (required.length === 0) return {};
    const labelsOf = (stage: Stage | null): Set<string> => {
      const keys = new Set<string>();
      for (let s = stage; s; s = s.parentStage) for (const inst of s.ofKind('LABEL')) for (const p of labelPairs(inst, () => null)) keys.add(p.key);
      return keys;
    };
    return {
      stageEnd(stage) {
        const have = labelsOf(stage);
        for (const key of required) {
          if (have.has(key)) continue;
          context.report({ message: `Label "${key}" is missing: labelSchema requires it.`, at: stage.from });
        }
      },
    };
  },
});
