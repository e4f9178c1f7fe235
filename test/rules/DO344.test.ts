import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL4001: either wget or curl, not both.
describe('DO344 wget-and-curl', () => {
  ruleCases('DO344', [
    {
      name: 'hadolint example',
      text: 'FROM debian:bookworm\nRUN wget http://google.com\nRUN curl http://bing.com\n',
      findings: [[3, 5]],
      noFix: true,
    },
    { name: 'hadolint example, correct', text: 'FROM debian:bookworm\nRUN curl http://google.com\nRUN curl http://bing.com\n', findings: [] },
    { name: 'both in one RUN', text: 'FROM debian:bookworm\nRUN curl -O http://a && wget http://b\n', findings: [[2, 5]] },
    { name: 'per stage', text: 'FROM debian:bookworm AS a\nRUN curl http://a\nFROM debian:bookworm\nRUN wget http://b\n', findings: [] },
    { name: 'installing both is not using both', text: 'FROM debian:bookworm\nRUN apt-get install -y curl wget\n', findings: [] },
  ]);
});
