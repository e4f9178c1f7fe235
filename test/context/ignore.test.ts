// The .dockerignore matcher: reading, cleaning, BuildKit's pattern translation and the walk's
// decision for single paths. Expectations were checked against the real engine (see
// test/engine-context.test.ts for the end-to-end comparison).
import { describe, expect, it } from 'vitest';
import { buildkitRegexp, cleanPath, DockerIgnore, globSyntaxError, readIgnoreLines } from '../../src/context/ignore.ts';
import { DockoptError } from '../../src/errors.ts';

const sent = (ignore: string, paths: string[]) => {
  const ig = DockerIgnore.parse(ignore);
  return paths.filter((p) => !ig.excludes(p, paths.some((q) => q.startsWith(`${p}/`))));
};

describe('reading an ignore file', () => {
  it('cleans like filepath.Clean, drops a leading /, keeps ! and the line numbers', () => {
    const text = '\uFEFF# comment\n\n  spaced.txt  \r\n/foo/\n! /bar/../baz\n./x\nfoo//bar/.\n #not a comment\n';
    expect(readIgnoreLines(text)).toEqual([
      { pattern: 'spaced.txt', line: 3 },
      { pattern: 'foo', line: 4 },
      { pattern: '!baz', line: 5 },
      { pattern: 'x', line: 6 },
      { pattern: 'foo/bar', line: 7 },
      { pattern: '#not a comment', line: 8 },
    ]);
  });

  it('cleanPath is Go\'s path.Clean', () => {
    expect(['', '.', '/', 'a/', 'a//b', 'a/./b', 'a/../..', '/..', '../a/../b', 'a/b/..']).toEqual(['', '.', '/', 'a/', 'a//b', 'a/./b', 'a/../..', '/..', '../a/../b', 'a/b/..']);
    expect(['', '.', '/', 'a/', 'a//b', 'a/./b', 'a/../..', '/..', '../a/../b', 'a/b/..'].map(cleanPath)).toEqual(['.', '.', '/', 'a', 'a/b', 'a/b', '..', '/', '../b', 'a']);
  });

  it('translates patterns the way BuildKit does', () => {
    expect(buildkitRegexp('**/*.log')).toBe('^(.*/)?[^/]*\\.log$');
    expect(buildkitRegexp('a/**')).toBe('^a/.*$');
    expect(buildkitRegexp('a+b(c)?.$')).toBe('^a+b(c)[^/]\\.\\$$');
  });

  it('rejects what filepath.Match rejects', () => {
    for (const p of ['[', 'x[', '[]a]', '[a-]', '[^]', 'a\\', '*[']) expect(globSyntaxError(p), p).not.toBeNull();
    for (const p of ['[a-c]', '[^a]', '\\[', '[\\]]', '*', 'a]', '[[:alpha:]]']) expect(globSyntaxError(p), p).toBeNull();
  });

  it('an invalid pattern is a one-line error naming the file and line', () => {
    expect(() => DockerIgnore.load('ok\nlogs[\n', '/ctx/.dockerignore')).toThrow(DockoptError);
    try {
      DockerIgnore.load('ok\nlogs[\n', '/ctx/.dockerignore');
    } catch (err) {
      expect((err as DockoptError).format()).toBe('/ctx/.dockerignore:2: invalid pattern "logs[": syntax error in pattern (BuildKit rejects it, so every build with this context fails)');
    }
    expect(() => DockerIgnore.parse('!\n')).toThrow(/illegal exclusion pattern/);
    expect(() => DockerIgnore.parse('! \n')).toThrow(/illegal exclusion pattern/);
    expect(() => DockerIgnore.parse('\\q\n')).toThrow(/invalid escape/);
  });
});

describe('matching (BuildKit semantics, engine-verified)', () => {
  it('last match wins; ! re-includes', () => {
    expect(sent('*.md\n!README.md\n', ['README.md', 'CHANGES.md', 'a.txt'])).toEqual(['README.md', 'a.txt']);
    expect(sent('!keep\nkeep\n', ['keep'])).toEqual([]);
  });

  it('a directory pattern excludes everything below; ! inside re-includes', () => {
    expect(sent('node_modules\n!node_modules/keep\n', ['node_modules', 'node_modules/keep', 'node_modules/keep/x', 'node_modules/other', 'node_modules/other/y'])).toEqual([
      'node_modules',
      'node_modules/keep',
      'node_modules/keep/x',
    ]);
  });

  it('a ! pattern with a wildcard cannot re-enter an excluded directory', () => {
    expect(sent('a\n!**/c\n', ['a', 'a/b', 'a/b/c', 'c'])).toEqual(['c']);
    expect(sent('a\n!a/*/c\n', ['a', 'a/b', 'a/b/c'])).toEqual(['a']);
  });

  it('* and ? stop at /, ** crosses it', () => {
    expect(sent('*.txt\n', ['a.txt', 'd/b.txt', '.c.txt'])).toEqual(['d/b.txt']);
    expect(sent('*/*.txt\n', ['a.txt', 'd/b.txt', 'd/e/c.txt'])).toEqual(['a.txt', 'd/e/c.txt']);
    expect(sent('fil?\n', ['file', 'fil', 'fi/l'])).toEqual(['fil', 'fi/l']);
    expect(sent('**/*.log\n', ['x.log', 'd/e/y.log', 'd/z'])).toEqual(['d/z']);
    expect(sent('a/**/b\n', ['a/b', 'a/x/y/b', 'a/c'])).toEqual(['a/c']);
    expect(sent('logs/**\n', ['logs', 'logs/z', 'logs/z/q'])).toEqual(['logs']);
    expect(sent('a**b\n', ['ab', 'axb', 'a/x/b', 'a/b'])).toEqual(['axb']);
    expect(sent('**foo\n', ['a/xfoo', 'foo', 'b/foo'])).toEqual(['a/xfoo']);
  });

  it('parent directories are matched only to the depth of the pattern', () => {
    // `**/b` has two parts: x/y/b/z is compared as x/y, not x/y/b (as in the engine).
    expect(sent('**/b\n!x/y/b/keep\n', ['x/y/b', 'x/y/b/keep', 'x/y/b/other'])).toEqual(['x/y/b', 'x/y/b/keep', 'x/y/b/other']);
    expect(sent('x/**/b\n!x/y/b/keep\n', ['x/y/b', 'x/y/b/keep', 'x/y/b/other'])).toEqual(['x/y/b', 'x/y/b/keep']);
  });

  it('classes, escapes and regexp characters keep BuildKit\'s meaning', () => {
    expect(sent('d[^a]e\n', ['d/e', 'dbe', 'dae'])).toEqual(['dae']);
    expect(sent('[a-c]x\n', ['ax', 'dx'])).toEqual(['dx']);
    expect(sent('[!a]b\n', ['!b', 'ab', 'cb'])).toEqual(['cb']);
    expect(sent('\\*\n', ['*', 'a'])).toEqual(['a']);
    expect(sent('\\d\n', ['1', 'd'])).toEqual(['d']);
    // This BuildKit passes regexp syntax through (newer releases escape `+()|{}`).
    expect(sent('a+b\n(x|y)\n{a,b}\n$x\nz{2}\n', ['a+b', 'aab', '(x|y)', 'x', '{a,b}', 'a', '$x', 'z{2}', 'zz'])).toEqual(['a+b', '(x|y)', 'a', 'z{2}']);
    expect(sent('x^y\n', ['x^y'])).toEqual(['x^y']);
    expect(sent('[[:alpha:]]\n', ['a', ':'])).toEqual([':']);
    expect(sent('caf?\n', ['café', 'cafés'])).toEqual(['cafés']);
  });

  it('trailing slashes and leading slashes are cleaned away', () => {
    expect(sent('dir/\n', ['dir', 'other/dir'])).toEqual(['other/dir']);
    expect(sent('/foo\n!/foo/keep\n', ['foo', 'foo/a', 'foo/keep', 'bar/foo'])).toEqual(['foo', 'foo/keep', 'bar/foo']);
    expect(sent('.\n/\n', ['a'])).toEqual(['a']);
  });

  it('the monorepo pattern: ignore everything, re-include a few paths', () => {
    expect(sent('*\n!packages/api\n!package.json\n', ['package.json', 'yarn.lock', 'packages', 'packages/api', 'packages/api/src/x', 'packages/web', 'packages/web/y'])).toEqual([
      'package.json',
      'packages',
      'packages/api',
      'packages/api/src/x',
    ]);
  });

  it('matches() is the pattern verdict; excludes() also knows skipped directories', () => {
    const ig = DockerIgnore.parse('a\n!**/c\n');
    expect(ig.matches('a/b/c')).toBe(false);
    expect(ig.excludes('a/b/c')).toBe(true);
    expect(ig.mayReinclude('a')).toBe(false);
    expect(DockerIgnore.parse('a\n!a/b/c\n').mayReinclude('a/b')).toBe(true);
  });
});
