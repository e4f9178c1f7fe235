import { defineRule } from '../src/types.ts';
import { parseImageRef } from '../src/rule-helpers.ts';
import { defaultFromEnv, parsePlatform, processWord, type Platform } from '../src/variables.ts';

// Docker Hub's per-architecture namespaces (https://github.com/docker-library/official-images#architectures-other-than-amd64).
const ARCH_NAMESPACES: Record<string, Platform> = {
  amd64: { os: 'linux', arch: 'amd64', variant: '' },
  arm32v5: { os: 'linux', arch: 'arm', variant: 'v5' },
  arm32v6: { os: 'linux', arch: 'arm', variant: 'v6' },
  arm32v7: { os: 'linux', arch: 'arm', variant: 'v7' },
  arm64v8: { os: 'linux', arch: 'arm64', variant: '' },
  i386: { os: 'linux', arch: '386', variant: '' },
  mips64le: { os: 'linux', arch: 'mips64le', variant: '' },
  ppc64le: { os: 'linux', arch: 'ppc64le', variant: '' },
  riscv64: { os: 'linux', arch: 'riscv64', variant: '' },
  s390x: { os: 'linux', arch: 's390x', variant: '' },
  winamd64: { os: 'windows', arch: 'amd64', variant: '' },
};

/** The platform an image is built for, when its name says so; null when only the registry knows. */
function imagePlatform(image: string): { os: string; arch: string | null } | null {
  const ref = parseImageRef(image.toLowerCase());
  const repo = ref.repository;
  const namespace = repo.includes('/') ? repo.slice(0, repo.indexOf('/')) : '';
  if ((ref.registry === null || ref.registry === 'docker.io') && ARCH_NAMESPACES[namespace]) return ARCH_NAMESPACES[namespace];
  if (ref.registry === 'mcr.microsoft.com' && /^windows(\/|$)|(^|\/)(nanoserver|servercore)(\/|$)/.test(repo)) return { os: 'windows', arch: null };
  return null;
}

const show = (p: { os: string; arch: string | null; variant?: string }) => [p.os, p.arch, p.variant].filter(Boolean).join('/');

export default defineRule({
  meta: {
    code: 'DO406',
    name: 'invalid-base-image-platform',
    category: 'correctness',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    buildkit: ['InvalidBaseImagePlatform'],
    docs: {
      summary: 'FROM --platform asks for a platform that the base image, by its name, is not built for.',
      rationale:
        'BuildKit reports this after pulling the image, when the platform it got is not the one requested. dockopt does not pull images, so it reports what the name alone proves: an image from a per-architecture namespace (`arm64v8/alpine`, `amd64/debian`) or a Windows base image (`mcr.microsoft.com/windows/servercore`) with a `--platform` for another architecture or OS. Such a stage runs under emulation or fails with `exec format error`. Use the multi-platform image (`alpine`) or the matching platform.',
      bad: 'FROM --platform=linux/amd64 arm64v8/alpine:3.20\n',
      good: 'FROM --platform=linux/arm64 arm64v8/alpine:3.20\n',
    },
  },
  create(context) {
    const { model } = context;
    return {
      FROM(inst) {
        const flag = inst.flag('platform');
        const stage = inst.stage;
        if (!flag?.value || !stage?.resolvedImage) return;
        const raw = model.text.slice(flag.valueStart, flag.valueEnd);
        // Platform arguments (TARGETPLATFORM, BUILDPLATFORM, ...) depend on the build: unknown here.
        const word = processWord(raw, defaultFromEnv(model), { escapeChar: model.escapeChar });
        if ([...word.refs].some((r) => /^(BUILD|TARGET)/.test(r.name))) return;
        const wanted = parsePlatform(word.result);
        const actual = imagePlatform(stage.resolvedImage);
        if (!wanted || !actual) return;
        const archMismatch = actual.arch !== null && (actual.arch !== wanted.arch || (actual.arch === 'arm' && !!wanted.variant && 'variant' in actual && actual.variant !== wanted.variant));
        if (actual.os === wanted.os && !archMismatch) return;
        context.report({
          message: `Base image ${stage.image} is built for ${show(actual)}, but --platform=${word.result} asks for ${show(wanted)}: the stage would run under emulation or fail.`,
          at: { start: flag.start, end: stage.imageSpan?.end ?? flag.end },
        });
      },
    };
  },
});
