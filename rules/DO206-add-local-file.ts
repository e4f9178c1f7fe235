import { defineRule } from '../src/types.ts';
import { copyOperands } from '../src/rule-helpers.ts';

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz|tar\.zst|tzst)$/i;
const REMOTE = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;

export default defineRule({
  meta: {
    code: 'DO206',
    name: 'add-local-file',
    category: 'best-practice',
    severity: 'warning',
    status: 'stable',
    fixable: 'always',
    hadolint: ['DL3020'],
    docs: {
      summary: 'ADD copies local files or folders; COPY does that without surprises.',
      rationale: 'ADD also extracts archives and downloads URLs, so `ADD` of a local file may do more than the reader expects. Use COPY for plain files; keep ADD for local archives to extract and for remote sources.',
      bad: 'FROM alpine:3.20\nADD app.py /app/\n',
      good: 'FROM alpine:3.20\nCOPY app.py /app/\n',
    },
  },
  create(context) {
    return {
      ADD(inst) {
        const { sources } = copyOperands(inst);
        if (sources.length === 0) return;
        if (sources.some((s) => REMOTE.test(s.value) || ARCHIVE.test(s.value) || /\$/.test(s.value))) return;
        if (inst.flag('checksum') || inst.flag('keep-git-dir') || inst.flag('unpack')) return;
        context.report({
          message: 'Use COPY instead of ADD for local files and folders: ADD would also extract archives.',
          at: { start: inst.keywordStart, end: inst.keywordEnd },
          fix: { applicability: 'safe', description: 'Replace ADD with COPY', edits: [{ start: inst.keywordStart, end: inst.keywordEnd, text: inst.keywordText === inst.keywordText.toLowerCase() ? 'copy' : 'COPY' }] },
        });
      },
    };
  },
});
