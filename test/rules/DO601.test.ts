import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';
import { virtualBuildContext } from '../../src/context/facts.ts';

const ctx = (listing: Record<string, string | number>) => ({ buildContext: virtualBuildContext(listing) });

describe('DO601 missing-dockerignore', () => {
  ruleCases('DO601', [
    {
      name: 'no .dockerignore with .git and node_modules: names them and the lines to add',
      text: 'FROM node:22\nWORKDIR /app\nCOPY . .\n',
      settings: ctx({ 'index.js': '', '.git/HEAD': 'ref', 'node_modules/a/b.js': 2_000_000, 'packages/web/node_modules/c.js': 10 }),
      findings: [[3, 1]],
      message: 'No .dockerignore in the build context, which holds node_modules/ (installed packages, 2.0 MB), packages/web/node_modules/ (installed packages, 10 B), .git/ (version control, 3 B): add a .dockerignore with `node_modules`, `**/node_modules`, `.git`.',
      noFix: true,
    },
    { name: 'virtualenvs, caches and build outputs', text: 'FROM python:3.12\nCOPY . .\n', settings: ctx({ 'app.py': '', '.venv/bin/python': 'x', '__pycache__/a.pyc': 'x', 'env/pyvenv.cfg': 'x', 'dist/app.whl': 'x' }), findings: [[2, 1]], message: /\.venv\/ \(virtualenv.*__pycache__\/ \(cache.*dist\/ \(build output.*env\/ \(virtualenv/ },
    { name: 'nested build outputs count next to a project manifest only', text: 'FROM node:22\nCOPY . .\n', settings: ctx({ 'src/build/plan.ts': 'x', 'packages/web/package.json': '{}', 'packages/web/dist/a.js': 'x' }), findings: [[2, 1]], message: /holds packages\/web\/dist\/ \(build output, 1 B\): add a \.dockerignore with `\*\*\/dist`\.$/ },
    { name: 'a build output the Dockerfile copies by name is an input', text: 'FROM nginx:1.27\nCOPY dist/ /usr/share/nginx/html/\n', settings: ctx({ 'dist/index.html': 'x' }), findings: [] },
    { name: 'with a .dockerignore', text: 'FROM node:22\nCOPY . .\n', settings: ctx({ '.git/HEAD': 'ref', '.dockerignore': 'build\n' }), findings: [] },
    { name: 'nothing heavy', text: 'FROM node:22\nCOPY . .\n', settings: ctx({ 'index.js': '', 'lib/a.js': '' }), findings: [] },
  ]);
});
