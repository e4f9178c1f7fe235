import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// Fixes are being added to this rule separately: these cases check findings and positions.
describe('DO106 build-tools-in-final-image', () => {
  ruleCases('DO106', [
    { name: 'gcc and python3-dev in a single-stage image', text: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc python3-dev\nRUN pip install numpy\n', findings: [[2, 66]], message: /gcc, python3-dev are build tools installed into the final image\. Use a multi-stage build/ },
    { name: 'build-essential', text: 'FROM debian:bookworm-slim\nRUN apt-get install -y build-essential curl\n', findings: [[2, 24]], message: /^build-essential is a build tool/ },
    { name: 'a -dev package with a version', text: 'FROM debian:bookworm-slim\nRUN apt-get install -y libpq-dev=15.6-0+deb12u1\n', findings: [[2, 24]] },
    { name: 'apk build-base', text: 'FROM alpine:3.20\nRUN apk add --no-cache build-base musl-dev\n', findings: [[2, 24]] },
    { name: 'apk add --virtual without a del', text: 'FROM alpine:3.20\nRUN apk add --virtual .deps gcc\n', findings: [[2, 29]] },
    { name: 'dnf -devel and gcc-c++', text: 'FROM fedora:40\nRUN dnf install -y gcc-c++ python3-devel\n', findings: [[2, 20]] },
    { name: 'yum make', text: 'FROM centos:7\nRUN yum -y install make\n', findings: [[2, 20]] },
    { name: 'the final stage of a multi-stage build', text: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM debian:bookworm-slim\nRUN apt-get install -y gcc\n', findings: [[4, 24]], message: /Install them in a build stage/ },
    { name: 'one finding per install command', text: 'FROM debian:bookworm-slim\nRUN apt-get install -y gcc\nRUN apt-get install -y cmake\n', findings: [[2, 24], [3, 24]] },

    { name: 'build tools only in a build stage', text: 'FROM python:3.12-slim AS build\nRUN apt-get update && apt-get install -y gcc python3-dev\nRUN pip wheel --wheel-dir /wheels numpy\nFROM python:3.12-slim\nCOPY --from=build /wheels /wheels\nRUN pip install --no-index /wheels/*\n', findings: [] },
    { name: 'removed in the same RUN (apt-get purge)', text: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc && pip install numpy && apt-get purge -y --auto-remove gcc\n', findings: [] },
    { name: 'removed in the same RUN (apk del)', text: 'FROM alpine:3.20\nRUN apk add --virtual .build-deps gcc musl-dev && make && apk del .build-deps\n', findings: [] },
    { name: 'runtime packages only', text: 'FROM debian:bookworm-slim\nRUN apt-get install -y --no-install-recommends curl ca-certificates libpq5\n', findings: [] },
    { name: 'packages that merely contain the words', text: 'FROM debian:bookworm-slim\nRUN apt-get install -y makeself gccgo-doc devscripts-el\n', findings: [] },
    { name: 'pip packages are not system build tools', text: 'FROM python:3.12-slim\nRUN pip install cmake\n', findings: [] },
  ]);
});
