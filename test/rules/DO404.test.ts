import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// BuildKit's UndefinedVar: https://docs.docker.com/reference/build-checks/undefined-var/
describe('DO404 undefined-variable', () => {
  ruleCases('DO404', [
    { name: 'docs: $foo is not declared', text: 'FROM alpine AS base\nCOPY $foo .\n', findings: [[2, 6]], message: /\$foo is not defined/ },
    { name: 'docs: declared with ARG', text: 'FROM alpine AS base\nARG foo\nCOPY $foo .\n', findings: [] },
    { name: 'docs: a typo of PATH', text: 'FROM alpine\nENV PATH=$PAHT:/app/bin\n', findings: [[2, 10]], message: /Did you mean \$PATH\?/ },
    { name: 'PATH is always defined', text: 'FROM scratch\nENV PATH=/app:$PATH\n', findings: [] },
    { name: 'a global ARG must be declared again in the stage', text: 'ARG VERSION=1\nFROM alpine\nLABEL version=$VERSION\n', findings: [[3, 15]] },
    { name: 'ENV values are expanded before the ENV takes effect', text: 'FROM scratch\nENV A=1 B=$A\n', findings: [[2, 11]], message: /same ENV/ },
    { name: 'later ENV sees earlier ENV', text: 'FROM scratch\nENV A=1\nENV B=$A\n', findings: [] },
    { name: 'a stage inherits its parent stage', text: 'FROM alpine AS base\nENV APP=/app\nFROM base\nWORKDIR $APP\n', findings: [] },
    { name: 'variables official images set are trusted', text: 'FROM eclipse-temurin:21\nENV PATH=$JAVA_HOME/bin:$PATH\nFROM python:3.12\nWORKDIR /src/$PYTHON_VERSION\n', findings: [] },
    { name: 'on an official image an unknown name is reported', text: 'FROM python:3.12\nWORKDIR $APP_HOME\n', findings: [[2, 9]] },
    { name: 'on other base images only typos are reported', text: 'FROM ghcr.io/acme/base:1\nENV APP_ROOT=/srv\nWORKDIR $APP_HOME\nCOPY . $APP_RO0T/\n', findings: [[4, 8]] },
    { name: 'single quotes and escapes are literal', text: "FROM scratch\nENV A='$x' B=\\$y\n", findings: [] },
    { name: 'RUN mounts, COPY --chown and USER', text: 'FROM scratch\nRUN --mount=type=cache,target=$CACHE true\nCOPY --chown=$UID . /\nUSER $UID\n', findings: [[2, 31], [3, 14], [4, 6]] },
    { name: 'RUN commands are expanded by the shell, not reported', text: 'FROM scratch\nRUN echo $HOME\nCMD echo $HOME\n', findings: [] },
    { name: 'each name once per instruction', text: 'FROM scratch\nLABEL a=$X b=$X\n', findings: [[2, 9]] },
  ]);
});
