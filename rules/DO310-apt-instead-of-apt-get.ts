import { defineRule } from '../src/types.ts';
import { everyRun, programWord, verbOf } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';

// Verbs where apt and apt-get do the same thing. `apt upgrade` also installs new dependencies
// (apt-get upgrade does not) and search/show/list belong to apt-cache: no automatic fix there.
const SAME_AS_APT_GET = new Set(['install', 'update', 'remove', 'purge', 'autoremove', 'clean', 'autoclean', 'build-dep', 'source']);
const APT_CACHE = new Set(['search', 'show', 'list', 'policy', 'depends', 'rdepends', 'showsrc']);

export default defineRule({
  meta: {
    code: 'DO310',
    name: 'apt-instead-of-apt-get',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'sometimes',
    hadolint: ['DL3027'],
    docs: {
      summary: 'A RUN uses `apt`, the interactive front end, instead of `apt-get` or `apt-cache`.',
      rationale:
        '`apt` is meant for people at a terminal: its output and behaviour may change between releases, and it warns that it "does not have a stable CLI interface" when used in scripts. `apt-get` and `apt-cache` are the stable interfaces for scripts and builds.',
      bad: 'FROM debian:bookworm-slim\nRUN apt update && apt install -y --no-install-recommends curl\n',
      good: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    },
  },
  create(context) {
    return everyRun((inst) => {
      for (const cmd of runCommands(inst)) {
        if (cmd.name !== 'apt') continue;
        const word = programWord(cmd);
        const verb = verbOf(cmd, ['-o', '-c', '-t', '--target-release']);
        const fixable = verb !== undefined && SAME_AS_APT_GET.has(verb.value) && /(^|\/)apt$/.test(word.raw);
        context.report({
          message: `Use \`${verb && APT_CACHE.has(verb.value) ? 'apt-cache' : 'apt-get'}\` in scripts: \`apt\` is for interactive use and has no stable command-line interface.`,
          at: { start: word.start, end: word.end },
          fix: fixable
            ? { applicability: 'safe', description: 'Replace apt with apt-get', edits: [{ start: word.end - 3, end: word.end, text: 'apt-get' }] }
            : null,
        });
      }
    });
  },
});
