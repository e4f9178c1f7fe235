import { defineRule } from '../src/types.ts';
import { hasOption, positionals } from '../src/shell.ts';
import { runCommands } from '../src/rule-helpers.ts';

export default defineRule({
  meta: {
    code: 'DO202',
    name: 'apt-get-missing-yes',
    category: 'correctness',
    severity: 'warning',
    status: 'stable',
    fixable: 'always',
    hadolint: ['DL3014'],
    docs: {
      summary: '`apt-get install` without `-y`.',
      rationale: 'Builds are not interactive: without `-y` (or `--yes`, `--assume-yes`, `-qq`) apt-get asks for confirmation and the build fails as soon as an install needs extra packages.',
      bad: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install --no-install-recommends curl\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    },
  },
  create(context) {
    return {
      RUN(inst) {
        for (const cmd of runCommands(inst)) {
          if (cmd.name !== 'apt-get' && cmd.name !== 'apt') continue;
          const verb = positionals(cmd, ['-o', '-c', '-t'])[0];
          if (!verb || !['install', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'remove', 'purge', 'autoremove'].includes(verb.value)) continue;
          if (hasOption(cmd, ['-y', '--yes', '--assume-yes', '-qq', '--force-yes'])) continue;
          if (cmd.args.some((w) => /^-q=?2$|^--quiet=2$/.test(w.value) || /APT::Get::Assume-Yes=(true|1)/i.test(w.value))) continue;
          context.report({
            message: `\`${cmd.name} ${verb.value}\` without -y waits for a confirmation the build cannot give. Add -y.`,
            at: { start: cmd.start, end: verb.end },
            fix: { applicability: 'safe', description: 'Add -y', edits: [{ start: verb.end, end: verb.end, text: ' -y' }] },
          });
        }
      },
    };
  },
});
