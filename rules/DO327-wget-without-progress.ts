import { defineRule } from '../src/types.ts';
import type { Instruction, Stage } from '../src/model.ts';
import type { ShellCommand } from '../src/shell.ts';
import { bundlesShort, everyRun, programWord } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';

// wget's short options that take a value: a bundle such as `-qO-` ends at one of them.
const VALUED = 'OoaeiBtTwQPUlARDIXY';

/** Options that already keep the log short: a progress style, quiet, no-verbose, or a log file. */
function quietEnough(cmd: ShellCommand): boolean {
  return cmd.args.some((w) => {
    const v = w.value;
    return /^--(progress|quiet|no-verbose|output-file|append-output)(=|$)/.test(v) || v === '-nv' || bundlesShort(v, 'qoa', VALUED);
  });
}

const busyboxStages = new WeakMap<Stage, boolean>();

/** BusyBox wget (Alpine, BusyBox images) rejects --progress. */
function mayBeBusybox(inst: Instruction): boolean {
  for (let stage = inst.stage; stage; stage = stage.parentStage) {
    let busybox = busyboxStages.get(stage);
    if (busybox === undefined) {
      busybox = /alpine|busybox/i.test(stage.resolvedImage ?? stage.image ?? '') || stage.ofKind('RUN').some((r) => /\bapk\b/.test(r.text));
      busyboxStages.set(stage, busybox);
    }
    if (busybox) return true;
  }
  return false;
}

export default defineRule({
  meta: {
    code: 'DO327',
    name: 'wget-without-progress',
    category: 'style',
    severity: 'info',
    status: 'stable',
    fixable: 'always',
    hadolint: ['DL3047'],
    docs: {
      summary: '`wget` runs without `--progress`, `-q` or `-nv`.',
      rationale:
        "Without a terminal wget prints a progress line for every few kilobytes: downloading a large file fills the build log with thousands of lines. `--progress=dot:giga` prints one line per 32 MB (or use `-nv` / `-q`). The fix adds `--progress=dot:giga`; where the image may use BusyBox's wget (Alpine), which does not know that option, the fix is marked unsafe.",
      bad: 'FROM debian:bookworm-slim\nRUN wget https://example.com/big.tar.gz\n',
      good: 'FROM debian:bookworm-slim\nRUN wget --progress=dot:giga https://example.com/big.tar.gz\n',
    },
  },
  create(context) {
    return everyRun((inst) => {
      for (const cmd of runCommands(inst)) {
        if (cmd.name !== 'wget' || quietEnough(cmd)) continue;
        const word = programWord(cmd);
        const busybox = mayBeBusybox(inst);
        context.report({
          message: 'wget without --progress fills the build log with progress lines. Add `--progress=dot:giga` (or use -nv / -q).',
          at: { start: cmd.start, end: cmd.end },
          fix: {
            applicability: busybox ? 'unsafe' : 'safe',
            description: busybox ? 'Add --progress=dot:giga to wget (BusyBox wget does not support it)' : 'Add --progress=dot:giga to wget',
            edits: [{ start: word.end, end: word.end, text: ' --progress=dot:giga' }],
          },
        });
      }
    });
  },
});
