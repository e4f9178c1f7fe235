import { defineRule } from '../src/types.ts';
import { parsePlatform } from '../src/variables.ts';

export default defineRule({
  meta: {
    code: 'DO409',
    name: 'constant-platform-in-from',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3029'],
    buildkit: ['FromPlatformFlagConstDisallowed'],
    docs: {
      summary: '`FROM --platform` with a constant platform in a stage whose name does not mention it.',
      rationale:
        'A constant `--platform=linux/amd64` pins the stage to one platform: the image cannot be built for several platforms, and on another machine the stage runs under emulation. Leave the platform to `docker build --platform`, use a variable (`--platform=$BUILDPLATFORM` for cross-compiling), or, for a stage that really is platform-specific, say so in its name (`AS build-amd64`), which BuildKit and dockopt accept.',
      bad: 'FROM --platform=linux/amd64 alpine:3.20 AS base\nRUN apk add --no-cache git\n',
      good: 'FROM --platform=$BUILDPLATFORM alpine:3.20 AS base\nRUN apk add --no-cache git\n',
    },
  },
  create(context) {
    return {
      FROM(inst) {
        const flag = inst.flag('platform');
        if (!flag?.value || flag.value.includes('$')) return;
        const platform = parsePlatform(flag.value);
        if (!platform) return;
        const name = (inst.stage?.name ?? '').toLowerCase();
        if (name && (name.includes(platform.os) || name.includes(platform.arch))) return;
        context.report({
          message: `FROM --platform=${flag.value} pins this stage to one platform. Remove it (use \`docker build --platform\`), use $BUILDPLATFORM, or name the stage after the platform (e.g. AS ${name || 'build'}-${platform.arch}).`,
          at: flag,
        });
      },
    };
  },
});
