import { defineRule } from '../src/types.ts';
import { lastBefore, type Instruction } from '../src/model.ts';
import { runCommands } from '../src/rule-helpers.ts';

function shellSetsPipefail(inst: Instruction): boolean {
  const shell = lastBefore(inst, ['SHELL']);
  return (shell?.json ?? []).some((a, k, all) => a === 'pipefail' && /^-[a-zA-Z]*o$/.test(all[k - 1] ?? ''));
}

export default defineRule({
  meta: {
    code: 'DO218',
    name: 'pipe-without-pipefail',
    category: 'correctness',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL4006'],
    docs: {
      summary: 'A RUN pipes commands without `pipefail`.',
      rationale: 'Without pipefail a pipeline succeeds when its last command does: `curl -fsSL $URL | tar xz` passes even when the download fails, and the layer is cached broken. Set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` (or `set -o pipefail` in the RUN; busybox ash supports it too).',
      bad: 'FROM debian:bookworm-slim\nRUN curl -fsSL https://example.com/tool.tgz | tar xz\n',
      good: 'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/tool.tgz | tar xz\n',
    },
  },
  create(context) {
    return {
      RUN(inst) {
        const cmds = runCommands(inst);
        const piped = cmds.find((c) => c.pipesTo);
        if (!piped) return;
        const script = inst.shell?.text ?? '';
        if (/\bset\s+(-[a-zA-Z]+\s+)*-[a-zA-Z]*o\s*pipefail/.test(script)) return;
        if (shellSetsPipefail(inst)) return;
        context.report({
          message: 'This RUN pipes commands without pipefail: a failure before the last `|` goes unnoticed. Add `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` before it, or start the RUN with `set -o pipefail &&`.',
          at: { start: piped.start, end: piped.end },
        });
      },
    };
  },
});
