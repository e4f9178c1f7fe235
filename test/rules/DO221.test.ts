import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO221 secret-in-arg-or-env', () => {
  ruleCases('DO221', [
    { name: 'ARG GITHUB_TOKEN', text: 'FROM alpine:3.20\nARG GITHUB_TOKEN\n', findings: [[2, 5]], message: /ARG "GITHUB_TOKEN" looks like a secret/, noFix: true },
    { name: 'ENV with a value', text: 'FROM alpine:3.20\nENV DB_PASSWORD=changeme\n', findings: [[2, 5]], message: /^ENV "DB_PASSWORD"/ },
    { name: 'legacy ENV form', text: 'FROM alpine:3.20\nENV API_KEY abc123\n', findings: [[2, 5]] },
    { name: 'several keys on one line', text: 'FROM alpine:3.20\nENV A=1 AWS_SECRET_ACCESS_KEY=x NPM_AUTH=y\n', findings: [[2, 9], [2, 33]] },
    { name: 'words at the start, the end, alone, any case', text: 'FROM alpine:3.20\nARG TOKEN\nARG password_file\nARG SSH_KEY\nARG Credentials\nARG DOCKER_PASSWD\n', findings: [[2, 5], [3, 5], [4, 5], [5, 5], [6, 5]] },
    { name: 'a GPG private key is a secret', text: 'FROM alpine:3.20\nARG GPG_PRIVATE_KEY\n', findings: [[2, 5]] },
    { name: 'a global ARG', text: 'ARG NPM_TOKEN\nFROM node:22-slim\n', findings: [[1, 5]] },

    { name: 'ordinary names', text: 'FROM alpine:3.20\nARG PYTHON_VERSION=3.12\nENV NODE_ENV=production PATH=/app/bin:$PATH\n', findings: [] },
    { name: 'words inside other words', text: 'FROM alpine:3.20\nARG MONKEY_COUNT\nENV KEYCLOAK_URL=x TOKENIZER=y AUTHOR=z PASSWORDLESS=1\n', findings: [] },
    { name: 'GPG key fingerprints are public (the python images set GPG_KEY)', text: 'FROM alpine:3.20\nENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D\nARG GPG_KEYS="x y"\n', findings: [] },
    { name: 'public keys are not secrets', text: 'FROM alpine:3.20\nENV PUBLIC_KEY=abc\nARG GPG_PUBLIC_KEY_URL\n', findings: [] },
    { name: 'secrets in a secret mount', text: '# syntax=docker/dockerfile:1\nFROM alpine:3.20\nRUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN echo ok\n', findings: [] },
    { name: 'LABEL is not checked', text: 'FROM alpine:3.20\nLABEL API_KEY_DOCS=https://example.com\n', findings: [] },
  ]);
});
