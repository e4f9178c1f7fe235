import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO500 tls-verification-disabled', () => {
  ruleCases('DO500', [
    { name: 'curl -k bundled with other flags', text: 'FROM alpine\nRUN curl -fsSLk https://x.example/i.sh | sh\n', findings: [[2, 10]], message: /curl -fsSLk/ },
    { name: 'curl --insecure', text: 'FROM alpine\nRUN curl --insecure -o /x https://x.example/x\n', findings: [[2, 10]] },
    { name: 'curl -K is a config file, not -k', text: 'FROM alpine\nRUN curl -K /etc/curlrc https://x.example/x\n', findings: [] },
    { name: 'wget --no-check-certificate', text: 'FROM alpine\nRUN wget --no-check-certificate https://x.example/x\n', findings: [[2, 10]] },
    { name: 'pip --trusted-host', text: 'FROM python:3.12\nRUN pip install --trusted-host pypi.example -r r.txt\n', findings: [[2, 17]] },
    { name: 'python -m pip --trusted-host=', text: 'FROM python:3.12\nRUN python3 -m pip install --trusted-host=pypi.example x\n', findings: [[2, 28]] },
    { name: 'pip config set global.trusted-host', text: 'FROM python:3.12\nRUN pip config set global.trusted-host pypi.example\n', findings: [[2, 20]] },
    { name: 'ENV PYTHONHTTPSVERIFY=0', text: 'FROM python:3.12\nENV PYTHONHTTPSVERIFY=0\n', findings: [[2, 5]] },
    { name: 'ENV NODE_TLS_REJECT_UNAUTHORIZED=0 (legacy form too)', text: 'FROM node:22\nENV NODE_TLS_REJECT_UNAUTHORIZED 0\nENV NODE_TLS_REJECT_UNAUTHORIZED=1\n', findings: [[2, 5]] },
    { name: 'export in RUN and a prefix assignment', text: 'FROM node:22\nRUN export NODE_TLS_REJECT_UNAUTHORIZED=0 && GIT_SSL_NO_VERIFY=true git clone https://x.example/r\n', findings: [[2, 12], [2, 46]] },
    { name: 'ARG default', text: 'FROM alpine\nARG GIT_SSL_NO_VERIFY=1\nARG PIP_TRUSTED_HOST\n', findings: [[2, 5]] },
    { name: 'npm and yarn strict-ssl', text: 'FROM node:22\nRUN npm config set strict-ssl false && yarn config set strict-ssl false && npm install --strict-ssl=false\n', findings: [[2, 20], [2, 56], [2, 88]] },
    { name: 'NPM_CONFIG_STRICT_SSL', text: 'FROM node:22\nENV NPM_CONFIG_STRICT_SSL=false\n', findings: [[2, 5]] },
    { name: 'git -c http.sslVerify=false and git config', text: 'FROM alpine\nRUN git -c http.sslVerify=false clone https://x.example/r && git config --global http.sslverify false\n', findings: [[2, 12], [2, 82]] },
    { name: 'yum/dnf sslverify', text: 'FROM fedora:40\nRUN dnf config-manager --setopt=sslverify=0 --save && echo "sslverify=false" >> /etc/yum.conf\n', findings: [[2, 24], [2, 60]] },
    { name: 'GOINSECURE', text: 'FROM golang:1.23\nENV GOINSECURE=example.com\n', findings: [[2, 5]] },
    { name: 'verification on', text: 'FROM alpine\nRUN curl -fsSL https://x.example/x && wget -q https://x.example/y\nENV PYTHONHTTPSVERIFY=1\n', findings: [] },
    { name: 'exec form is not a shell', text: 'FROM alpine\nRUN ["echo", "curl -k"]\n', findings: [] },
  ]);
});
