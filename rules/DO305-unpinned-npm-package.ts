import { defineRule } from '../src/types.ts';
import type { ShellWord } from '../src/shell.ts';
import { everyRun, isDynamic, nameList, operandsAfterVerb, spanOf, verbOf } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';

const NPM_VALUED = ['--prefix', '--registry', '--omit', '--include', '-w', '--workspace', '--cache', '--tag', '--userconfig', '--globalconfig', '--loglevel', '--before', '--install-strategy'];

function pinned(p: ShellWord): boolean {
  const v = p.value;
  if (/^git(\+(ssh|https?))?:\/\//.test(v)) return v.includes('#');
  if (/\.(tar|tar\.gz|tgz)$/.test(v)) return true;
  if (/^(\/|\.\/|\.\.\/|~\/|file:)/.test(v) || v === '.' || v === '..') return true;
  // name@version, @scope/name@version; a dist-tag such as @latest is not a version.
  const rest = v.startsWith('@') ? v.slice(v.indexOf('/') + 1) : v;
  const at = rest.indexOf('@');
  return at > 0 && !/^(latest|next)$/.test(rest.slice(at + 1));
}

export default defineRule({
  meta: {
    code: 'DO305',
    name: 'unpinned-npm-package',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3016'],
    docs: {
      summary: '`npm install` names packages without a version.',
      rationale:
        'Without a version every build installs the latest release of the package, so the image changes (and may break) without any change to the Dockerfile. Pin it (`npm install -g typescript@5.6.3`), or install the project\'s dependencies from its lock file with `npm ci`.',
      bad: 'FROM node:22-slim\nRUN npm install -g typescript\n',
      good: 'FROM node:22-slim\nRUN npm install -g typescript@5.6.3\n',
    },
  },
  create(context) {
    return everyRun((inst) => {
      for (const cmd of runCommands(inst)) {
        if (cmd.name !== 'npm') continue;
        const verb = verbOf(cmd, NPM_VALUED)?.value;
        if (verb !== 'install' && verb !== 'i' && verb !== 'add') continue;
        const unpinned = operandsAfterVerb(cmd, NPM_VALUED).filter((w) => !isDynamic(w.value) && !pinned(w));
        if (unpinned.length === 0) continue;
        context.report({
          message: `Pin the version of ${nameList(unpinned)} (\`${unpinned[0].value}@<version>\`): without one every build installs the latest release.`,
          at: spanOf(unpinned),
        });
      }
    });
  },
});
