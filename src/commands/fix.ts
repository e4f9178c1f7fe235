import type { Handler } from '../cli.ts';
import { STDIN_OPERAND } from '../cli.ts';
import { loadConfig } from '../config.ts';
import { fixFiles } from '../fix/files.ts';
import { colorDiff, fixJson, fixSummaryText, unifiedDiff } from '../fix/report.ts';
import { parseRuleFlags, useColor } from './lint.ts';
import { colors } from '../colors.ts';

/**
 * Without --write: print what would change (a unified diff, or JSON) and exit 1 if anything would,
 * 0 if not, so `dockopt fix` works as a CI check. With --write: write the files, exit 0.
 * Unreadable files and fixes that do not converge exit 2 either way.
 */
export const fixCommand: Handler = async (argv, io) => {
  const paths = ((argv.paths as string[]) ?? []).map((p) => (p === STDIN_OPERAND ? '-' : p));
  const stdinName = (argv['stdin-filename'] as string | undefined) ?? 'Dockerfile';
  const stdin = paths.includes('-') ? await io.readStdin() : undefined;
  const config = await loadConfig(io.cwd, argv.config as string | undefined);
  const write = Boolean(argv.write);
  const format = argv.format as string;
  const result = await fixFiles(paths, {
    cwd: io.cwd,
    config,
    ruleOverrides: parseRuleFlags(argv.rule as string[]),
    stdin,
    stdinPath: stdinName,
    unsafe: Boolean(argv.unsafe),
    // --only A,B or --only A --only B
    only: argv.only === undefined ? undefined : ([] as string[]).concat(argv.only as string | string[]),
    multistage: Boolean(argv.multistage),
    dockerignore: argv.dockerignore !== false,
    context: argv.context as string | undefined,
    write,
  });

  if (format === 'json') {
    io.stdout(fixJson(result));
  } else {
    const color = useColor(argv, io, false);
    for (const file of result.files) {
      if (write && file.absolutePath === null && file.output !== undefined) {
        // `dockopt fix --write -`: the fixed text goes to standard output.
        io.stdout(file.output);
        continue;
      }
      if (write || !file.changed) continue;
      const diff = await unifiedDiff(file);
      if (!color) {
        io.stdout(diff);
        continue;
      }
      io.stdout(colorDiff(diff, colors(true)));
    }
  }
  io.stderr(fixSummaryText(result, write));
  if (result.files.some((f) => f.error)) return 2;
  if (!write && result.summary.filesChanged > 0) return 1;
  return 0;
};
