import { defineRule } from '../src/types.ts';

export default defineRule({
  meta: {
    code: 'DO506',
    name: 'missing-healthcheck',
    category: 'best-practice',
    severity: 'info',
    status: 'stable',
    fixable: 'never',
    enabledByDefault: false,
    hadolint: ['DL3057'],
    docs: {
      summary: 'The final image has no HEALTHCHECK.',
      rationale:
        'Without a HEALTHCHECK, Docker and Swarm only know whether the process runs, not whether it works: a hung server stays "up". Add a HEALTHCHECK for long-running services, or `HEALTHCHECK NONE` to say there is none on purpose. Orchestrators with their own probes (Kubernetes) ignore it, so this rule is off by default. (Trivy DS026, Checkov CKV_DOCKER_2.)',
      bad: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\n',
      good: 'FROM nginx:1.27\nCOPY site/ /usr/share/nginx/html/\nHEALTHCHECK CMD curl -fsS http://localhost/ || exit 1\n',
    },
  },
  create(context) {
    const { model } = context;
    return {
      end() {
        const final = model.stages[model.stages.length - 1];
        if (!final) return;
        for (let s: typeof final | null = final; s; s = s.parentStage) if (s.ofKind('HEALTHCHECK').length) return;
        context.report({
          message: 'The final stage has no HEALTHCHECK: Docker cannot tell a hung container from a working one. Add one, or HEALTHCHECK NONE if there is nothing to check.',
          at: { start: final.from.keywordStart, end: final.from.end },
        });
      },
    };
  },
});
