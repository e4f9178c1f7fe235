import { defineRule } from '../src/types.ts';

export default defineRule({
  meta: {
    code: 'DO208',
    name: 'last-user-root',
    category: 'security',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3002'],
    docs: {
      summary: 'The last USER of the final stage is root.',
      rationale: 'A container that runs as root turns any remote code execution into root in the container, and often on the host. Switch to an unprivileged user at the end.',
      bad: 'FROM node:22-slim\nUSER node\nRUN npm --version\nUSER root\n',
      good: 'FROM node:22-slim\nUSER root\nRUN npm --version\nUSER node\n',
    },
  },
  create(context) {
    const { model } = context;
    return {
      stageEnd(stage) {
        if (stage !== model.stages[model.stages.length - 1]) return;
        const last = stage.ofKind('USER').at(-1);
        if (!last || !last.args[0]) return;
        const user = (model.expand(last.args[0].value, last) ?? last.args[0].value).split(':')[0];
        if (user !== 'root' && user !== '0') return;
        context.report({ message: 'The final USER is root: the container runs with full privileges. End with an unprivileged USER.', at: last });
      },
    };
  },
});
