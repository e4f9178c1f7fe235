import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// BuildKit's LegacyKeyValueFormat: https://docs.docker.com/reference/build-checks/legacy-key-value-format/
describe('DO405 legacy-key-value-format', () => {
  ruleCases('DO405', [
    { name: 'docs output: ENV key value', text: 'FROM alpine\nENV foo bar\n', findings: [[2, 5]], fixed: 'FROM alpine\nENV foo=bar\n' },
    { name: 'docs: key=value', text: 'FROM alpine\nARG foo=bar\nENV foo=bar\n', findings: [] },
    { name: 'docs example ARG foo bar declares two ARGs: BuildKit does not report it', text: 'FROM alpine\nARG foo bar\n', findings: [] },
    { name: 'a value with spaces is quoted', text: 'FROM alpine\nENV JAVA_OPTS -Xmx1g  -Xms1g\n', findings: [[2, 5]], fixed: 'FROM alpine\nENV JAVA_OPTS="-Xmx1g  -Xms1g"\n' },
    { name: 'a quoted value keeps its quotes', text: 'FROM alpine\nENV MSG "hello world"\n', findings: [[2, 5]], fixed: 'FROM alpine\nENV MSG="hello world"\n' },
    { name: 'variables expand the same inside double quotes', text: 'FROM alpine\nENV PATH /app/bin:$PATH\n', findings: [[2, 5]], fixed: 'FROM alpine\nENV PATH=/app/bin:$PATH\n' },
    { name: 'LABEL too', text: 'FROM alpine\nLABEL maintainer someone@example.com\n', findings: [[2, 7]], fixed: 'FROM alpine\nLABEL maintainer=someone@example.com\n' },
    { name: 'quotes among several words: no safe fix', text: 'FROM alpine\nENV MSG "a b" c\n', findings: [[2, 5]], noFix: true },
    { name: 'a value continued on the next line: no fix', text: 'FROM alpine\nENV LIST a \\\n  b\n', findings: [[2, 5]], noFix: true },
  ]);
});
