import { defineRule } from '../src/types.ts';
import { parseImageRef } from '../src/rule-helpers.ts';

const DOCKER_HUB = ['docker.io', 'index.docker.io', 'registry-1.docker.io', 'hub.docker.com'];

/** hadolint's trustedRegistries entries may use `*` wildcards (`*.gcr.io`). */
function matches(pattern: string, registry: string): boolean {
  const re = new RegExp(`^${pattern.toLowerCase().replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return re.test(registry.toLowerCase());
}

export default defineRule({
  meta: {
    code: 'DO309',
    name: 'untrusted-registry',
    category: 'security',
    severity: 'error',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3026'],
    docs: {
      summary: 'A FROM pulls from a registry that is not in the config\'s `trustedRegistries` (only checked when that list is set).',
      rationale:
        'Organisations that mirror and scan their base images want every build to use the mirror. Set `trustedRegistries` (entries may use `*`, e.g. `*.gcr.io`; `docker.io` allows Docker Hub images without a registry name) and this rule reports any other registry.',
      bad: 'FROM python:3.12-slim\n',
      good: 'FROM registry.example.com/python:3.12-slim\n',
      settings: { trustedRegistries: ['registry.example.com'] },
    },
  },
  create(context) {
    const { model } = context;
    const trusted = context.settings.trustedRegistries ?? [];
    if (trusted.length === 0) return {};
    return {
      FROM(inst) {
        const stage = inst.stage;
        if (!stage?.image || !stage.imageSpan || stage.parentStage) return;
        const image = stage.resolvedImage;
        if (image === null || image.toLowerCase() === 'scratch') return;
        if (model.stages.some((s) => s.index < stage.index && s.name?.toLowerCase() === image.toLowerCase())) return;
        const registry = parseImageRef(image).registry ?? 'docker.io';
        const allowed = DOCKER_HUB.includes(registry.toLowerCase()) ? trusted.some((t) => DOCKER_HUB.includes(t.toLowerCase()) || matches(t, registry)) : trusted.some((t) => matches(t, registry));
        if (allowed) return;
        context.report({
          message: `"${image}" comes from ${registry === 'docker.io' ? 'Docker Hub (docker.io)' : registry}, which is not in trustedRegistries (${trusted.join(', ')}).`,
          at: stage.imageSpan,
        });
      },
    };
  },
});
