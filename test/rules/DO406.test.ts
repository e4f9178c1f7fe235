import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// BuildKit's InvalidBaseImagePlatform, for the cases the image name proves.
describe('DO406 invalid-base-image-platform', () => {
  ruleCases('DO406', [
    { name: 'an arm64 image requested as amd64', text: 'FROM --platform=linux/amd64 arm64v8/alpine:3.20\n', findings: [[1, 6]], message: /linux\/arm64.*linux\/amd64/ },
    { name: 'the matching platform', text: 'FROM --platform=linux/arm64 arm64v8/alpine:3.20\n', findings: [] },
    { name: 'a Windows image on linux', text: 'FROM --platform=linux/amd64 mcr.microsoft.com/windows/servercore:ltsc2022\n', findings: [[1, 6]] },
    { name: 'platform from a global ARG default', text: 'ARG PLATFORM=linux/arm64\nFROM --platform=$PLATFORM amd64/debian:12\n', findings: [[2, 6]] },
    { name: 'build platform arguments are unknown', text: 'FROM --platform=$BUILDPLATFORM arm64v8/alpine:3.20\n', findings: [] },
    { name: 'multi-platform images cannot be judged by name', text: 'FROM --platform=linux/arm64 alpine:3.20\n', findings: [] },
    { name: 'arm variants', text: 'FROM --platform=linux/arm/v6 arm32v7/alpine\nFROM --platform=linux/arm/v7 arm32v7/alpine\n', findings: [[1, 6]] },
  ]);
});
