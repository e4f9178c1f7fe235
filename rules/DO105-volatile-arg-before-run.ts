import { defineRule } from '../src/types.ts';
import type { Instruction } from '../src/model.ts';
import { keyValues } from '../src/model.ts';
import { packageManagerUses } from '../src/package-managers.ts';
import { moveVolatileFix } from '../src/fix/layer-order.ts';

const DEFAULT_PATTERN = '^(BUILD_?(DATE|TIME|NUMBER|ID|TIMESTAMP)|GIT_?(SHA|COMMIT|REF|BRANCH|TAG|HASH|REV(ISION)?)|(COMMIT|REVISION|SOURCE_)(_?SHA|_?HASH|_?ID)?|VCS_REF|CACHE_?BUST(ER)?|TIMESTAMP|DATE|RELEASE|APP_VERSION|IMAGE_TAG|CI_[A-Z_]+|GITHUB_(SHA|RUN_[A-Z_]+)|[A-Z_]*_HASH)$';

function usesVariable(inst: Instruction, name: string): boolean {
  return new RegExp(`\\$\\{?${name}\\b`).test(inst.text);
}

/** RUNs that are slow and worth caching: package installs, downloads and builds. */
function isExpensive(inst: Instruction): boolean {
  return inst.keyword === 'RUN' && packageManagerUses(inst).some((u) => u.action !== 'update-index');
}

export default defineRule({
  meta: {
    code: 'DO105',
    name: 'volatile-arg-before-run',
    category: 'performance',
    severity: 'warning',
    status: 'stable',
    fixable: 'sometimes',
    docs: {
      summary: 'An ARG or ENV whose value changes on every build is declared before an expensive RUN that does not use it.',
      rationale:
        'Every RUN after an ARG sees it in its environment, so a new value (a commit SHA, a build date, a cache-busting counter) invalidates all the RUN layers that follow, including dependency installs that do not care about it. Declare such values after the expensive steps, just before the instructions that use them. The names treated as volatile can be changed with the `pattern` option.',
      bad: 'FROM node:22-slim\nARG GIT_SHA\nCOPY package.json package-lock.json ./\nRUN npm ci\nLABEL org.opencontainers.image.revision=$GIT_SHA\n',
      good: 'FROM node:22-slim\nCOPY package.json package-lock.json ./\nRUN npm ci\nARG GIT_SHA\nLABEL org.opencontainers.image.revision=$GIT_SHA\n',
    },
  },
  create(context) {
    const pattern = new RegExp(typeof context.options.pattern === 'string' ? context.options.pattern : DEFAULT_PATTERN, 'i');
    return {
      stageEnd(stage) {
        const list = stage.instructions;
        list.forEach((inst, i) => {
          if (inst.keyword !== 'ARG' && inst.keyword !== 'ENV') return;
          for (const kv of keyValues(inst)) {
            const volatile = pattern.test(kv.key) || (inst.keyword === 'ENV' && kv.value !== null && /\$\{?[A-Za-z_]/.test(kv.value) && [...kv.value.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].some((m) => pattern.test(m[1])));
            if (!volatile) continue;
            const victim = list.slice(i + 1).find((later) => isExpensive(later) && !usesVariable(later, kv.key));
            if (!victim) continue;
            // Only if no instruction between needs it: then moving it below the RUN is possible.
            const between = list.slice(i + 1, list.indexOf(victim));
            if (between.some((b) => usesVariable(b, kv.key))) continue;
            context.report({
              message: `${inst.keywordText} ${kv.key} changes from build to build and comes before the RUN on line ${victim.line + 1}, which does not use it: every new value re-runs that RUN and everything after it. Declare it below the RUN.`,
              at: { start: kv.keyStart, end: kv.keyEnd },
              fix: moveVolatileFix(context.model, inst, kv.key),
            });
          }
        });
      },
    };
  },
});
