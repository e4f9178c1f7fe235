// hadolint codes declared by rules that were written for other tools (BuildKit's checks, security
// scanners): they must agree with hadolint's own examples, and hadolint's pragmas must reach them.
import { describe, expect, it } from 'vitest';
import { lintWith } from '../support/harness.ts';

const codes = (code: string, text: string) => lintWith(code, text).filter((f) => f.code === code).map((f) => f.line);

describe('hadolint codes on BuildKit and security rules', () => {
  it('DL3029 (DO409): FROM --platform with a constant platform', () => {
    expect(codes('DO409', 'FROM --platform=x86-64 debian:bookworm\n')).toEqual([1]);
    expect(codes('DO409', 'FROM debian:bookworm\n')).toEqual([]);
  });

  it('DL3057 (DO506): HEALTHCHECK missing', () => {
    expect(codes('DO506', 'FROM busybox:1.36\n')).toEqual([1]);
    expect(codes('DO506', 'FROM busybox:1.36\nHEALTHCHECK CMD /bin/healthcheck\n')).toEqual([]);
  });

  it('DL3063 (DO215): stage named after a reserved word', () => {
    expect(codes('DO215', 'FROM debian:bookworm AS scratch\n')).toEqual([1]);
    expect(codes('DO215', 'FROM debian:bookworm AS context\n')).toEqual([1]);
    expect(codes('DO215', 'FROM debian:bookworm AS build\n')).toEqual([]);
  });

  it('DL3064 (DO221): sensitive names in ARG and ENV', () => {
    expect(codes('DO221', 'FROM debian:bookworm\nARG PASSWORD\nENV AWS_SECRET_ACCESS_KEY=x\nENV GITHUB_TOKEN=y\n')).toEqual([2, 3, 4]);
    expect(codes('DO221', 'FROM debian:bookworm\nARG VERSION=1\nENV PORT=8080\n')).toEqual([]);
  });

  it('DL3065 (DO407): FROM --platform=$TARGETPLATFORM', () => {
    expect(codes('DO407', 'FROM --platform=$TARGETPLATFORM debian:bookworm\n')).toEqual([1]);
    expect(codes('DO407', 'FROM --platform=${TARGETPLATFORM} debian:bookworm\n')).toEqual([1]);
    expect(codes('DO407', 'FROM debian:bookworm\n')).toEqual([]);
  });

  it('hadolint pragmas suppress them', () => {
    expect(codes('DO409', '# hadolint ignore=DL3029\nFROM --platform=linux/amd64 debian:bookworm\n')).toEqual([]);
    expect(codes('DO302', '# hadolint global ignore=DL3009\nFROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\n')).toEqual([]);
    expect(codes('DO310', 'FROM debian:bookworm\n# hadolint ignore=DL3027\nRUN apt install -y curl\n')).toEqual([]);
  });
});
