import { defineRule } from '../src/types.ts';
import type { ShellWord } from '../src/shell.ts';
import { everyRun, isDynamic, nameList, spanOf } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';

const GEM_VALUED = ['-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-p', '--http-proxy', '--platform', '-P', '--trust-policy', '-g', '--file', '--build-root', '--document'];

export default defineRule({
  meta: {
    code: 'DO311',
    name: 'unpinned-gem',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3028'],
    docs: {
      summary: '`gem install` names gems without a version.',
      rationale:
        'Without a version every build installs the latest release of the gem, so the image changes (and may break) without any change to the Dockerfile. Pin it (`gem install bundler:2.5.22` or `-v 2.5.22`), or install the application\'s gems from its Gemfile.lock with Bundler.',
      bad: 'FROM ruby:3.3-slim\nRUN gem install bundler\n',
      good: 'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.22\n',
    },
  },
  create(context) {
    return everyRun((inst) => {
      for (const cmd of runCommands(inst)) {
        if (cmd.name !== 'gem') continue;
        const positional: ShellWord[] = [];
        let versioned = false;
        let skip = false;
        for (const w of cmd.args) {
          const v = w.value;
          if (v === '--') break; // build options for the gem's native extension follow
          if (skip) {
            skip = false;
            continue;
          }
          if (v === '-v' || v === '--version' || v.startsWith('--version=')) versioned = true;
          if (v.startsWith('-')) {
            skip = GEM_VALUED.includes(v) || v === '-v' || v === '--version';
            continue;
          }
          positional.push(w);
        }
        if (versioned || (positional[0]?.value !== 'install' && positional[0]?.value !== 'i')) continue;
        const unpinned = positional.slice(1).filter((w) => !isDynamic(w.value) && !w.value.includes(':') && !w.value.endsWith('.gem'));
        if (unpinned.length === 0) continue;
        context.report({
          message: `Pin the version of ${nameList(unpinned)} (\`${unpinned[0].value}:<version>\`): without one every build installs the latest release.`,
          at: spanOf(unpinned),
        });
      }
    });
  },
});
