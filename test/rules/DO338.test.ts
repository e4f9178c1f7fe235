import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3059: multiple consecutive RUN instructions.
describe('DO338 consecutive-run', () => {
  ruleCases('DO338', [
    {
      name: 'hadolint example',
      text: 'FROM busybox:1.36\nRUN echo foo > bar\nRUN echo bar > foo\n',
      findings: [[3, 1]],
      noFix: true,
    },
    { name: 'hadolint example, correct', text: 'FROM busybox:1.36\nRUN echo foo > bar && \\\n    echo bar > foo\n', findings: [] },
    { name: 'comments in between do not separate them', text: 'FROM busybox:1.36\nRUN echo a\n# b\nRUN echo b\n', findings: [[4, 1]] },
    { name: 'another instruction in between does', text: 'FROM busybox:1.36\nRUN echo a\nWORKDIR /x\nRUN echo b\n', findings: [] },
    { name: 'longer scripts are deliberate', text: 'FROM busybox:1.36\nRUN a && b && c\nRUN d\n', findings: [] },
    {
      name: 'different mounts are deliberate',
      text: 'FROM busybox:1.36\nRUN --mount=type=cache,target=/root/.cache pip install x\nRUN echo done\n',
      findings: [],
    },
    { name: 'three in a row: one finding', text: 'FROM busybox:1.36\nRUN a\nRUN b\nRUN c\n', findings: [[3, 1]], message: /up to line 4/ },
    { name: 'two separate runs', text: 'FROM busybox:1.36\nRUN a\nRUN b\nENV X=1\nRUN c\nRUN d\n', findings: [[3, 1], [6, 1]] },
    { name: 'not across stages', text: 'FROM busybox:1.36 AS a\nRUN a\nFROM busybox:1.36\nRUN b\n', findings: [] },
  ]);
});
