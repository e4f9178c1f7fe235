import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';
import { lintWith } from '../support/harness.ts';
import { expect, it } from 'vitest';

// hadolint DL3047: wget without --progress bloats the build log.
describe('DO327 wget-without-progress', () => {
  ruleCases('DO327', [
    {
      name: 'hadolint example',
      text: 'FROM debian:bookworm\nRUN wget http://google.com\n',
      findings: [[2, 5]],
      fixed: 'FROM debian:bookworm\nRUN wget --progress=dot:giga http://google.com\n',
    },
    { name: 'hadolint example, correct', text: 'FROM debian:bookworm\nRUN wget --progress=dot:giga http://google.com\n', findings: [] },
    { name: '-q in a bundle', text: 'FROM debian:bookworm\nRUN wget -qO- https://example.com/install.sh | sh\n', findings: [] },
    { name: '-nv', text: 'FROM debian:bookworm\nRUN wget -nv https://example.com/a.tgz\n', findings: [] },
    { name: 'a log file', text: 'FROM debian:bookworm\nRUN wget -o /tmp/log https://example.com/a.tgz\n', findings: [] },
    { name: '-O alone still shows progress', text: 'FROM debian:bookworm\nRUN wget -O /tmp/a.tgz https://example.com/a.tgz\n', findings: [[2, 5]] },
  ]);
  it('marks the fix unsafe where BusyBox wget may be the one that runs', () => {
    const [f] = lintWith('DO327', 'FROM alpine:3.20\nRUN wget https://example.com/a.tgz\n');
    expect(f.fix?.applicability).toBe('unsafe');
    const [g] = lintWith('DO327', 'FROM debian:bookworm\nRUN wget https://example.com/a.tgz\n');
    expect(g.fix?.applicability).toBe('safe');
  });
});
