import { defineRule } from '../src/types.ts';
import { packageManagerUses } from '../src/package-managers.ts';
import { positionals } from '../src/shell.ts';
import { runCommands } from '../src/rule-helpers.ts';

const BUILD_PACKAGE = /^(gcc|g\+\+|gcc-c\+\+|clang|build-essential|build-base|alpine-sdk|cmake|make|autoconf|automake|libtool|cargo|rustc|golang|go|[a-z0-9.+_-]+-(dev|devel))(=.*|-[0-9].*)?$/;
const REMOVERS = /^(purge|remove|autoremove|del|erase)$/;

export default defineRule({
  meta: {
    code: 'DO106',
    name: 'build-tools-in-final-image',
    category: 'performance',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    docs: {
      summary: 'The final image installs compilers or -dev/-devel packages.',
      rationale:
        'Compilers and headers are needed to build wheels or native modules, not to run them. In the final stage they add hundreds of MB to every image and every pull. Build in an earlier stage and copy only the results (`COPY --from=build`), or remove them in the same RUN.',
      bad: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc python3-dev\nRUN pip install numpy\n',
      good: 'FROM python:3.12-slim AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc python3-dev\nRUN pip wheel --wheel-dir /wheels numpy\n\nFROM python:3.12-slim\nCOPY --from=build /wheels /wheels\nRUN pip install --no-index /wheels/*\n',
    },
  },
  create(context) {
    const { model } = context;
    return {
      stageEnd(stage) {
        if (stage !== model.stages[model.stages.length - 1]) return;
        for (const inst of stage.instructions) {
          if (inst.keyword !== 'RUN') continue;
          const cmds = runCommands(inst);
          const removes = cmds.some((c) => ['apt-get', 'apt', 'apk', 'dnf', 'yum', 'microdnf'].includes(c.name) && positionals(c).some((w) => REMOVERS.test(w.value)));
          if (removes) continue;
          for (const use of packageManagerUses(inst)) {
            if (use.ecosystem !== 'system' || use.action !== 'install') continue;
            const pkgs = positionals(use.command, ['-o', '-t', '--virtual', '-X', '--repository', '--setopt']).slice(1).filter((w) => BUILD_PACKAGE.test(w.value));
            if (pkgs.length === 0) continue;
            const single = model.stages.length === 1;
            context.report({
              message: `${pkgs.map((p) => p.value).join(', ')} ${pkgs.length === 1 ? 'is a build tool' : 'are build tools'} installed into the final image. ${single ? 'Use a multi-stage build: compile in a build stage and copy only the results into a slim final stage' : 'Install them in a build stage and copy only the results'} (\`dockopt fix --multistage\` can rewrite the file).`,
              at: { start: pkgs[0].start, end: pkgs[pkgs.length - 1].end },
            });
          }
        }
      },
    };
  },
});
