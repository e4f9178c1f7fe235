import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// Fixes are being added to this rule separately: these cases check findings and positions.
describe('DO217 shell-form-cmd', () => {
  ruleCases('DO217', [
    { name: 'shell-form CMD', text: 'FROM node:22-slim\nCMD node server.js\n', findings: [[2, 1]], message: /CMD in shell form runs under \/bin\/sh.*CMD \["node", "server\.js"\]/ },
    { name: 'shell-form ENTRYPOINT', text: 'FROM alpine:3.20\nENTRYPOINT ./docker-entrypoint.sh\n', findings: [[2, 1]], message: /^ENTRYPOINT in shell form/ },
    { name: 'with shell syntax', text: 'FROM alpine:3.20\nCMD exec nginx -g "daemon off;" || exit 1\n', findings: [[2, 1]] },
    { name: 'single quotes are not JSON', text: "FROM alpine:3.20\nCMD ['nginx', '-g', 'daemon off;']\n", findings: [[2, 1]] },
    { name: 'multi-line', text: 'FROM alpine:3.20\nCMD python \\\n  app.py\n', findings: [[2, 1]] },
    { name: 'lower case', text: 'FROM alpine:3.20\ncmd node server.js\n', findings: [[2, 1]] },
    { name: 'a SHELL in another stage does not count', text: 'FROM alpine:3.20 AS a\nSHELL ["/bin/bash", "-c"]\nFROM alpine:3.20\nCMD node server.js\n', findings: [[4, 1]] },

    { name: 'exec form', text: 'FROM node:22-slim\nCMD ["node", "server.js"]\nENTRYPOINT ["/entrypoint.sh"]\n', findings: [] },
    { name: 'exec form over lines', text: 'FROM node:22-slim\nCMD ["node", \\\n     "server.js"]\n', findings: [] },
    { name: 'an empty exec form', text: 'FROM node:22-slim\nENTRYPOINT []\n', findings: [] },
    { name: 'a stage with an explicit SHELL', text: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nCMD Write-Host hi\n', findings: [] },
    { name: 'HEALTHCHECK CMD is not checked', text: 'FROM alpine:3.20\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n', findings: [] },
    { name: 'RUN is not checked', text: 'FROM alpine:3.20\nRUN echo hi\n', findings: [] },
  ]);
});
