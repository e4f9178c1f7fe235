import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO212 copy-from-unknown-stage', () => {
  ruleCases('DO212', [
    { name: 'a misspelt stage', text: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=biuld /app /app\n', findings: [[4, 6]], message: /COPY --from=biuld is not a stage defined above, so it will be pulled as an image named "biuld"/, noFix: true },
    { name: 'a stage defined later', text: 'FROM alpine:3.20\nCOPY --from=build /app /app\nFROM golang:1.23 AS build\n', findings: [[2, 6]], message: /defined later in the file/ },
    { name: 'the index of this stage', text: 'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=1 /app /app\n', findings: [[3, 6]], message: /stage index 1, which is not an earlier stage/ },
    { name: 'an index past the end', text: 'FROM alpine:3.20\nCOPY --from=3 /app /app\n', findings: [[2, 6]] },
    { name: 'after other flags', text: 'FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --chown=app --from=bulid /app /app\n', findings: [[3, 18]] },

    { name: 'a stage defined above', text: 'FROM golang:1.23 AS build\nRUN go build -o /app .\nFROM alpine:3.20\nCOPY --from=build /app /app\n', findings: [] },
    { name: 'the stage name in another case', text: 'FROM golang:1.23 AS Build\nFROM alpine:3.20\nCOPY --from=build /app /app\n', findings: [] },
    { name: 'an earlier index', text: 'FROM golang:1.23\nFROM alpine:3.20\nCOPY --from=0 /app /app\n', findings: [] },
    { name: 'an image reference', text: 'FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\nCOPY --from=ghcr.io/org/tools /bin/x /bin/x\nCOPY --from=busybox@sha256:abc /bin/busybox /bin/\n', findings: [] },
    { name: 'a variable', text: 'ARG BASE=build\nFROM alpine:3.20\nCOPY --from=$BASE /app /app\n', findings: [] },
    { name: 'a COPY without --from', text: 'FROM alpine:3.20\nCOPY app /app\n', findings: [] },
  ]);
});
