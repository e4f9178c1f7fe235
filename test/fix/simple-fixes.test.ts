// The smaller fixes rules carry: the syntax directive (DO100), apt-get flags (DO202/DO203),
// ADD→COPY (DO206), MAINTAINER→LABEL (DO216), JSON-form CMD/ENTRYPOINT (DO217), casing (DO220).
import { describe } from 'vitest';
import { fixCases } from './cases.ts';

describe('simple fixes', () => {
  fixCases('', [
    {
      name: "DO100: the directive goes first",
      text: "FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n",
      fixed: "# syntax=docker/dockerfile:1\nFROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n",
      only: ["DO100"],
    },
    {
      name: "DO100: before comments, after a BOM",
      text: "\uFEFF# My image\nFROM python:3.12\n",
      fixed: "\uFEFF# syntax=docker/dockerfile:1\n# My image\nFROM python:3.12\n",
      only: ["DO100"],
    },
    {
      name: "DO100: with the escape directive",
      text: "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n",
      fixed: "# syntax=docker/dockerfile:1\n# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n",
      only: ["DO100"],
    },
    {
      name: "DO100: a stray syntax comment moves to the top, keeping its version",
      text: "FROM python:3.12\n# syntax=docker/dockerfile:1.7\nRUN echo hi\n",
      fixed: "# syntax=docker/dockerfile:1.7\nFROM python:3.12\nRUN echo hi\n",
      only: ["DO100"],
    },
    {
      name: "DO100: CRLF",
      text: "FROM python:3.12\r\nRUN echo hi\r\n",
      fixed: "# syntax=docker/dockerfile:1\r\nFROM python:3.12\r\nRUN echo hi\r\n",
      only: ["DO100"],
    },
    {
      name: "DO202: -y",
      text: "FROM debian\nRUN apt-get update && apt-get install --no-install-recommends curl\n",
      fixed: "FROM debian\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n",
      only: ["DO202"],
    },
    {
      name: "DO203: --no-install-recommends (unsafe)",
      text: "FROM debian\nRUN apt-get update && apt-get install -y curl\n",
      fixed: "FROM debian\nRUN apt-get update && apt-get install --no-install-recommends -y curl\n",
      only: ["DO203"],
      unsafe: true,
    },
    {
      name: "DO206: ADD of local files becomes COPY",
      text: "FROM alpine:3.20\nADD app.py /app/\nadd --chown=1000 conf/ /etc/app/\nADD https://example.com/x.tar.gz /tmp/\nADD vendor.tar.gz /opt/\n",
      fixed: "FROM alpine:3.20\nCOPY app.py /app/\ncopy --chown=1000 conf/ /etc/app/\nADD https://example.com/x.tar.gz /tmp/\nADD vendor.tar.gz /opt/\n",
      only: ["DO206"],
    },
    {
      name: "DO216: MAINTAINER becomes the OCI authors label",
      text: "FROM alpine:3.20\nMAINTAINER Jane Doe <jane@example.com>\n",
      fixed: "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane Doe <jane@example.com>\"\n",
      only: ["DO216"],
    },
    {
      name: "DO216: quotes, backslashes and dollars are escaped",
      text: "FROM alpine:3.20\nMAINTAINER \"Team $HOME\" \\o/ <a@b.c>\n",
      fixed: "FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"\\\"Team \\$HOME\\\" \\\\o/ <a@b.c>\"\n",
      only: ["DO216"],
    },
    {
      name: "DO216: lower-case file",
      text: "from alpine:3.20\nmaintainer jane\n",
      fixed: "from alpine:3.20\nlabel org.opencontainers.image.authors=\"jane\"\n",
      only: ["DO216"],
    },
    {
      name: "DO217: CMD and ENTRYPOINT in JSON form (unsafe)",
      text: "FROM node:22\nENTRYPOINT node\nCMD server.js --port 3000\n",
      fixed: "FROM node:22\nENTRYPOINT [\"node\"]\nCMD [\"server.js\", \"--port\", \"3000\"]\n",
      only: ["DO217"],
      unsafe: true,
    },
    {
      name: "DO217: shell syntax: no fix",
      text: "FROM node:22\nCMD node server.js > /var/log/app.log\n",
      fixed: "FROM node:22\nCMD node server.js > /var/log/app.log\n",
      only: ["DO217"],
      unsafe: true,
    },
    {
      name: "DO220: the majority case wins",
      text: "FROM alpine:3.20\nrun echo hi\nCopy a /a\nCMD [\"sh\"]\n",
      fixed: "FROM alpine:3.20\nRUN echo hi\nCOPY a /a\nCMD [\"sh\"]\n",
      only: ["DO220"],
    },
    {
      name: "DO220: a lower-case file stays lower case",
      text: "from alpine:3.20\nrun echo hi\nRUN echo ho\ncmd [\"sh\"]\n",
      fixed: "from alpine:3.20\nrun echo hi\nrun echo ho\ncmd [\"sh\"]\n",
      only: ["DO220"],
    },
    {
      name: "all safe fixes on one file",
      text: "from alpine:3.20\nMAINTAINER Jane\nAdd app.py /app/\nRUN apt-get install curl\nCMD python /app/app.py\n",
      fixed: "# syntax=docker/dockerfile:1\nFROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane\"\nCOPY app.py /app/\nRUN apt-get install -y curl\nCMD python /app/app.py\n",
    },
  ]);
});
