import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// Fixes are being added to this rule separately: these cases check findings and positions.
describe('DO104 lone-package-index-update', () => {
  ruleCases('DO104', [
    { name: 'apt-get update alone', text: 'FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl\n', findings: [[2, 5]], message: /`apt-get update` alone in its RUN is cached forever/ },
    { name: 'apt update with options', text: 'FROM debian:bookworm-slim\nRUN apt -qq update\n', findings: [[2, 5]] },
    { name: 'apt-get update with other non-install commands', text: 'FROM debian:bookworm-slim\nRUN set -eux; apt-get update; echo done\n', findings: [[2, 15]] },
    { name: 'apk update alone', text: 'FROM alpine:3.20\nRUN apk update\nRUN apk add curl\n', findings: [[2, 5]], message: /`apk update`/ },
    { name: 'sudo apt-get update', text: 'FROM ubuntu:24.04\nRUN sudo apt-get update\n', findings: [[2, 5]] },
    { name: 'update in a heredoc RUN', text: '# syntax=docker/dockerfile:1\nFROM debian:bookworm-slim\nRUN <<EOF\napt-get update\nEOF\n', findings: [[4, 1]] },
    { name: 'each lone update', text: 'FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get update\n', findings: [[2, 5], [3, 5]] },

    { name: 'update and install in one RUN', text: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n', findings: [] },
    { name: 'update and upgrade in one RUN', text: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get -y dist-upgrade\n', findings: [] },
    { name: 'apk update and add', text: 'FROM alpine:3.20\nRUN apk update && apk add curl\n', findings: [] },
    { name: 'update with another package manager install', text: 'FROM python:3.12\nRUN apt-get update && pip install flask\n', findings: [] },
    { name: 'apk add -U', text: 'FROM alpine:3.20\nRUN apk add -U curl\n', findings: [] },
    { name: 'yum makecache is not covered', text: 'FROM centos:7\nRUN yum makecache\n', findings: [] },
    { name: 'a word that only mentions update', text: 'FROM debian:bookworm-slim\nRUN echo apt-get update\n', findings: [] },
  ]);
});
