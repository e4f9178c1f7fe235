import { defineRule } from '../src/types.ts';
import { shellcheckResults } from '../src/shellcheck.ts';

export default defineRule({
  meta: {
    code: 'DO590',
    name: 'shellcheck',
    category: 'correctness',
    severity: 'warning',
    status: 'stable',
    fixable: 'sometimes',
    docs: {
      summary: 'ShellCheck finds a problem in a RUN script (reported as SCxxxx, with ShellCheck\'s own severity).',
      rationale:
        'RUN scripts are shell scripts, with the usual shell traps: unquoted variables that split on spaces, `cd` that fails silently, commands that never run. When the `shellcheck` binary is installed, `dockopt lint` runs it on every shell-form RUN (heredoc scripts included; exec form and non-POSIX SHELLs are skipped) with the stage\'s SHELL as dialect and the ARG/ENV names declared so far as known variables, as hadolint does, and reports each comment at its exact place in the Dockerfile. Suppress one code with `# hadolint ignore=SC2086` or `# dockopt ignore=SC2086` above the RUN; turn it all off with `--rule shellcheck=off`. SC1090, SC1091 and SC2187 are excluded; exclude more with the option `exclude: [SC2086]`. Where ShellCheck suggests an edit, it is offered as an unsafe fix. Without the binary this rule reports nothing (one notice per run). See https://www.shellcheck.net/wiki/ for each code.',
      bad: 'FROM alpine:3.20\nRUN cd /tmp && echo $HOME > /tmp/home\n',
      good: 'FROM alpine:3.20\nWORKDIR /tmp\nRUN echo "$HOME" > /tmp/home\n',
    },
  },
  create(context) {
    const exclude = new Set(((context.options.exclude as string[] | undefined) ?? []).map((c) => String(c).toUpperCase()));
    return {
      end() {
        for (const c of shellcheckResults(context.model) ?? []) {
          if (exclude.has(c.code)) continue;
          context.report({
            message: `${c.code}: ${c.message}`,
            at: { start: c.start, end: c.end },
            severity: c.severity,
            fix: c.fix ? { applicability: 'unsafe', description: `Apply ShellCheck's suggestion for ${c.code}`, edits: c.fix } : null,
          });
        }
      },
    };
  },
});
