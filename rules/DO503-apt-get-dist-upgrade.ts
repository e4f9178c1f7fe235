import { defineRule } from '../src/types.ts';
import { positionals } from '../src/shell.ts';
import { runCommands } from '../src/rule-helpers.ts';

export default defineRule({
  meta: {
    code: 'DO503',
    name: 'apt-get-dist-upgrade',
    category: 'security',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    docs: {
      summary: '`apt-get dist-upgrade` (or `full-upgrade`) in a RUN.',
      rationale:
        '`dist-upgrade` may install and remove packages to resolve new dependencies, so each build can end up with a different set of packages than the base image vouched for, and the layer grows by everything that changed. Use a newer base image tag (or digest) to get updates; install only the packages you need. (Trivy DS024.)',
      bad: 'FROM debian:bookworm\nRUN apt-get update && apt-get dist-upgrade -y\n',
      good: 'FROM debian:bookworm-20240722\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    },
  },
  create(context) {
    return {
      RUN(inst) {
        for (const cmd of runCommands(inst)) {
          if (!['apt-get', 'apt', 'aptitude'].includes(cmd.name)) continue;
          const verb = positionals(cmd, ['-o', '-c', '-t'])[0];
          if (!verb || (verb.value !== 'dist-upgrade' && verb.value !== 'full-upgrade')) continue;
          context.report({
            message: `\`${cmd.name} ${verb.value}\` can pull in and remove packages beyond the base image, differently on each build. Use a newer base image instead.`,
            at: { start: cmd.start, end: verb.end },
          });
        }
      },
    };
  },
});
