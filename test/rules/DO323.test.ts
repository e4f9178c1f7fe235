import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3043: ONBUILD, FROM or MAINTAINER triggered from within ONBUILD.
describe('DO323 invalid-onbuild-trigger', () => {
  ruleCases('DO323', [
    { name: 'hadolint example', text: 'FROM debian:bookworm\nONBUILD ONBUILD RUN echo hi\n', findings: [[2, 9]], noFix: true },
    { text: 'FROM debian:bookworm\nONBUILD FROM debian:bookworm\n', findings: [[2, 9]] },
    { text: 'FROM debian:bookworm\nONBUILD MAINTAINER me\n', findings: [[2, 9]] },
    { name: 'hadolint example, correct', text: 'FROM debian:bookworm\nONBUILD RUN echo hi\n', findings: [] },
  ]);
});
