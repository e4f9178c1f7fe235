import { defineRule } from '../src/types.ts';
import type { Instruction } from '../src/model.ts';

// Shell syntax that the exec form would not interpret: converting such a command is not a rewrite but a change.
const SHELL_FEATURES = /[$`|&;<>*?()[\]{}~'"\\#]|\s(if|then|for|while)\s/;

export default defineRule({
  meta: {
    code: 'DO217',
    name: 'shell-form-cmd',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'sometimes',
    hadolint: ['DL3025'],
    buildkit: ['JSONArgsRecommended'],
    docs: {
      summary: 'CMD or ENTRYPOINT in shell form.',
      rationale: 'In shell form the command runs under `/bin/sh -c`: the shell is PID 1, so SIGTERM from `docker stop` never reaches the program and the container is killed after the timeout. The JSON (exec) form runs the program directly. The fix converts simple commands (unsafe: the program then receives signals and no shell expansion happens).',
      bad: 'FROM node:22-slim\nCMD node server.js\n',
      good: 'FROM node:22-slim\nCMD ["node", "server.js"]\n',
    },
  },
  create(context) {
    const { model } = context;
    // BuildKit skips this check when the stage sets an explicit SHELL.
    const check = (inst: Instruction) => {
      if (inst.json !== null || inst.args.length === 0) return;
      const stageHasShell = inst.stage?.instructions.some((i) => i.keyword === 'SHELL' && i.start < inst.start);
      if (stageHasShell) return;
      const text = model.text.slice(inst.argsStart, inst.end);
      const simple = !text.includes('\n') && !SHELL_FEATURES.test(text);
      const words = text.trim().split(/\s+/);
      context.report({
        message: `${inst.keywordText} in shell form runs under /bin/sh, which does not forward signals to the program. Use the JSON form: ${inst.keywordText} ${JSON.stringify(words).replace(/","/g, '", "')}.`,
        at: inst,
        fix: simple
          ? { applicability: 'unsafe', description: 'Convert to JSON (exec) form', edits: [{ start: inst.argsStart, end: inst.end, text: JSON.stringify(words).replace(/","/g, '", "') }] }
          : null,
      });
    };
    return { CMD: check, ENTRYPOINT: check };
  },
});
