import { defineRule } from '../src/types.ts';
import { everyRun } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';

// hadolint's list: interactive tools, process and service managers, and system control, none of
// which does anything useful while an image is being built.
const POINTLESS = new Set(['free', 'kill', 'mount', 'ps', 'service', 'shutdown', 'ssh', 'top', 'vim']);

export default defineRule({
  meta: {
    code: 'DO300',
    name: 'pointless-command',
    category: 'best-practice',
    severity: 'info',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3001'],
    docs: {
      summary: 'A RUN uses a command that makes no sense while building an image (`ssh`, `vim`, `service`, `ps`, `top`, `kill`, `mount`, `free`, `shutdown`).',
      rationale:
        'A build step runs without a terminal, without an init system and in a throw-away container: an editor waits for input that never comes, `service x start` starts a process that is gone when the step ends, `ps`/`top`/`free` report on the build container. Do the work with non-interactive commands and start services in the ENTRYPOINT or CMD.',
      bad: 'FROM debian:bookworm-slim\nRUN service nginx start\n',
      good: 'FROM debian:bookworm-slim\nCMD ["nginx", "-g", "daemon off;"]\n',
    },
  },
  create(context) {
    return everyRun((inst) => {
      for (const cmd of runCommands(inst)) {
        if (!POINTLESS.has(cmd.name)) continue;
        context.report({
          message: `\`${cmd.name}\` makes no sense in a build step: there is no terminal, no init system, and the container is thrown away when the step ends.`,
          at: { start: cmd.start, end: cmd.end },
        });
      }
    });
  },
});
