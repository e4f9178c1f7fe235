import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO208 last-user-root', () => {
  ruleCases('DO208', [
    { name: 'ends with USER root', text: 'FROM node:22-slim\nUSER node\nRUN npm --version\nUSER root\n', findings: [[4, 1]], message: /The final USER is root/, noFix: true },
    { name: 'USER 0', text: 'FROM node:22-slim\nUSER 0\n', findings: [[2, 1]] },
    { name: 'USER root:root', text: 'FROM node:22-slim\nUSER root:root\nCMD ["node"]\n', findings: [[2, 1]] },
    { name: 'USER 0:0', text: 'FROM node:22-slim\nUSER 0:0\n', findings: [[2, 1]] },
    { name: 'root through an ARG', text: 'FROM node:22-slim\nARG RUN_AS=root\nUSER $RUN_AS\n', findings: [[3, 1]] },
    { name: 'the final stage of a multi-stage build', text: 'FROM node:22 AS build\nUSER node\nFROM node:22-slim\nUSER root\n', findings: [[4, 1]] },

    { name: 'ends with an unprivileged USER', text: 'FROM node:22-slim\nUSER root\nRUN npm --version\nUSER node\n', findings: [] },
    { name: 'no USER at all', text: 'FROM node:22-slim\nRUN npm --version\n', findings: [] },
    { name: 'root in a build stage only', text: 'FROM node:22 AS build\nUSER root\nFROM node:22-slim\nUSER node\n', findings: [] },
    { name: 'a uid', text: 'FROM node:22-slim\nUSER 1000:1000\n', findings: [] },
    { name: 'a user named like root', text: 'FROM node:22-slim\nUSER rootless\n', findings: [] },
    { name: 'an unknown variable', text: 'FROM node:22-slim\nARG RUN_AS\nUSER $RUN_AS\n', findings: [] },
  ]);
});
