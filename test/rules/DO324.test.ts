import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3044: do not refer to an environment variable within the same ENV statement.
describe('DO324 env-self-reference', () => {
  ruleCases('DO324', [
    { name: 'hadolint example', text: 'FROM debian:bookworm\nENV FOO=bar BAR=${FOO}/baz\n', findings: [[2, 13]], noFix: true },
    { name: 'hadolint example, correct', text: 'FROM debian:bookworm\nENV FOO=bar\nENV BAR=${FOO}/baz\n', findings: [] },
    { name: 'bare reference', text: 'FROM debian:bookworm\nENV A=1 B=$A\n', findings: [[2, 9]] },
    { name: 'a longer name is another variable', text: 'FROM debian:bookworm\nENV A=1 B=$AB\n', findings: [] },
    { name: 'extending itself', text: 'FROM debian:bookworm\nENV PATH=/opt/bin:$PATH LANG=C.UTF-8\n', findings: [] },
    { name: 'defined before', text: 'FROM debian:bookworm\nARG FOO=x\nENV FOO=bar BAR=${FOO}/baz\n', findings: [] },
    { name: 'single quotes do not expand', text: "FROM debian:bookworm\nENV A=1 B='$A'\n", findings: [] },
    { name: 'default value syntax', text: 'FROM debian:bookworm\nENV A=1 \\\n    B=${A:-2}\n', findings: [[3, 5]] },
  ]);
});
