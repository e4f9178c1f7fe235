import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO201 latest-base-image', () => {
  ruleCases('DO201', [
    { name: 'the latest tag', text: 'FROM node:latest\nRUN node --version\n', findings: [[1, 6]], message: /Base image "node:latest" uses the moving tag "latest"/, noFix: true },
    { name: 'latest in a named stage after --platform', text: 'FROM --platform=linux/amd64 node:latest AS build\n', findings: [[1, 29]] },
    { name: 'LATEST in upper case', text: 'FROM node:LATEST\n', findings: [[1, 6]] },
    { name: 'a registry image at latest', text: 'FROM ghcr.io/org/app:latest\n', findings: [[1, 6]] },
    { name: 'latest through an ARG', text: 'ARG TAG=latest\nFROM node:$TAG\n', findings: [[2, 6]] },

    { name: 'a version tag', text: 'FROM node:22-slim\n', findings: [] },
    { name: 'latest pinned by a digest', text: 'FROM node:latest@sha256:2d58a7b3bc4e5a3c1b9b3e1f7a9e0f5b6d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a\n', findings: [] },
    { name: 'no tag at all (DO200 covers it)', text: 'FROM node\n', findings: [] },
    { name: 'a tag that contains latest', text: 'FROM node:latest-slim\nFROM app:v1-latest\n', findings: [] },
    { name: 'a registry port', text: 'FROM localhost:5000/app:1\n', findings: [] },
    { name: 'an earlier stage', text: 'FROM node:22 AS latest\nFROM latest\n', findings: [] },
    { name: 'scratch', text: 'FROM scratch\n', findings: [] },
  ]);
});
