import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3021: COPY with more than 2 arguments requires the last argument to end with /.
describe('DO308 copy-dest-not-directory', () => {
  ruleCases('DO308', [
    {
      name: 'hadolint example',
      text: 'FROM node:22\nCOPY package.json yarn.lock my_app\n',
      findings: [[2, 29]],
      fixed: 'FROM node:22\nCOPY package.json yarn.lock my_app/\n',
    },
    { name: 'hadolint example, correct', text: 'FROM node:22\nCOPY package.json yarn.lock my_app/\n', findings: [] },
    { name: 'one source', text: 'FROM node:22\nCOPY package.json my_app\n', findings: [] },
    { name: 'the current directory', text: 'FROM node:22\nWORKDIR /app\nCOPY package.json yarn.lock .\n', findings: [] },
    {
      name: 'quoted destination',
      text: 'FROM node:22\nADD --chown=node a b "/srv/my app"\n',
      findings: [[2, 22]],
      fixed: 'FROM node:22\nADD --chown=node a b "/srv/my app/"\n',
    },
    { name: 'a variable that ends with /', text: 'FROM node:22\nARG DEST=/app/\nCOPY a b $DEST\n', findings: [] },
    { name: 'an unknown variable', text: 'FROM node:22\nCOPY a b $DEST\n', findings: [] },
    { name: 'JSON form: reported, no fix', text: 'FROM node:22\nCOPY ["a", "b", "/app"]\n', findings: [[2, 6]], noFix: true },
  ]);
});
