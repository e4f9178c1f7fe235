import { defineRule } from '../src/types.ts';
import { staleCopiesBefore } from '../src/layer-order.ts';
import { commandLabel } from '../src/rule-helpers.ts';
import { installFirstFix } from '../src/fix/layer-order.ts';

export default defineRule({
  meta: {
    code: 'DO102',
    name: 'copy-before-install',
    category: 'performance',
    severity: 'warning',
    status: 'stable',
    fixable: 'sometimes',
    docs: {
      summary: 'Source files are copied before a dependency install that only needs the manifests.',
      rationale:
        'BuildKit reuses a layer only if everything before it is unchanged. `COPY . .` before `pip install -r requirements.txt` makes every code change re-run the install. Copy the manifests (requirements*.txt, pyproject.toml, poetry.lock, package.json and lockfiles, go.mod/go.sum, Cargo.toml/Cargo.lock, pom.xml, Gemfile*, composer.*) first, install, then copy the source.',
      bad: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n',
      good: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n',
    },
  },
  create(context) {
    return {
      stageEnd(stage) {
        for (const s of staleCopiesBefore(stage.instructions, (u) => u.fromManifests)) {
          const label = commandLabel(s.use.command);
          const needs = s.use.inputs && s.use.inputs.length > 0 ? `only needs ${s.use.inputs.join(', ')}` : 'needs nothing from the build context';
          const what = s.extraSources.some((x) => ['.', './', '*'].includes(x)) ? 'the whole build context' : s.extraSources.join(', ');
          const advice =
            s.use.inputs && s.use.inputs.length > 0
              ? `Copy ${s.use.inputs.join(', ')} first, run the install, then copy the rest.`
              : 'Move the install above this COPY.';
          context.report({
            message: `${s.copy.keywordText} of ${what} comes before \`${label}\` on line ${s.install.line + 1}, which ${needs}: every change to the copied files re-runs the install. ${advice}`,
            at: s.copy,
            fix: installFirstFix(context.model, s),
          });
        }
      },
    };
  },
});
