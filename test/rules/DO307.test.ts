import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3019: use apk add --no-cache; dockopt also accepts (and recommends) a cache mount.
describe('DO307 apk-cache-kept', () => {
  ruleCases('DO307', [
    {
      name: 'hadolint example',
      text: 'FROM alpine:3.7\nRUN apk update \\\n    && apk add foo=1.0 \\\n    && rm -rf /var/cache/apk/*\n',
      findings: [[3, 8]],
      fixed: 'FROM alpine:3.7\nRUN apk update \\\n    && apk add --no-cache foo=1.0 \\\n    && rm -rf /var/cache/apk/*\n',
      message: /--mount=type=cache,target=\/var\/cache\/apk/,
    },
    { name: 'hadolint example, correct', text: 'FROM alpine:3.7\nRUN apk add --no-cache foo=1.0\n', findings: [] },
    { name: 'a cache mount instead', text: 'FROM alpine:3.7\nRUN --mount=type=cache,target=/var/cache/apk apk add foo=1.0\n', findings: [] },
    { name: 'apk --no-cache before the verb', text: 'FROM alpine:3.7\nRUN apk --no-cache add foo\n', findings: [] },
    { name: '--no-network downloads nothing', text: 'FROM alpine:3.7\nRUN apk add --no-network --virtual .rundeps so:libc.musl-x86_64.so.1\n', findings: [] },
    {
      name: 'virtual packages',
      text: 'FROM alpine:3.7\nRUN apk add --virtual .deps gcc\n',
      findings: [[2, 5]],
      fixed: 'FROM alpine:3.7\nRUN apk add --no-cache --virtual .deps gcc\n',
    },
  ]);
});
