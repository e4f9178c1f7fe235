import { defineRule } from '../src/types.ts';
import { hasOption, positionals } from '../src/shell.ts';
import { everyRun } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';
import { RPM_VALUED, promptingVerb } from '../src/rpm-tools.ts';

export default defineRule({
  meta: {
    code: 'DO312',
    name: 'yum-missing-yes',
    category: 'correctness',
    severity: 'warning',
    status: 'stable',
    fixable: 'always',
    hadolint: ['DL3030'],
    docs: {
      summary: '`yum install` (or another yum command that asks for confirmation) without `-y`.',
      rationale: 'A build cannot answer yum\'s "Is this ok [y/N]" prompt: without `-y` (`--assumeyes`) the command aborts and the build fails.',
      bad: 'FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all\n',
      good: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
    },
  },
  create(context) {
    return everyRun((inst) => {
      for (const cmd of runCommands(inst)) {
        if (cmd.name !== 'yum') continue;
        const verb = promptingVerb(positionals(cmd, RPM_VALUED));
        if (!verb || hasOption(cmd, ['-y', '--assumeyes'])) continue;
        context.report({
          message: `\`yum ${verb.value}\` without -y waits for a confirmation the build cannot give. Add -y.`,
          at: { start: cmd.start, end: verb.end },
          fix: { applicability: 'safe', description: 'Add -y', edits: [{ start: verb.end, end: verb.end, text: ' -y' }] },
        });
      }
    });
  },
});
