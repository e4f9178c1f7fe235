// The command line: the only module that touches argv, stdout/stderr and the exit code.
// Each command's module is imported when that command runs, so the lint path stays lean.
import yargs from 'yargs';
import type { Argv } from 'yargs';
import { DockoptError, usageError } from './errors.ts';
import { RuleCrash } from './engine.ts';
import { FORMAT_NAMES } from './formatters/index.ts';
import { buildOptions } from './commands/build-options.ts';
import pkg from '../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
/** Stands for `-` (standard input) among positional operands. */
export const STDIN_OPERAND = '\u0000stdin';

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<string>;
  isTTY: boolean;
  /** Terminal width, for help text. */
  columns: () => number;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export type Handler = (argv: Record<string, unknown>, io: Io) => Promise<number>;

const SEVERITY_CHOICES = ['error', 'warning', 'info', 'style', 'none'];

function lintOptions(y: Argv) {
  return y
    .positional('paths', { describe: 'Dockerfiles, directories or globs; `-` reads standard input', type: 'string', array: true, default: [] })
    .option('format', { alias: 'f', describe: 'Output format', choices: FORMAT_NAMES, default: 'stylish' })
    .option('output', { alias: 'o', describe: 'Write the report to FILE instead of standard output', type: 'string' })
    .option('config', { alias: 'c', describe: 'Config file (default: .dockopt.yaml/.json found upwards, else .hadolint.yaml)', type: 'string' })
    .option('failure-threshold', { describe: 'Lowest severity that fails the run (exit 1)', choices: SEVERITY_CHOICES })
    .option('max-warnings', { describe: 'Fail when there are more than N warnings', type: 'number' })
    .option('quiet', { alias: 'q', describe: 'Report errors only', type: 'boolean', default: false })
    .option('rule', { describe: 'Set a rule: CODE=off|error|warning|info|style (repeatable)', type: 'string', array: true, default: [] })
    .option('baseline', { describe: 'Do not report findings recorded in this baseline file', type: 'string' })
    .option('write-baseline', { describe: 'Record all current findings in FILE and exit 0', type: 'string' })
    .option('stdin-filename', { describe: 'Path to report (and match config against) for standard input', type: 'string' })
    .option('context', { describe: 'Build context directory for the context rules (default: config overrides, else each Dockerfile\'s directory)', type: 'string' })
    .option('iac', { describe: 'Take build contexts from Pulumi/CDK TypeScript files matching GLOB (repeatable; default: discover.iac)', type: 'string', array: true })
    .option('color', { describe: 'Force colour on or off (default: on for a terminal, off with NO_COLOR)', type: 'boolean' });
}

function buildParser(io: Io, argv: string[], result: { code: number }) {
  const run = (load: () => Promise<Handler>) => async (args: Record<string, unknown>) => {
    const handler = await load();
    result.code = await handler(args, io);
  };
  return yargs(argv)
    .scriptName('dockopt')
    .usage('$0 <command> [options]\n\nLint, fix and build Dockerfiles for fast, cached BuildKit builds.')
    .command(['lint [paths..]', '$0'], 'Check Dockerfiles (default command)', lintOptions, run(async () => (await import('./commands/lint.ts')).lintCommand))
    .command(
      'rules',
      'List the rule catalogue',
      (y) =>
        y
          .option('format', { alias: 'f', choices: ['text', 'json', 'markdown'], default: 'text' })
          .option('migration', { describe: 'Print the hadolint / build-check migration tables instead (markdown, or json)', type: 'boolean', default: false }),
      run(async () => (await import('./commands/rules.ts')).rulesCommand),
    )
    .command(
      'explain <code>',
      "Show a rule's documentation",
      (y) => y.positional('code', { describe: 'Rule code (DO101) or name (missing-cache-mount)', type: 'string' }),
      run(async () => (await import('./commands/rules.ts')).explainCommand),
    )
    .command(
      'fix [paths..]',
      'Apply fixes: print a diff (exit 1 if anything would change), or --write the files',
      (y) =>
        y
          .positional('paths', { describe: 'Dockerfiles, directories or globs; `-` reads standard input', type: 'string', array: true, default: [] })
          .option('write', { alias: 'w', describe: 'Write the fixed files (atomically) instead of printing a diff', type: 'boolean', default: false })
          .option('unsafe', { describe: 'Also apply unsafe fixes (incl. the multi-stage rewrite)', type: 'boolean', default: false })
          .option('only', { describe: "Only these rules' fixes: CODE,... (also multistage, dockerignore)", type: 'string' })
          .option('multistage', { describe: 'Rewrite single-stage Dockerfiles into the multi-stage template', type: 'boolean', default: false })
          .option('dockerignore', { describe: 'Create a .dockerignore where a context has none', type: 'boolean', default: true })
          .option('context', { describe: "Build context for the .dockerignore (default: config overrides, else the Dockerfile's directory)", type: 'string' })
          .option('format', { alias: 'f', describe: 'A unified diff, or JSON (files, fixes, remaining findings)', choices: ['diff', 'json'], default: 'diff' })
          .option('config', { alias: 'c', describe: 'Config file (default: found upwards)', type: 'string' })
          .option('rule', { describe: 'Set a rule: CODE=off|error|warning|info|style (repeatable)', type: 'string', array: true, default: [] })
          .option('stdin-filename', { describe: 'Path to report (and match config against) for standard input', type: 'string' })
          .option('color', { describe: 'Force colour on or off', type: 'boolean' }),
      run(async () => (await import('./commands/fix.ts')).fixCommand),
    )
    .command(
      'context [dir]',
      'Show what a build sends: sizes, what .dockerignore excludes, what the Dockerfile never reads',
      (y) =>
        y
          .positional('dir', { describe: 'Build context directory', type: 'string', default: '.' })
          .option('dockerfile', { alias: 'd', describe: 'The Dockerfile (default: DIR/Dockerfile when it exists)', type: 'string' })
          .option('format', { alias: 'f', describe: 'Output format', choices: ['text', 'json'], default: 'text' }),
      run(async () => (await import('./commands/context.ts')).contextCommand),
    )
    .command(
      'targets',
      'List the build targets and where they come from (config, Dockerfiles found, infrastructure code)',
      (y) =>
        y
          .option('format', { alias: 'f', describe: 'Output format', choices: ['text', 'json'], default: 'text' })
          .option('iac', { describe: 'Discover targets in Pulumi/CDK TypeScript files matching GLOB (repeatable; default: discover.iac)', type: 'string', array: true })
          .option('config', { alias: 'c', describe: 'Config file (default: found upwards)', type: 'string' }),
      run(async () => (await import('./commands/targets.ts')).targetsCommand),
    )
    .command('build [targets..]', 'Build images in dependency order, skipping those whose inputs did not change', buildOptions, run(async () => (await import('./commands/build.ts')).buildCommand))
    .strict()
    .version(VERSION)
    .alias('v', 'version')
    .help()
    .alias('h', 'help')
    // Reading the terminal width builds process.stdout (and loads node:stream): only for help.
    .wrap(argv.some((a) => a === '--help' || a === '-h') ? Math.min(100, io.columns()) : 100)
    .fail((msg, err) => {
      if (err) throw err;
      throw usageError(msg, 'see `dockopt --help`');
    });
}

/** Run the CLI and return the exit code. Known errors become one line on stderr and exit 2. */
export async function main(rawArgv: string[], io: Io): Promise<number> {
  // yargs drops a lone `-` positional; carry it through as a marker.
  const argv = rawArgv.map((a) => (a === '-' ? STDIN_OPERAND : a));
  const result = { code: 0 };
  try {
    const parser = buildParser(io, argv, result);
    let helpText = '';
    await parser.parseAsync(argv, {}, (err, _args, output) => {
      if (err) throw err;
      helpText = output;
    });
    if (helpText) io.stdout(`${helpText}\n`);
    return result.code;
  } catch (err) {
    if (err instanceof DockoptError) {
      io.stderr(`dockopt: ${err.format()}\n`);
      return 2;
    }
    if (err instanceof RuleCrash) {
      io.stderr(`dockopt: internal error: ${err.stack}\nPlease report this with the Dockerfile that caused it.\n`);
      return 2;
    }
    throw err;
  }
}
