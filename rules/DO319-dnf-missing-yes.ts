import { defineRule } from '../src/types.ts';
import { hasOption, positionals } from '../src/shell.ts';
import { everyRun } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';
import { RPM_VALUED, promptingVerb } from '../src/rpm-tools.ts';

const DNF = new Set(['dnf', 'dnf5', 'tdnf']);

export default defineRule({
  meta: {
    code: 'DO319',
    name: 'dnf-missing-yes',
    category: 'correctness',
    severity: 'warning',
    status: 'stable',
    fixable: 'always',
    hadolint: ['DL3038'],
    docs: {
      summary: '`dnf install` (or another dnf command that asks for confirmation) without `-y`.',
      rationale: 'A build cannot answer dnf\'s "Is this ok [y/N]" prompt: without `-y` (`--assumeyes`) the command aborts and the build fails.',
      bad: 'FROM fedora:40\nRUN dnf install httpd-2.4.62 && dnf clean all\n',
      good: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
    },
  },
  create(context) {
    return everyRun((inst) => {
      for (const cmd of runCommands(inst)) {
        if (!DNF.has(cmd.name)) continue;
        const verb = promptingVerb(positionals(cmd, RPM_VALUED));
        if (!verb || hasOption(cmd, ['-y', '--assumeyes'])) continue;
        context.report({
          message: `\`${cmd.name} ${verb.value}\` without -y waits for a confirmation the build cannot give. Add -y.`,
          at: { start: cmd.start, end: verb.end },
          fix: { applicability: 'safe', description: 'Add -y', edits: [{ start: verb.end, end: verb.end, text: ' -y' }] },
        });
      }
    });
  },
});
