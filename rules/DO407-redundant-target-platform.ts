import { defineRule } from '../src/types.ts';
import { defaultFromEnv, processWord } from '../src/variables.ts';

export default defineRule({
  meta: {
    code: 'DO407',
    name: 'redundant-target-platform',
    category: 'style',
    severity: 'info',
    status: 'stable',
    fixable: 'always',
    hadolint: ['DL3065'],
    buildkit: ['RedundantTargetPlatform'],
    docs: {
      summary: '`FROM --platform=$TARGETPLATFORM`, which is the default.',
      rationale:
        'A stage is built for the target platform unless `--platform` says otherwise, so `--platform=$TARGETPLATFORM` changes nothing and suggests a cross-compilation setup that is not there (that would be `$BUILDPLATFORM`). The fix removes the flag.',
      bad: 'FROM --platform=$TARGETPLATFORM alpine:3.20 AS builder\nRUN apk add --no-cache git\n',
      good: 'FROM alpine:3.20 AS builder\nRUN apk add --no-cache git\n',
    },
  },
  create(context) {
    const { model } = context;
    return {
      FROM(inst) {
        const flag = inst.flag('platform');
        if (!flag?.value?.includes('TARGETPLATFORM')) return;
        const env = defaultFromEnv(model);
        const raw = model.text.slice(flag.valueStart, flag.valueEnd);
        const word = processWord(raw, env, { escapeChar: model.escapeChar });
        // As BuildKit: TARGETPLATFORM is the only variable and the value is exactly it.
        if (word.unmatched.size || word.matched.size !== 1 || !word.matched.has('TARGETPLATFORM') || word.result !== env.get('TARGETPLATFORM')) return;
        let end = flag.end;
        while (model.text[end] === ' ' || model.text[end] === '\t') end++;
        context.report({
          message: `--platform=${raw} is the default: every stage is built for $TARGETPLATFORM unless told otherwise. Remove the flag.`,
          at: flag,
          fix: { applicability: 'safe', description: 'Remove --platform', edits: [{ start: flag.start, end, text: '' }] },
        });
      },
    };
  },
});
