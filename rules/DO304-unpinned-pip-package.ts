import { defineRule } from '../src/types.ts';
import { hasOption, positionals } from '../src/shell.ts';
import type { ShellWord } from '../src/shell.ts';
import { recognise } from '../src/package-managers.ts';
import { everyRun, isDynamic, nameList, spanOf } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';

// pip install options whose value is the next word.
const PIP_VALUED = [
  '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '-t', '--target', '--prefix', '--root',
  '--cache-dir', '--trusted-host', '--platform', '--python-version', '--implementation', '--abi', '--src', '--upgrade-strategy',
  '--progress-bar', '--log', '--timeout', '--retries', '--proxy', '--cert', '--client-cert', '-C', '--config-settings',
  '--global-option', '--no-binary', '--only-binary', '--python', '-b', '--build', '--report', '--root-user-action',
];
const VERSION = /(===|==|>=|<=|~=|!=|<|>)/;
const VCS = /^(git|hg|svn|bzr)(\+[a-z-]+)?:/;

function pinned(p: ShellWord): boolean {
  const v = p.value;
  if (VERSION.test(v)) return true;
  if (VCS.test(v)) return v.includes('@');
  // Local archives and paths (a project directory, ./pkg, /src/pkg).
  return /\.(whl|tar\.gz|tgz|zip)$/.test(v) || v.includes('/') || v === '.' || v.startsWith('.');
}

export default defineRule({
  meta: {
    code: 'DO304',
    name: 'unpinned-pip-package',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3013'],
    docs: {
      summary: '`pip install` names packages without a version, and not through a requirements file.',
      rationale:
        'Without a version every build installs the latest release: a new major version can break the image without any change to the Dockerfile, and the layer cache hides the difference between machines. Pin with `==`, or install from a requirements or constraints file (`-r requirements.txt`, `-c constraints.txt`) that pins them.',
      bad: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir django\n',
      good: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir django==5.1.2\n',
    },
  },
  create(context) {
    return everyRun((inst) => {
      for (const cmd of runCommands(inst)) {
        const use = recognise(cmd);
        if (use?.manager !== 'pip' || use.command.args[0]?.value !== 'install') continue;
        const sub = { ...use.command, args: use.command.args.slice(1) };
        // A requirements or constraints file pins (or should pin) the versions.
        if (hasOption(sub, ['-r', '--requirement', '-c', '--constraint'])) continue;
        const unpinned = positionals(sub, PIP_VALUED).filter((w) => !isDynamic(w.value) && !pinned(w));
        if (unpinned.length === 0) continue;
        context.report({
          message: `Pin the version of ${nameList(unpinned)} (\`${unpinned[0].value}==<version>\`), or install from a requirements file: without one every build gets the latest release.`,
          at: spanOf(unpinned),
        });
      }
    });
  },
});
