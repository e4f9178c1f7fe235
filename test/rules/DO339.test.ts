import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3060: yarn cache clean missing; dockopt also accepts (and recommends) a cache mount.
describe('DO339 yarn-cache-kept', () => {
  ruleCases('DO339', [
    { name: 'hadolint example', text: 'FROM node:22\nRUN yarn install\n', findings: [[2, 5]], noFix: true, message: /target=\/usr\/local\/share\/\.cache\/yarn/ },
    { name: 'hadolint example, correct', text: 'FROM node:22\nRUN yarn install && yarn cache clean\n', findings: [] },
    { name: 'a cache mount instead', text: 'FROM node:22\nRUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n', findings: [] },
    { name: 'YARN_CACHE_FOLDER moves the cache', text: 'FROM node:22\nENV YARN_CACHE_FOLDER=/cache/yarn\nRUN --mount=type=cache,target=/cache/yarn yarn\n', findings: [] },
    {
      name: 'a builder stage that is only copied from is not checked',
      text: 'FROM node:22 AS build\nRUN yarn install && yarn build\nFROM nginx:1.27\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
      findings: [],
    },
    { name: 'ONBUILD trigger', text: 'FROM node:22\nONBUILD RUN yarn install\n', findings: [[2, 13]] },
    { name: 'yarn global add', text: 'FROM node:22\nRUN yarn global add @vue/cli@5.0.8\n', findings: [[2, 5]], message: /^`yarn global`/ },
  ]);
});
