import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// BuildKit's InvalidDefaultArgInFrom: https://docs.docker.com/reference/build-checks/invalid-default-arg-in-from/
describe('DO408 invalid-default-arg-in-from', () => {
  ruleCases('DO408', [
    { name: 'docs: ARG without default makes "busybox:"', text: 'ARG TAG\nFROM busybox:${TAG}\n', findings: [[2, 6]], message: /"busybox:".*TAG has no default/ },
    { name: 'docs: ARG with a default', text: 'ARG TAG=latest\nFROM busybox:${TAG}\n', findings: [] },
    { name: 'docs: an ARG may be empty when the name stays valid', text: 'ARG VARIANT\nFROM busybox:stable${VARIANT}\n', findings: [] },
    { name: 'docs: a fallback value', text: 'ARG TAG\nFROM alpine:${TAG:-3.14}\n', findings: [] },
    { name: 'an empty image name', text: 'ARG IMAGE\nFROM $IMAGE\n', findings: [[2, 6]] },
    { name: 'defaults built from other ARGs', text: 'ARG VERSION=3.20\nARG IMAGE=alpine:${VERSION}\nFROM ${IMAGE}\n', findings: [] },
    { name: 'upper case from a default is not a valid image', text: 'ARG NAME=MyImage\nFROM ${NAME}\n', findings: [[2, 6]] },
    { name: 'platform arguments have values', text: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build_amd64\nFROM build_${TARGETARCH}\n', findings: [] },
    { name: 'literal names are not this rule', text: 'FROM busybox:\n', findings: [] },
  ]);
});
