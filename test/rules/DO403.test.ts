import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// BuildKit's UndefinedArgInFrom: https://docs.docker.com/reference/build-checks/undefined-arg-in-from/
describe('DO403 undefined-arg-in-from', () => {
  ruleCases('DO403', [
    { name: 'docs: FROM uses an ARG that is not declared', text: 'FROM node:22${VARIANT}\nARG VARIANT\n', findings: [[1, 13]] },
    { name: 'docs: declared before the first FROM', text: 'ARG VARIANT\nFROM node:22${VARIANT}\n', findings: [] },
    { name: 'a typo gets a suggestion', text: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSON}-alpine\n', findings: [[2, 11]], message: /did you mean NODE_VERSION\?/ },
    { name: 'platform arguments are predefined', text: 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\nFROM build_${TARGETARCH}\n', findings: [] },
    { name: 'an undeclared variable in --platform', text: 'FROM --platform=$PLATFORM alpine\n', findings: [[1, 17]] },
    { name: 'an ARG declared in a stage does not count for later FROMs', text: 'FROM alpine\nARG TAG=3.20\nFROM alpine:$TAG\n', findings: [[3, 13]] },
    { name: 'a default does not declare the ARG (BuildKit reports it too)', text: 'FROM alpine:${TAG:-3.20}\n', findings: [[1, 13]] },
  ]);
});
