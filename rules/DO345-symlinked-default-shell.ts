import { defineRule } from '../src/types.ts';
import { everyRun } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';

export default defineRule({
  meta: {
    code: 'DO345',
    name: 'symlinked-default-shell',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL4005'],
    docs: {
      summary: 'A RUN replaces /bin/sh with a link (`ln -sf /bin/bash /bin/sh`) to change the shell.',
      rationale:
        'Replacing /bin/sh changes the shell for every program in the image, including system scripts written for the original one. To run the Dockerfile\'s RUN instructions with another shell, use the SHELL instruction.',
      bad: 'FROM debian:bookworm-slim\nRUN ln -sf /bin/bash /bin/sh\nRUN echo "${BASH_VERSION}"\n',
      good: 'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-c"]\nRUN echo "${BASH_VERSION}"\n',
    },
  },
  create(context) {
    return everyRun((inst) => {
      for (const cmd of runCommands(inst)) {
        if (cmd.name !== 'ln' || !cmd.args.some((w) => w.value === '/bin/sh')) continue;
        context.report({
          message: 'Linking /bin/sh to another shell changes it for the whole image: use the SHELL instruction to change the shell of RUN.',
          at: { start: cmd.start, end: cmd.end },
        });
      }
    });
  },
});
