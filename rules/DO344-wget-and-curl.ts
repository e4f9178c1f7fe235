import { defineRule } from '../src/types.ts';
import { runCommands } from '../src/rule-helpers.ts';

export default defineRule({
  meta: {
    code: 'DO344',
    name: 'wget-and-curl',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL4001'],
    docs: {
      summary: 'A stage uses both `wget` and `curl`.',
      rationale: 'Both tools download files; needing both means installing (and keeping up to date, and shipping) two of them. Pick one for the whole Dockerfile.',
      bad: 'FROM debian:bookworm-slim\nRUN curl -fsSL -o /tmp/a.tgz https://example.com/a.tgz\nRUN wget -q -O /tmp/b.tgz https://example.com/b.tgz\n',
      good: 'FROM debian:bookworm-slim\nRUN curl -fsSL -o /tmp/a.tgz https://example.com/a.tgz\nRUN curl -fsSL -o /tmp/b.tgz https://example.com/b.tgz\n',
    },
  },
  create(context) {
    let seen = new Set<string>();
    return {
      RUN(inst) {
        const here = runCommands(inst).filter((c) => c.name === 'curl' || c.name === 'wget');
        if (here.length === 0) return;
        for (const c of here) seen.add(c.name);
        if (seen.size < 2) return;
        context.report({
          message: 'This stage uses both wget and curl: pick one download tool.',
          at: { start: here[0].start, end: here[0].end },
        });
      },
      stageEnd() {
        seen = new Set();
      },
    };
  },
});
