import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO200 untagged-base-image', () => {
  ruleCases('DO200', [
    { name: 'no tag', text: 'FROM python\nRUN python --version\n', findings: [[1, 6]], message: /Base image "python" has no tag.*e\.g\. python:<version>/, noFix: true },
    { name: 'no tag, named stage', text: 'FROM python AS build\n', findings: [[1, 6]] },
    { name: 'after --platform', text: 'FROM --platform=$BUILDPLATFORM golang AS build\n', findings: [[1, 32]] },
    { name: 'a registry path without a tag', text: 'FROM ghcr.io/org/app\n', findings: [[1, 6]], message: /e\.g\. org\/app:<version>/ },
    { name: 'a registry port is not a tag', text: 'FROM localhost:5000/app\n', findings: [[1, 6]] },
    { name: 'through an ARG default', text: 'ARG BASE=node\nFROM $BASE\n', findings: [[2, 6]], message: /"\$BASE"/ },
    { name: 'each untagged stage', text: 'FROM golang AS build\nFROM alpine:3.20\nFROM debian\n', findings: [[1, 6], [3, 6]] },
    { name: 'lower-case from', text: 'from ubuntu\n', findings: [[1, 6]] },

    { name: 'a tag', text: 'FROM python:3.12-slim\n', findings: [] },
    { name: 'a digest', text: 'FROM python@sha256:2d58a7b3bc4e5a3c1b9b3e1f7a9e0f5b6d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a\n', findings: [] },
    { name: 'a registry with a port and a tag', text: 'FROM registry.example.com:5000/team/app:1.4\n', findings: [] },
    { name: 'scratch', text: 'FROM scratch\nCOPY app /\n', findings: [] },
    { name: 'an earlier stage', text: 'FROM python:3.12 AS base\nFROM base AS test\nFROM Base\n', findings: [] },
    { name: 'an ARG with a tagged default', text: 'ARG BASE=node:22-slim\nFROM ${BASE}\n', findings: [] },
    { name: 'an ARG without a default (unknown)', text: 'ARG BASE\nFROM $BASE\n', findings: [] },
    { name: 'a tag from an ARG', text: 'ARG PY=3.12\nFROM python:${PY}-slim\n', findings: [] },
  ]);
});
