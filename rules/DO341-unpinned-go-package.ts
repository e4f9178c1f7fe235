import { defineRule } from '../src/types.ts';
import { positionals } from '../src/shell.ts';
import { everyRun, isDynamic, nameList, spanOf } from '../src/run-helpers.ts';
import { runCommands } from '../src/rule-helpers.ts';

// go build flags whose value may be the next word.
const GO_VALUED = ['-o', '-C', '-modfile', '-tags', '-ldflags', '-gcflags', '-asmflags', '-mod', '-p', '-pkgdir', '-toolexec', '-overlay', '-pgo', '-exec', '-buildmode', '-compiler', '-installsuffix', '-modcacherw'];

function pinned(v: string): boolean {
  // Local packages and files build what is in the context.
  if (v === '.' || v.startsWith('./') || v.startsWith('../') || v.startsWith('/') || v.startsWith('.') || v.endsWith('.go')) return true;
  // A remote module path starts with a domain; `app/server` is a GOPATH or standard-library package.
  if (!/^[^/@]+\.[^/@]*(\/|@|$)/.test(v)) return true;
  const at = v.lastIndexOf('@');
  return at > 0 && !/^(latest|none|upgrade|patch)$/.test(v.slice(at + 1));
}

export default defineRule({
  meta: {
    code: 'DO341',
    name: 'unpinned-go-package',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3062'],
    docs: {
      summary: '`go install`, `go get` or `go run` names a remote package without a version (`@v1.2.3`).',
      rationale:
        'Without a version (or with `@latest`) every build fetches the newest release of the tool, so the image changes and may break without any change to the Dockerfile. Name a version: `go install golang.org/x/tools/gopls@v0.16.2`.',
      bad: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest\n',
      good: 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@v0.16.2\n',
    },
  },
  create(context) {
    return everyRun((inst) => {
      for (const cmd of runCommands(inst)) {
        if (cmd.name !== 'go') continue;
        const words = positionals(cmd, GO_VALUED);
        const verb = words[0]?.value;
        if (verb !== 'install' && verb !== 'get' && verb !== 'run') continue;
        // Everything after the package of `go run` is an argument to the program.
        const packages = verb === 'run' ? words.slice(1, 2) : words.slice(1).filter((w) => w.value !== 'tool');
        const unpinned = packages.filter((w) => !isDynamic(w.value) && !pinned(w.value));
        if (unpinned.length === 0) continue;
        context.report({
          message: `Pin the version of ${nameList(unpinned)} (\`${unpinned[0].value.replace(/@.*$/, '')}@<version>\`): without one every build fetches the newest release.`,
          at: spanOf(unpinned),
        });
      }
    });
  },
});
