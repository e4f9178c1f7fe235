import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3046: useradd without -l and a high UID.
describe('DO326 useradd-without-no-log-init', () => {
  ruleCases('DO326', [
    {
      name: 'hadolint example',
      text: 'FROM debian:bookworm\nRUN useradd -u 123456 foobar\n',
      findings: [[2, 5]],
      fixed: 'FROM debian:bookworm\nRUN useradd -l -u 123456 foobar\n',
    },
    { name: 'hadolint example, correct', text: 'FROM debian:bookworm\nRUN useradd -l -u 123456 foobar\n', findings: [] },
    { name: 'long option', text: 'FROM debian:bookworm\nRUN useradd --no-log-init --uid=123456 foobar\n', findings: [] },
    { name: 'bundled -lu', text: 'FROM debian:bookworm\nRUN useradd -lu 123456 foobar\n', findings: [] },
    { name: 'a small UID is fine', text: 'FROM debian:bookworm\nRUN useradd -u 10001 app\n', findings: [] },
    { name: 'no UID given', text: 'FROM debian:bookworm\nRUN useradd app\n', findings: [] },
    {
      name: 'UID from an ARG default',
      text: 'FROM debian:bookworm\nARG UID=2000000\nRUN groupadd -g 1000 app && useradd --uid "$UID" -g app app\n',
      findings: [[3, 29]],
      fixed: 'FROM debian:bookworm\nARG UID=2000000\nRUN groupadd -g 1000 app && useradd -l --uid "$UID" -g app app\n',
    },
  ]);
});
