import { defineRule } from '../src/types.ts';
import { hasOption, positionals } from '../src/shell.ts';
import { runCommands } from '../src/rule-helpers.ts';

export default defineRule({
  meta: {
    code: 'DO203',
    name: 'apt-get-install-recommends',
    category: 'performance',
    severity: 'info',
    status: 'stable',
    fixable: 'always',
    hadolint: ['DL3015'],
    docs: {
      summary: '`apt-get install` without `--no-install-recommends`.',
      rationale: 'Recommended packages are not needed to run what you install, but they often double the download and the image size. Add `--no-install-recommends` and list what you really need.',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    },
  },
  create(context) {
    return {
      RUN(inst) {
        for (const cmd of runCommands(inst)) {
          if (cmd.name !== 'apt-get') continue;
          const verb = positionals(cmd, ['-o', '-c', '-t'])[0];
          if (verb?.value !== 'install') continue;
          if (hasOption(cmd, ['--no-install-recommends'])) continue;
          if (cmd.args.some((w) => /APT::Install-Recommends=(false|0)/i.test(w.value))) continue;
          context.report({
            message: '`apt-get install` without --no-install-recommends pulls in recommended packages the image does not need.',
            at: { start: cmd.start, end: verb.end },
            fix: { applicability: 'unsafe', description: 'Add --no-install-recommends', edits: [{ start: verb.end, end: verb.end, text: ' --no-install-recommends' }] },
          });
        }
      },
    };
  },
});
