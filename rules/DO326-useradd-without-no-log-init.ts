import { defineRule } from '../src/types.ts';
import type { ShellCommand } from '../src/shell.ts';
import { hasOption } from '../src/shell.ts';
import { everyRun, programWord } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';

/** The value given to `-u` / `--uid`, if any. */
function uidOf(cmd: ShellCommand): string | undefined {
  const args = cmd.args;
  for (let i = 0; i < args.length; i++) {
    const v = args[i].value;
    if (v === '--') break;
    if (v === '--uid' || /^-[A-Za-z]*u$/.test(v)) return args[i + 1]?.value;
    if (v.startsWith('--uid=')) return v.slice(6);
    const attached = /^-u(\d+)$/.exec(v);
    if (attached) return attached[1];
  }
  return undefined;
}

export default defineRule({
  meta: {
    code: 'DO326',
    name: 'useradd-without-no-log-init',
    category: 'performance',
    severity: 'warning',
    status: 'stable',
    fixable: 'always',
    hadolint: ['DL3046'],
    docs: {
      summary: '`useradd` creates a user with a large UID without `-l` (`--no-log-init`).',
      rationale:
        'useradd records every new user in /var/log/lastlog and /var/log/faillog, files indexed by UID: a UID such as 1000000 makes them sparse files of hundreds of megabytes, and image layers do not keep them sparse. `-l` skips those records, which nothing in a container reads.',
      bad: 'FROM debian:bookworm-slim\nRUN useradd -u 1000000 app\n',
      good: 'FROM debian:bookworm-slim\nRUN useradd -l -u 1000000 app\n',
    },
  },
  create(context) {
    const { model } = context;
    return everyRun((inst) => {
      for (const cmd of runCommands(inst)) {
        if (cmd.name !== 'useradd') continue;
        if (hasOption(cmd, ['-l', '--no-log-init'])) continue;
        const uid = uidOf(cmd);
        if (uid === undefined) continue;
        const value = model.expand(uid, inst) ?? uid;
        if (value.length <= 5) continue;
        const word = programWord(cmd);
        context.report({
          message: `\`useradd\` with UID ${value} and without -l writes sparse lastlog/faillog files that grow the layer by hundreds of megabytes. Add -l (--no-log-init).`,
          at: { start: cmd.start, end: cmd.end },
          fix: { applicability: 'safe', description: 'Add -l to useradd', edits: [{ start: word.end, end: word.end, text: ' -l' }] },
        });
      }
    });
  },
});
