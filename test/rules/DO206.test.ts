import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';

// Fixes are being added to this rule separately: these cases check findings and positions.
describe('DO206 add-local-file', () => {
  ruleCases('DO206', [
    { name: 'ADD of a local file', text: 'FROM alpine:3.20\nADD app.py /app/\n', findings: [[2, 1]], message: /Use COPY instead of ADD/ },
    { name: 'ADD of the context', text: 'FROM alpine:3.20\nADD . /app\n', findings: [[2, 1]] },
    { name: 'ADD with --chown', text: 'FROM alpine:3.20\nADD --chown=app:app src/ /app/src/\n', findings: [[2, 1]] },
    { name: 'lower-case add', text: 'FROM alpine:3.20\nadd config.yml /etc/app/\n', findings: [[2, 1]] },
    { name: 'JSON form', text: 'FROM alpine:3.20\nADD ["my file.txt", "/app/"]\n', findings: [[2, 1]] },
    { name: 'each ADD', text: 'FROM alpine:3.20\nADD a /a\nADD b /b\n', findings: [[2, 1], [3, 1]] },

    { name: 'a URL', text: 'FROM alpine:3.20\nADD https://example.com/tool.bin /usr/local/bin/tool\n', findings: [] },
    { name: 'a git repository', text: 'FROM alpine:3.20\nADD git@github.com:moby/buildkit.git /src\nADD https://github.com/moby/buildkit.git#v0.14 /src2\n', findings: [] },
    { name: 'a local archive to extract', text: 'FROM alpine:3.20\nADD rootfs.tar.gz /\nADD app.tgz /app\nADD data.tar.xz /data\n', findings: [] },
    { name: 'a variable source', text: 'FROM alpine:3.20\nARG SRC=app.py\nADD $SRC /app/\n', findings: [] },
    { name: 'ADD --checksum', text: 'FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/a /a\n', findings: [] },
    { name: 'a heredoc', text: '# syntax=docker/dockerfile:1\nFROM alpine:3.20\nADD <<EOF /etc/motd\nhello\nEOF\n', findings: [] },
    { name: 'COPY', text: 'FROM alpine:3.20\nCOPY app.py /app/\n', findings: [] },
  ]);
});
