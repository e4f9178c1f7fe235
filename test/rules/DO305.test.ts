import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3016: pin versions in npm.
describe('DO305 unpinned-npm-package', () => {
  ruleCases('DO305', [
    { name: 'hadolint example', text: 'FROM node:22\nRUN npm install express\n', findings: [[2, 17]], noFix: true },
    { name: 'hadolint example, correct', text: 'FROM node:22\nRUN npm install express@4.1.1\n', findings: [] },
    { name: 'installing the project from package.json', text: 'FROM node:22\nRUN npm install && npm ci\n', findings: [] },
    { name: 'scoped packages', text: 'FROM node:22\nRUN npm install -g @angular/cli@18.2.0 @nestjs/cli\n', findings: [[2, 40]], message: /@nestjs\/cli/ },
    { name: 'git with a commit, tarballs and folders', text: 'FROM node:22\nRUN npm install git+https://github.com/a/b.git#v1.0.0 ./local pkg.tgz\n', findings: [] },
    { name: 'git without a commit', text: 'FROM node:22\nRUN npm install git://github.com/a/b.git\n', findings: [[2, 17]] },
    { name: 'a dist-tag is not a version', text: 'FROM node:22\nRUN npm i -g npm@latest\n', findings: [[2, 14]] },
  ]);
});
