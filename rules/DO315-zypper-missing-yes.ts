import { defineRule } from '../src/types.ts';
import { hasOption, positionals } from '../src/shell.ts';
import { everyRun } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';
import { ZYPPER_VALUED } from '../src/rpm-tools.ts';

// Commands that ask before changing packages.
const PROMPTING = new Set(['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch', 'update', 'up', 'dist-upgrade', 'dup', 'install-new-recommends', 'inr']);

export default defineRule({
  meta: {
    code: 'DO315',
    name: 'zypper-missing-yes',
    category: 'correctness',
    severity: 'warning',
    status: 'stable',
    fixable: 'always',
    hadolint: ['DL3034'],
    docs: {
      summary: '`zypper install` (or another zypper command that asks for confirmation) without `-y` or `--non-interactive`.',
      rationale: 'A build cannot answer zypper\'s "Continue? [y/n]" prompt: without `-y` (`--no-confirm`) or the global `-n` (`--non-interactive`) the command aborts and the build fails.',
      bad: 'FROM opensuse/leap:15.6\nRUN zypper install httpd=2.4.58 && zypper clean\n',
      good: 'FROM opensuse/leap:15.6\nRUN zypper install -y httpd=2.4.58 && zypper clean\n',
    },
  },
  create(context) {
    return everyRun((inst) => {
      for (const cmd of runCommands(inst)) {
        if (cmd.name !== 'zypper') continue;
        const verb = positionals(cmd, ZYPPER_VALUED)[0];
        if (!verb || !PROMPTING.has(verb.value)) continue;
        if (hasOption(cmd, ['-y', '--no-confirm', '-n', '--non-interactive'])) continue;
        context.report({
          message: `\`zypper ${verb.value}\` without -y waits for a confirmation the build cannot give. Add -y (or the global --non-interactive).`,
          at: { start: cmd.start, end: verb.end },
          fix: { applicability: 'safe', description: 'Add -y', edits: [{ start: verb.end, end: verb.end, text: ' -y' }] },
        });
      }
    });
  },
});
