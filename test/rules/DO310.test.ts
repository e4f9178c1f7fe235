import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3027: do not use apt, use apt-get or apt-cache.
describe('DO310 apt-instead-of-apt-get', () => {
  ruleCases('DO310', [
    {
      name: 'hadolint example: apt install',
      text: 'FROM debian:bookworm\nRUN apt install python=2.7\n',
      findings: [[2, 5]],
      fixed: 'FROM debian:bookworm\nRUN apt-get install python=2.7\n',
    },
    { name: 'hadolint example, correct: apt-get', text: 'FROM debian:bookworm\nRUN apt-get install python=2.7\n', findings: [] },
    {
      text: 'FROM debian:bookworm\nRUN apt update && \\\n    apt -y install curl\n',
      findings: [[2, 5], [3, 5]],
      fixed: 'FROM debian:bookworm\nRUN apt-get update && \\\n    apt-get -y install curl\n',
    },
    { name: 'apt upgrade differs from apt-get upgrade: no fix', text: 'FROM debian:bookworm\nRUN apt upgrade -y\n', findings: [[2, 5]], noFix: true, message: /apt-get/ },
    { name: 'apt search belongs to apt-cache', text: 'FROM debian:bookworm\nRUN apt search curl\n', findings: [[2, 5]], noFix: true, message: /apt-cache/ },
    { name: 'apt-cache and apt-key are fine', text: 'FROM debian:bookworm\nRUN apt-cache policy curl && apt-key list\n', findings: [] },
  ]);
});
