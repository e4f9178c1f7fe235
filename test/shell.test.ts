// The RUN-script reader: simple commands, their words and where they are in the Dockerfile.
import { describe, expect, it } from 'vitest';
import { findOption, hasOption, parseShell, positionals, type ShellCommand } from '../src/shell.ts';
import { parseDockerfile } from '../src/model.ts';

const names = (s: string) => parseShell(s).commands.map((c) => c.name);
const one = (s: string): ShellCommand => {
  const cmds = parseShell(s).commands;
  expect(cmds).toHaveLength(1);
  return cmds[0];
};
const args = (c: ShellCommand) => c.args.map((a) => a.value);

describe('parseShell: words and quoting', () => {
  it('removes single quotes, double quotes and backslash escapes from values, keeps raw text', () => {
    const c = one(`echo 'a|b' "c;d" e\\;f "x\\"y" 'it'"'"'s'`);
    expect(args(c)).toEqual(['a|b', 'c;d', 'e;f', 'x"y', "it's"]);
    expect(c.args.map((a) => a.raw)).toEqual([`'a|b'`, `"c;d"`, 'e\\;f', `"x\\"y"`, `'it'"'"'s'`]);
  });

  it('leaves variables, ${...}, $(...) and backticks unexpanded inside one word', () => {
    const c = one('echo $HOME ${A:-x y} "$(cd /x && pwd)" $(ls | wc -l) `date; id`');
    expect(args(c)).toEqual(['$HOME', '${A:-x y}', '$(cd /x && pwd)', '$(ls | wc -l)', '`date; id`']);
  });

  it('does not split on operators inside quotes or substitutions', () => {
    expect(parseShell('echo "a && b" | grep "x;y"').operators).toEqual(['|']);
    expect(parseShell('X=$(a && b || c) && echo $X').operators).toEqual(['&&']);
  });

  it('joins backslash-newline continuations', () => {
    const c = one('apt-get install \\\n  -y \\\n  curl');
    expect(args(c)).toEqual(['install', '-y', 'curl']);
  });

  it('skips comments', () => {
    expect(names('echo a # && rm -rf /\necho b')).toEqual(['echo', 'echo']);
    expect(args(one('echo a#b'))).toEqual(['a#b']);
  });
});

describe('parseShell: operators and lists', () => {
  it('splits on && || ; | & and newlines, recording the operator before each command', () => {
    const sh = parseShell('a && b || c; d | e & f\ng');
    expect(sh.commands.map((c) => [c.name, c.after])).toEqual([
      ['a', ''],
      ['b', '&&'],
      ['c', '||'],
      ['d', ';'],
      ['e', '|'],
      ['f', '&'],
      ['g', '\n'],
    ]);
    expect(sh.operators).toEqual(['&&', '||', ';', '|', '&', '\n']);
  });

  it('marks the command whose output is piped', () => {
    const sh = parseShell('curl -fsSL x | tar xz && echo ok |& tee log');
    expect(sh.commands.map((c) => [c.name, c.pipesTo])).toEqual([
      ['curl', true],
      ['tar', false],
      ['echo', true],
      ['tee', false],
    ]);
  });

  it('marks a compound command piped into another (group, subshell, loop)', () => {
    expect(parseShell('{ echo a; echo b; } | tee f').commands.map((c) => c.pipesTo)).toEqual([false, true, false]);
    expect(parseShell('(cd x && make) | tee log').commands.map((c) => c.pipesTo)).toEqual([false, true, false]);
    expect(parseShell('for f in *; do echo $f; done | sort').commands.map((c) => [c.name, c.pipesTo])).toEqual([
      ['echo', true],
      ['sort', false],
    ]);
  });

  it('knows which commands run in a subshell', () => {
    const sh = parseShell('cd /a && (cd b && make) && cd /c');
    expect(sh.commands.map((c) => [c.name, c.subshell])).toEqual([
      ['cd', false],
      ['cd', true],
      ['make', true],
      ['cd', false],
    ]);
  });
});

describe('parseShell: redirections', () => {
  it('drops redirections and their targets from the arguments', () => {
    const c = one('echo a >> b 2> c < d 2>&1 >&2 1>/dev/null &> e');
    expect(args(c)).toEqual(['a']);
  });

  it('does not take `2>&1` before a pipe for a command', () => {
    const sh = parseShell('make 2>&1 | tee log');
    expect(sh.commands.map((c) => [c.name, args(c)])).toEqual([
      ['make', []],
      ['tee', ['log']],
    ]);
    expect(parseShell('(make) 2>&1 | tee log').commands.map((c) => c.name)).toEqual(['make', 'tee']);
  });

  it('reads process substitutions as words, also as redirection targets', () => {
    expect(parseShell('diff <(ls a) >(tee b)').commands.map((c) => [c.name, args(c)])).toEqual([['diff', ['<(ls a)', '>(tee b)']]]);
    const sh = parseShell('while read -r l; do echo $l; done < <(find . | sort)');
    expect(sh.commands.map((c) => c.name)).toEqual(['read', 'echo']);
    expect(sh.commands.some((c) => c.pipesTo)).toBe(false);
  });

  it('keeps redirections inside the command span', () => {
    const s = 'pip install x > /dev/null; echo';
    const c = parseShell(s).commands[0];
    expect(s.slice(c.scriptStart, c.scriptEnd)).toBe('pip install x > /dev/null');
  });

  it('skips the bodies of heredocs in the script', () => {
    const s = 'cat <<EOF > /etc/x\nhello | world\nEOF\ncat <<-\'END\' | sh\n\tapt-get install y\n\tEND\necho done';
    const sh = parseShell(s);
    expect(sh.commands.map((c) => c.name)).toEqual(['cat', 'cat', 'sh', 'echo']);
    expect(sh.commands[0].args).toEqual([]);
  });
});

describe('parseShell: control keywords and wrappers', () => {
  it('strips control keywords in front of commands, and from their positions', () => {
    const s = 'if [ -n "$x" ]; then echo "$x" | sha256sum -c -; else exit 1; fi';
    const sh = parseShell(s);
    expect(sh.commands.map((c) => c.name)).toEqual(['[', 'echo', 'sha256sum', 'exit']);
    expect(sh.commands.map((c) => s.slice(c.scriptStart, c.scriptEnd))).toEqual(['[ -n "$x" ]', 'echo "$x"', 'sha256sum -c -', 'exit 1']);
    expect(sh.commands[1].words.map((w) => w.raw)).toEqual(['echo', '"$x"']);
  });

  it('reads loop bodies but not the `for` header', () => {
    expect(names('for p in a b; do pip install $p; done')).toEqual(['pip']);
    expect(names('while read l; do echo $l; done < f')).toEqual(['read', 'echo']);
    expect(names('! grep -q x f || true')).toEqual(['grep', 'true']);
  });

  it('reads case branches but not the patterns', () => {
    expect(names('case "$(uname -m)" in x86_64) arch=amd64 ;; aarch64|arm64) apt-get install -y q ;; *) exit 1 ;; esac; echo $arch')).toEqual([
      '',
      'apt-get',
      'exit',
      'echo',
    ]);
  });

  it('reads commands in function bodies', () => {
    expect(names('f() { pip install x; }; f')).toContain('pip');
  });

  it('sees through sudo, env, time, nice, timeout, xargs, exec and gosu', () => {
    const cases: [string, string, string[]][] = [
      ['sudo -u app -E pip install x', 'pip', ['sudo']],
      ['sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y x', 'apt-get', ['sudo', 'env']],
      ['env -i PATH=/bin pip install x', 'pip', ['env']],
      ['time nice -n 5 make', 'make', ['time', 'nice']],
      ['timeout 10 curl x', 'curl', ['timeout']],
      ['xargs -n1 pip install < reqs', 'pip', ['xargs']],
      ['exec gosu app npm start', 'npm', ['exec', 'gosu']],
      ['/usr/bin/sudo apt-get update', 'apt-get', ['sudo']],
    ];
    for (const [s, name, wrappers] of cases) {
      const c = one(s);
      expect([c.name, c.wrappers], s).toEqual([name, wrappers]);
    }
  });

  it('keeps wrapper words in `words` and leaves them out of `args`', () => {
    const c = one('sudo -u app pip install x');
    expect(c.words.map((w) => w.value)).toEqual(['sudo', '-u', 'app', 'pip', 'install', 'x']);
    expect(args(c)).toEqual(['install', 'x']);
  });

  it('does not take `command -v x` for running x', () => {
    expect(one('command -v pip').name).toBe('command');
    expect(one('command pip install x').name).toBe('pip');
  });

  it('collects assignments before the command; a lone assignment is a command without a name', () => {
    const c = one('A=1 B="x y" pip install x');
    expect(c.assignments.map((a) => a.raw)).toEqual(['A=1', 'B="x y"']);
    expect(c.name).toBe('pip');
    const lone = one('GNUPGHOME="$(mktemp -d)"');
    expect(lone.name).toBe('');
    expect(lone.assignments).toHaveLength(1);
  });

  it('uses the basename of the program', () => {
    expect(one('/usr/local/bin/pip3 install x').name).toBe('pip3');
  });
});

describe('option helpers', () => {
  const c = one('apt-get -qy install --no-install-recommends -o Dpkg::Options::=--force-confnew curl -- -weird');
  it('hasOption finds long options and bundled short ones, not after `--`', () => {
    expect(hasOption(c, ['-y', '--yes'])).toBe(true);
    expect(hasOption(c, ['-q'])).toBe(true);
    expect(hasOption(c, ['--no-install-recommends'])).toBe(true);
    expect(hasOption(c, ['-w'])).toBe(false);
    expect(hasOption(c, ['--force-yes'])).toBe(false);
  });

  it('findOption returns the word, also for --name=value', () => {
    const d = one('pip install --cache-dir=/tmp/x flask');
    expect(findOption(d, ['--cache-dir'])?.value).toBe('--cache-dir=/tmp/x');
  });

  it('positionals skips options and the values of valued options', () => {
    expect(positionals(c, ['-o']).map((w) => w.value)).toEqual(['install', 'curl', '-weird']);
  });
});

describe('offsets map back to the Dockerfile', () => {
  it('maps command and word positions through continuations and dropped comment lines', () => {
    const text = 'FROM debian:12\nRUN apt-get update \\\n    # the tools\n    && apt-get install -y \\\n       curl\n';
    const m = parseDockerfile(text);
    const sh = m.instructions[1].shell!;
    const [update, install] = sh.commands;
    expect(text.slice(update.start, update.end)).toBe('apt-get update');
    expect(text.slice(install.start, install.args[0].end)).toBe('apt-get install');
    const curl = install.args[2];
    expect(text.slice(curl.start, curl.end)).toBe('curl');
    expect(m.positionAt(curl.start)).toEqual({ line: 4, character: 7 });
  });

  it('maps a command split over lines to the span from its first to its last word', () => {
    const text = 'FROM alpine:3.20\nRUN pip install \\\n  flask\n';
    const m = parseDockerfile(text);
    const c = m.instructions[1].shell!.commands[0];
    expect(text.slice(c.start, c.end)).toBe('pip install \\\n  flask');
  });

  it('maps CRLF files', () => {
    const text = 'FROM alpine:3.20\r\nRUN apk add \\\r\n  curl && echo ok\r\n';
    const m = parseDockerfile(text);
    const [apk, echo] = m.instructions[1].shell!.commands;
    expect(text.slice(apk.args[1].start, apk.args[1].end)).toBe('curl');
    expect(text.slice(echo.start, echo.end)).toBe('echo ok');
  });

  it('maps the body of RUN <<EOF to its lines in the file', () => {
    const text = 'FROM alpine:3.20\nRUN <<EOF\nset -e\napk add curl\nEOF\n';
    const m = parseDockerfile(text);
    const apk = m.instructions[1].shell!.commands[1];
    expect(apk.name).toBe('apk');
    expect(text.slice(apk.start, apk.end)).toBe('apk add curl');
    expect(m.positionAt(apk.start)).toEqual({ line: 3, character: 0 });
  });

  it('honours a backtick escape directive for continuations', () => {
    const text = '# escape=`\nFROM alpine:3.20\nRUN apk add `\n  curl\n';
    const m = parseDockerfile(text);
    const apk = m.instructions[1].shell!.commands[0];
    expect(args(apk)).toEqual(['add', 'curl']);
    expect(text.slice(apk.args[1].start, apk.args[1].end)).toBe('curl');
  });
});
