import { describe } from 'vitest';
import { ruleCases } from '../support/harness.ts';
import { BuildContext, DEFAULT_LIMITS, virtualBuildContext } from '../../src/context/facts.ts';

const ctx = (listing: Record<string, string | number>) => ({ buildContext: virtualBuildContext(listing, undefined, 'svc') });
const listing = { 'requirements.txt': 'x', 'src/app.py': 'x' };

describe('DO604 copy-missing-source', () => {
  ruleCases('DO604', [
    { name: 'a literal source missing from the context', text: 'FROM python:3.12\nCOPY requirements.txt requirements-dev.txt /app/\n', settings: ctx(listing), findings: [[2, 23]], message: 'COPY source "requirements-dev.txt" does not exist in the build context svc: the build fails with "/requirements-dev.txt" not found.', severity: 'error', noFix: true },
    { name: 'paths are relative to the context, not the Dockerfile; .. cannot leave it', text: 'FROM python:3.12\nCOPY ../shared/lib.py /app/\nADD src/missing.tar.gz /\n', settings: ctx(listing), findings: [[2, 6], [3, 5]], message: /"\/(shared\/lib\.py|src\/missing\.tar\.gz)" not found/ },
    { name: 'JSON form and a bind mount', text: 'FROM python:3.12\nCOPY ["nope.txt", "/app/"]\nRUN --mount=type=bind,source=vendor,target=/v true\n', settings: ctx(listing), findings: [[2, 6], [3, 5]] },
    { name: 'wildcards may match nothing', text: 'FROM python:3.12\nCOPY requirements*.txt poetry.lock* /app/\n', settings: ctx(listing), findings: [] },
    { name: 'existing sources, known variables, unknown ones, --from, URLs and heredocs', text: 'FROM python:3.12 AS b\nARG SRC=src\nARG OTHER\nCOPY ${SRC}/app.py $OTHER/x /app/\nCOPY --from=b /nothere /x\nADD https://example.com/f /f\nCOPY <<EOF /etc/motd\nhi\nEOF\n', settings: ctx(listing), findings: [] },
  ]);
});

describe('DO604 with a context taken by default', () => {
  const inferred = (listing: Record<string, string | number>) => ({ buildContext: new BuildContext('docker', virtualBuildContext(listing).walk, null, DEFAULT_LIMITS, null, true) });
  ruleCases('DO604', [
    { name: 'some sources are there: the others are reported, with a hint', text: 'FROM alpine:3.20\nCOPY app.c /src/\nCOPY nope.c /src/\n', settings: inferred({ 'app.c': '' }), findings: [[3, 6]], message: /the context is taken to be the Dockerfile's directory/ },
    { name: 'none is there: probably built from elsewhere', text: 'FROM alpine:3.20\nCOPY package.json src/ /app/\n', settings: inferred({ Dockerfile: '' }), findings: [] },
  ]);
});
