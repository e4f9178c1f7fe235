import { defineRule, type Fix } from '../src/types.ts';
import type { DockerfileModel, Instruction } from '../src/model.ts';

/** `KEY value` → `KEY=value`, when the rewrite provably gives the same value; else null. */
function legacyFix(model: DockerfileModel, inst: Instruction): Fix | null {
  const [key, first] = inst.args;
  const last = inst.args[inst.args.length - 1];
  const raw = model.text.slice(first.start, last.end);
  // A value continued over several lines keeps its line breaks' escapes: leave it to a person.
  if (model.text.slice(key.start, last.end).includes('\n')) return null;
  const description = `Write ${key.value}=...`;
  if (inst.args.length === 2) {
    return { applicability: 'safe', description, edits: [{ start: key.end, end: first.start, text: '=' }] };
  }
  // Several words: the legacy value is the rest of the line, spaces included. Double quotes keep
  // them and expand variables the same way, as long as the value has no quotes or escapes itself.
  if (/["'`]/.test(raw) || raw.includes(model.escapeChar)) return null;
  return {
    applicability: 'safe',
    description,
    edits: [
      { start: key.end, end: first.start, text: '="' },
      { start: last.end, end: last.end, text: '"' },
    ],
  };
}

export default defineRule({
  meta: {
    code: 'DO405',
    name: 'legacy-key-value-format',
    category: 'style',
    severity: 'warning',
    status: 'stable',
    fixable: 'sometimes',
    buildkit: ['LegacyKeyValueFormat'],
    docs: {
      summary: 'ENV or LABEL uses the deprecated `KEY value` form instead of `KEY=value`.',
      rationale:
        'The space-separated form sets one variable to the whole rest of the line, spaces included, while `KEY=value` sets as many variables as there are words, so the two read alike but parse differently (`ENV A b C=d` sets A to `b C=d`). The legacy form is deprecated. The fix rewrites `ENV KEY value` as `ENV KEY=value`, quoting a value with spaces, when it can do so without changing the value.\n\nBuildKit checks ENV and LABEL only: `ARG a b` declares two arguments (its documentation\'s `ARG foo bar` example is not reported by `docker build --check` either).',
      bad: 'FROM alpine:3.20\nENV APP_HOME /srv/app\n',
      good: 'FROM alpine:3.20\nENV APP_HOME=/srv/app\n',
    },
  },
  create(context) {
    const { model } = context;
    const check = (inst: Instruction) => {
      const [key] = inst.args;
      if (inst.args.length < 2 || key.value.includes('=')) return;
      const last = inst.args[inst.args.length - 1];
      context.report({
        message: `"${inst.keywordText} ${key.value} value" is the deprecated legacy form: write "${inst.keywordText} ${key.value}=value".`,
        at: { start: key.start, end: last.end },
        fix: legacyFix(model, inst),
      });
    };
    return { ENV: check, LABEL: check };
  },
});
