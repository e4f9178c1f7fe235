import { defineRule } from '../src/types.ts';
import { unquote, type Instruction } from '../src/model.ts';
import type { ShellCommand } from '../src/shell.ts';
import { copyOperands, runCommands } from '../src/rule-helpers.ts';

// Archives ADD unpacks by itself: tar, plain or compressed with gzip, bzip2 or xz.
const TAR_ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz)$/i;
const DECOMPRESSORS = new Set(['gunzip', 'bunzip2', 'unxz', 'uncompress', 'zcat', 'gzcat']);

function basename(p: string): string {
  return unquote(p).replace(/\/+$/, '').split('/').pop() ?? '';
}

/** The archive names a command extracts (`tar -xzf /tmp/a.tgz`, `tar xf a.tar`, `gunzip a.tar.gz`). */
function extracted(cmd: ShellCommand): string[] {
  if (cmd.name !== 'tar' && !DECOMPRESSORS.has(cmd.name)) return [];
  const args = cmd.args.map((w) => w.value);
  if (cmd.name === 'tar') {
    const extracting = args.some((v, i) => v === '--extract' || v === '--get' || (/^-[A-Za-z]*x/.test(v) && !v.startsWith('--')) || (i === 0 && /^[A-Za-z]*x[A-Za-z]*$/.test(v)));
    if (!extracting) return [];
    return args.map((v) => (v.startsWith('--file=') ? v.slice(7) : v)).filter((v) => !v.startsWith('-')).map(basename);
  }
  if (DECOMPRESSORS.has(cmd.name)) return args.filter((v) => !v.startsWith('-')).map(basename);
  return [];
}

export default defineRule({
  meta: {
    code: 'DO303',
    name: 'copy-then-extract',
    category: 'best-practice',
    severity: 'info',
    status: 'stable',
    fixable: 'never',
    hadolint: ['DL3010'],
    docs: {
      summary: 'A tar archive is COPYed into the image and then extracted by a RUN; ADD extracts it in one step.',
      rationale:
        'ADD unpacks a local tar archive (plain, gzip, bzip2 or xz) into the destination by itself. COPY followed by `tar -x` stores the archive in one layer and its contents in another, so the image carries the data twice unless the RUN also deletes the archive, which only hides it.',
      bad: 'FROM debian:bookworm-slim\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n',
      good: 'FROM debian:bookworm-slim\nADD app.tar.gz /opt/\n',
    },
  },
  create(context) {
    const reported = new Set<Instruction>();
    return {
      RUN(inst) {
        const names = new Set(runCommands(inst).flatMap(extracted));
        if (names.size === 0 || !inst.stage) return;
        for (const copy of inst.stage.ofKind('COPY')) {
          if (copy.start >= inst.start) break;
          if (reported.has(copy) || copy.flag('from')) continue;
          const { sources, dest } = copyOperands(copy);
          // `COPY x /tmp/app.tar.gz` names the archive by its destination.
          const candidates = dest && TAR_ARCHIVE.test(unquote(dest.value)) ? [dest] : sources.filter((s) => TAR_ARCHIVE.test(unquote(s.value)));
          const hit = candidates.find((s) => names.has(basename(s.value)));
          if (!hit) continue;
          reported.add(copy);
          context.report({
            message: `${basename(hit.value)} is copied here and extracted by the RUN on line ${inst.line + 1}: \`ADD\` extracts a local tar archive in one step, without keeping the archive in a layer.`,
            at: { start: hit.start, end: hit.end },
          });
        }
      },
    };
  },
});
