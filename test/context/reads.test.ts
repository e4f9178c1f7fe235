// Which context paths a Dockerfile reads.
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from '../../src/model.ts';
import { contextReads } from '../../src/context/reads.ts';

const reads = (text: string) => contextReads(parseDockerfile(text));
const read = (text: string, paths: string[]) => {
  const r = reads(text);
  return paths.filter((p) => r.isRead(p));
};

describe('contextReads', () => {
  it('COPY . . reads everything', () => {
    expect(reads('FROM a\nCOPY . .\n').everything).toBe(true);
    expect(reads('FROM a\nCOPY ./ /app/\n').everything).toBe(true);
    expect(reads('FROM a\nCOPY src /app\n').everything).toBe(false);
  });

  it('a directory source reads everything below it; paths are cleaned against the context root', () => {
    expect(read('FROM a\nCOPY src/ /app/\nCOPY ../x.txt /\nADD /y.tar.gz /\n', ['src', 'src/a/b.js', 'srcx', 'x.txt', 'y.tar.gz', 'z'])).toEqual(['src', 'src/a/b.js', 'x.txt', 'y.tar.gz']);
  });

  it('wildcards follow filepath.Match one part at a time (** is *)', () => {
    const paths = ['a.txt', '.env', 'app.txt', 'src/x.js', 'src/a/y.js', 'src/a/b/z.js', 'bpp.txt', '(x)', 'x'];
    expect(read('FROM a\nCOPY *.txt /\n', paths)).toEqual(['a.txt', 'app.txt', 'bpp.txt']);
    expect(read('FROM a\nCOPY src/**/*.js /\n', paths)).toEqual(['src/a/y.js']); // as the engine: not src/a/b/z.js
    expect(read('FROM a\nCOPY .env* [a-b]pp.txt /\n', paths)).toEqual(['.env', 'app.txt', 'bpp.txt']);
    expect(read('FROM a\nCOPY [!a]pp.txt /\n', ['!pp.txt', 'app.txt', 'bpp.txt'])).toEqual(['!pp.txt', 'app.txt']);
    expect(read('FROM a\nCOPY (x) /\n', paths)).toEqual(['(x)']);
  });

  it('ignores --from, URLs and heredocs; reads RUN bind mounts without from', () => {
    const r = reads('FROM a AS b\nCOPY --from=b /x /x\nADD https://example.com/f /f\nCOPY <<EOF /etc/motd\nhi\nEOF\nRUN --mount=type=bind,source=data,target=/d true\nRUN --mount=type=cache,target=/c --mount=type=bind,from=b,target=/b true\n');
    expect(r.reads.map((x) => `${x.kind} ${x.path}`)).toEqual(['mount data']);
    expect(reads('FROM a\nRUN --mount=target=/src make\n').everything).toBe(true);
  });

  it('resolves variables where their value is known, and reads below an unknown one', () => {
    expect(reads('FROM a\nARG DIR=app\nCOPY $DIR/ /app/\n').reads[0].path).toBe('app');
    expect(reads('FROM a\nENV V=1\nCOPY dist/v${V}.tgz /\n').reads[0].path).toBe('dist/v1.tgz');
    const unknown = reads('FROM a\nARG APP\nCOPY src/$APP/main.py /\n');
    expect(unknown.reads[0]).toMatchObject({ path: 'src', unresolved: true });
    expect(unknown.isRead('src/x/main.py')).toBe(true);
    expect(unknown.isRead('docs/a')).toBe(false);
    expect(reads('FROM a\nARG X\nCOPY $X /\n').everything).toBe(true);
  });

  it('honours --exclude below each source', () => {
    const r = reads('FROM a\nCOPY --exclude=*.md --exclude=tests docs/ /d/\nCOPY --exclude=*.txt hom* /h/\n');
    expect(['docs/a.html', 'docs/a.md', 'docs/tests/x', 'docs/sub/b.md', 'home.txt', 'home.html'].filter((p) => r.isRead(p))).toEqual(['docs/a.html', 'docs/sub/b.md', 'home.html']);
  });

  it('isReadByName leaves out reads of the whole context', () => {
    const r = reads('FROM a\nCOPY . .\nCOPY dist/ /srv/\n');
    expect(r.isReadByName('dist')).toBe(true);
    expect(r.isReadByName('node_modules')).toBe(false);
    expect(r.isRead('node_modules')).toBe(true);
  });
});
