import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// BuildKit's StageNameCasing: https://docs.docker.com/reference/build-checks/stage-name-casing/
describe('DO400 stage-name-casing', () => {
  ruleCases('DO400', [
    { name: 'docs: mixed-case stage name', text: 'FROM alpine AS BuilderBase\n', findings: [[1, 16]], fixed: 'FROM alpine AS builderbase\n' },
    { name: 'docs: lower-case name with a dash', text: 'FROM alpine AS builder-base\n', findings: [] },
    { name: 'no stage name', text: 'FROM alpine\n', findings: [] },
    {
      name: 'the fix renames references in FROM, COPY --from and RUN --mount from=',
      text: 'FROM alpine AS Build\nFROM build AS test\nFROM alpine\nCOPY --from=BUILD /a /a\nRUN --mount=type=bind,from=Build,target=/src ls /src\nCOPY --from=other /b /b\n',
      findings: [[1, 16]],
      fixed: 'FROM alpine AS build\nFROM build AS test\nFROM alpine\nCOPY --from=build /a /a\nRUN --mount=type=bind,from=build,target=/src ls /src\nCOPY --from=other /b /b\n',
    },
    { name: 'lower-case AS keyword does not matter', text: 'from alpine as Base\n', findings: [[1, 16]], message: /"base"/ },
  ]);
});
