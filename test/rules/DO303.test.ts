import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// hadolint DL3010: use ADD for extracting archives into an image.
describe('DO303 copy-then-extract', () => {
  ruleCases('DO303', [
    {
      name: 'hadolint example',
      text: 'FROM debian:bookworm\nCOPY packaged-app.tar /usr/src/app/\nRUN tar -xf /usr/src/app/packaged-app.tar\n',
      findings: [[2, 6]],
      noFix: true,
    },
    { name: 'hadolint example, correct', text: 'FROM debian:bookworm\nADD packaged-app.tar /usr/src/app/\n', findings: [] },
    { name: 'old-style tar options', text: 'FROM debian:bookworm\nCOPY a.tgz b.txt /tmp/\nRUN cd /opt && tar xzf /tmp/a.tgz\n', findings: [[2, 6]] },
    { name: 'archive named by the destination', text: 'FROM debian:bookworm\nCOPY dist /tmp/app.tar.gz\nRUN tar --extract --file=/tmp/app.tar.gz\n', findings: [[2, 11]] },
    { name: 'zip files are not extracted by ADD', text: 'FROM debian:bookworm\nCOPY a.zip /tmp/\nRUN unzip /tmp/a.zip\n', findings: [] },
    { name: 'an archive that is not extracted', text: 'FROM debian:bookworm\nCOPY a.tar.gz /srv/\nRUN ls /srv\n', findings: [] },
    { name: 'copied from another stage', text: 'FROM debian:bookworm AS b\nFROM debian:bookworm\nCOPY --from=b /a.tar /tmp/\nRUN tar -xf /tmp/a.tar\n', findings: [] },
    { name: 'another stage', text: 'FROM debian:bookworm AS a\nCOPY a.tar /tmp/\nFROM debian:bookworm\nRUN tar -xf /tmp/a.tar\n', findings: [] },
  ]);
});
