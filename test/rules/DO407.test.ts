import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// BuildKit's RedundantTargetPlatform: https://docs.docker.com/reference/build-checks/redundant-target-platform/
describe('DO407 redundant-target-platform', () => {
  ruleCases('DO407', [
    {
      name: 'docs: --platform=$TARGETPLATFORM',
      text: 'FROM --platform=$TARGETPLATFORM alpine AS builder\nRUN apk add --no-cache git\n',
      findings: [[1, 6]],
      fixed: 'FROM alpine AS builder\nRUN apk add --no-cache git\n',
    },
    { name: 'docs: no --platform', text: 'FROM alpine AS builder\nRUN apk add --no-cache git\n', findings: [] },
    { name: 'braces', text: 'FROM --platform=${TARGETPLATFORM} alpine\n', findings: [[1, 6]], fixed: 'FROM alpine\n' },
    { name: 'BUILDPLATFORM is not redundant', text: 'FROM --platform=$BUILDPLATFORM alpine\n', findings: [] },
    { name: 'combined with other text', text: 'FROM --platform=${TARGETPLATFORM}${SUFFIX} alpine\n', findings: [] },
  ]);
});
