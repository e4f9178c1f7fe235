import { defineRule } from '../src/types.ts';
import { runCommands } from '../src/rule-helpers.ts';

export default defineRule({
  meta: {
    code: 'DO207',
    name: 'sudo-in-run',
    category: 'security',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3004'],
    docs: {
      summary: '`sudo` in a RUN.',
      rationale: 'sudo behaves unpredictably without a TTY and keeps a privilege-escalation path in the image. Switch users with USER; for one command as another user use gosu or su-exec.',
      bad: 'FROM debian:bookworm-slim\nRUN sudo apt-get update\n',
      good: 'FROM debian:bookworm-slim\nUSER root\nRUN apt-get update\n',
    },
  },
  create(context) {
    return {
      RUN(inst) {
        for (const cmd of runCommands(inst)) {
          const sudo = cmd.words.find((w) => w.value === 'sudo' || w.value.endsWith('/sudo'));
          if (!sudo || (cmd.wrappers[0] !== 'sudo' && cmd.name !== 'sudo')) continue;
          context.report({ message: 'Do not use sudo in a RUN: use USER to change the user.', at: sudo });
        }
      },
    };
  },
});
