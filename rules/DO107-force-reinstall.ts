import { defineRule } from '../src/types.ts';
import { findOption } from '../src/shell.ts';
import { runCommands } from '../src/rule-helpers.ts';
import { recognise } from '../src/package-managers.ts';

export default defineRule({
  meta: {
    code: 'DO107',
    name: 'force-reinstall',
    category: 'performance',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    docs: {
      summary: '`pip install --force-reinstall` / `--ignore-installed`, or uninstall-then-install, works around a stale base image.',
      rationale:
        'Reinstalling packages on top of a base image that already has them (because the base may be out of date) pays for the install on every build and hides the real problem: the base image is not rebuilt when its inputs change. Rebuild the base when its packages change (`dockopt build` tracks dependencies between images) and install normally.',
      bad: 'FROM my-base:1\nCOPY receipt_dynamo/ /tmp/receipt_dynamo/\nRUN pip install --force-reinstall /tmp/receipt_dynamo\n',
      good: 'FROM my-base:1\nCOPY receipt_dynamo/ /tmp/receipt_dynamo/\nRUN pip install /tmp/receipt_dynamo\n',
    },
  },
  create(context) {
    return {
      RUN(inst) {
        const cmds = runCommands(inst);
        const uninstalled = new Set<string>();
        for (const cmd of cmds) {
          const use = recognise(cmd);
          const isPip = /^pip(\d+(\.\d+)?)?$/.test(cmd.name) || (/^python/.test(cmd.name) && cmd.args[1]?.value === 'pip');
          const args = cmd.args.slice(/^python/.test(cmd.name) ? 2 : 0);
          if (isPip && args[0]?.value === 'uninstall') {
            for (const w of args.slice(1)) if (!w.value.startsWith('-')) uninstalled.add(w.value.toLowerCase());
            continue;
          }
          if (!use || use.manager !== 'pip') continue;
          const flag = findOption(use.command, ['--force-reinstall', '--ignore-installed', '-I']);
          if (flag) {
            context.report({
              message: `\`pip install ${flag.value}\` reinstalls packages the base image may already have, on every build. If the base image can be stale, rebuild it when its inputs change instead.`,
              at: { start: flag.start, end: flag.end },
            });
            continue;
          }
          const again = use.command.args.find((w) => uninstalled.has(w.value.toLowerCase()));
          if (again) {
            context.report({
              message: `${again.value} is uninstalled and installed again in the same RUN: a workaround for a stale base image. Rebuild the base image when its inputs change instead.`,
              at: { start: again.start, end: again.end },
            });
          }
        }
      },
    };
  },
});
