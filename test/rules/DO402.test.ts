import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// BuildKit's NoEmptyContinuation: https://docs.docker.com/reference/build-checks/no-empty-continuation/
describe('DO402 empty-continuation-line', () => {
  ruleCases('DO402', [
    { name: 'docs: empty line between EXPOSE and 80', text: 'FROM alpine\nEXPOSE \\\n\n80\n', findings: [[3, 1]], fixed: 'FROM alpine\nEXPOSE \\\n80\n' },
    { name: 'docs: a comment is not an empty line', text: 'FROM alpine\nEXPOSE \\\n# Port\n80\n', findings: [] },
    {
      name: 'docs: several empty lines in one RUN are one finding, all removed',
      text: 'FROM alpine\nRUN apk add \\\n\n    gnupg \\\n  \n    curl\n',
      findings: [[3, 1]],
      fixed: 'FROM alpine\nRUN apk add \\\n    gnupg \\\n    curl\n',
    },
    { name: 'an empty line after a finished instruction is fine', text: 'FROM alpine\nRUN true\n\nRUN false\n', findings: [] },
    { name: 'empty lines inside a heredoc are content', text: 'FROM alpine\nRUN <<EOF\necho a\n\necho b\nEOF\n', findings: [] },
    { name: 'CRLF line endings', text: 'FROM alpine\r\nRUN a \\\r\n\r\n  b\r\n', findings: [[3, 1]], fixed: 'FROM alpine\r\nRUN a \\\r\n  b\r\n' },
    { name: 'escape directive', text: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir `\n\n  c:\\\n', findings: [[4, 1]] },
  ]);
});
