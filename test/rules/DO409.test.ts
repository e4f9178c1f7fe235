import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// BuildKit's FromPlatformFlagConstDisallowed: https://docs.docker.com/reference/build-checks/from-platform-flag-const-disallowed/
describe('DO409 constant-platform-in-from', () => {
  ruleCases('DO409', [
    { name: 'docs: constant platform', text: 'FROM --platform=linux/amd64 alpine AS base\nRUN apk add --no-cache git\n', findings: [[1, 6]] },
    { name: 'docs: default platform', text: 'FROM alpine AS base\nRUN apk add --no-cache git\n', findings: [] },
    { name: 'docs: a meta variable', text: 'FROM --platform=${BUILDPLATFORM} alpine AS base\n', findings: [] },
    {
      name: 'docs: stages named after their architecture',
      text: 'FROM --platform=linux/amd64 alpine AS build_amd64\nFROM --platform=linux/arm64 alpine AS build_arm64\nFROM build_${TARGETARCH} AS build\n',
      findings: [],
    },
    { name: 'no stage name', text: 'FROM --platform=linux/amd64 alpine\n', findings: [[1, 6]] },
    { name: 'normalized architecture names', text: 'FROM --platform=linux/x86_64 alpine AS tools-amd64\n', findings: [] },
  ]);
});
