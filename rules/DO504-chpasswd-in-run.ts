import { defineRule } from '../src/types.ts';
import { runCommands } from '../src/rule-helpers.ts';

export default defineRule({
  meta: {
    code: 'DO504',
    name: 'chpasswd-in-run',
    category: 'security',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    docs: {
      summary: '`chpasswd` sets or removes a password in a RUN.',
      rationale:
        'A password set at build time is the same in every container from the image, and the command that set it (often with the password in clear text) stays readable in the image history (`docker history`). Containers should not need local passwords: use `docker exec`, and pass real credentials at run time. (Checkov CKV2_DOCKER_17.)',
      bad: "FROM ubuntu:24.04\nRUN useradd -m app && echo 'app:secret' | chpasswd\n",
      good: 'FROM ubuntu:24.04\nRUN useradd -m app\nUSER app\n',
    },
  },
  create(context) {
    return {
      RUN(inst) {
        for (const cmd of runCommands(inst)) {
          if (cmd.name !== 'chpasswd') continue;
          context.report({
            message: 'chpasswd sets a password that every container from this image shares, and the RUN line keeps it in the image history. Do not set passwords in the image.',
            at: { start: cmd.start, end: cmd.end },
          });
        }
      },
    };
  },
});
