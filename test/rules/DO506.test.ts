import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

describe('DO506 missing-healthcheck', () => {
  ruleCases('DO506', [
    { name: 'no HEALTHCHECK', text: 'FROM nginx\nCOPY . /usr/share/nginx/html\n', findings: [[1, 1]] },
    { name: 'reported on the final stage only', text: 'FROM golang AS build\nRUN go build\nFROM alpine\nCOPY --from=build /app /app\n', findings: [[3, 1]] },
    { name: 'HEALTHCHECK NONE is explicit', text: 'FROM alpine\nHEALTHCHECK NONE\n', findings: [] },
    { name: 'inherited from a parent stage', text: 'FROM alpine AS base\nHEALTHCHECK CMD true\nFROM base\n', findings: [] },
    { name: 'an earlier stage does not count', text: 'FROM alpine AS build\nHEALTHCHECK CMD true\nFROM alpine\n', findings: [[3, 1]] },
  ]);
});
