import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// Unknown pragma codes are reported whichever rules are enabled.
describe('DO002 unknown-suppression-code', () => {
  ruleCases('DO002', [
    { name: 'an unknown dockopt code', text: 'FROM alpine:3.20\n# dockopt ignore=DO9999\nRUN echo hi\n', findings: [[2, 18]], message: /"DO9999" is not a dockopt rule code or name/, noFix: true },
    { name: 'an unknown rule name next to a known code', text: 'FROM alpine:3.20\n# dockopt ignore=DO204,cd-in-runn\nRUN echo hi\n', findings: [[2, 24]], message: /"cd-in-runn"/ },
    { name: 'a DL code in a dockopt pragma', text: 'FROM alpine:3.20\n# dockopt ignore=DL3003\nRUN echo hi\n', findings: [[2, 18]] },
    { name: 'a file-wide pragma', text: 'FROM alpine:3.20\n# dockopt global ignore=DO100,DO777\n', findings: [[2, 31]] },
    { name: 'a hadolint code no rule declares', text: 'FROM debian:12\n# hadolint ignore=DL9999\nRUN apt-get install -y curl\n', findings: [[2, 19]], message: /"DL9999" has no dockopt equivalent/ },
    { name: 'a dockopt code in a hadolint pragma', text: 'FROM debian:12\n# hadolint global ignore=DO101\n', findings: [[2, 26]] },
    { name: 'an unknown BuildKit check name', text: '# check=skip=JSONArgsRecomended\nFROM node:22-slim\n', findings: [[1, 14]], message: /not a BuildKit check that dockopt implements/ },
    { name: 'a BuildKit check after error=...', text: '# check=error=true;skip=Bogus\nFROM node:22-slim\n', findings: [[1, 25]] },
    { name: 'each unknown code of a list', text: 'FROM alpine:3.20\n# dockopt ignore=DO998, DO999\nRUN echo\n', findings: [[2, 18], [2, 25]] },

    { name: 'known codes and names, even of disabled rules', text: 'FROM alpine:3.20\n# dockopt ignore=DO204,missing-cache-mount,DO001\nRUN echo hi\n', findings: [] },
    { name: 'hadolint codes that a rule declares', text: '# hadolint global ignore=DL3006,DL4006\nFROM python\n', findings: [] },
    { name: 'known BuildKit checks and skip=all', text: '# check=skip=all\nFROM node:22-slim\n', findings: [] },
    { name: 'known BuildKit checks', text: '# check=skip=JSONArgsRecommended,MaintainerDeprecated;error=true\nFROM node:22-slim\n', findings: [] },
    { name: 'words after the code list are an explanation, not codes', text: 'FROM alpine:3.20\n# dockopt ignore=DO204 because the tarball has no top directory\nRUN cd /x && make\n', findings: [] },
    { name: 'a comment after the code list', text: 'FROM alpine:3.20\n# dockopt ignore=DO204 # see #123\nRUN cd /x && make\n', findings: [] },
    { name: 'comments that are not pragmas', text: 'FROM alpine:3.20\n# ignore=DO9999\n# dockopt is great\nRUN echo\n', findings: [] },
    { name: 'a check line that is not a directive is not read', text: 'FROM node:22-slim\n# check=skip=Bogus\n', findings: [] },
  ]);
});
