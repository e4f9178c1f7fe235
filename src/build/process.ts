// Child processes for builds: always an argument array (never a shell string), each in its own
// process group so that stopping a build stops everything it started (the docker client, buildx
// plugins, ...). A terminal's Ctrl-C only reaches dockopt's own group; dockopt forwards it.

export interface Command {
  command: string;
  args: string[];
  /** Added to (or, with undefined, removed from) the inherited environment. */
  env?: Record<string, string | undefined>;
  cwd?: string;
}

export interface ProcessResult {
  /** Exit code, or null when killed by a signal or not started. */
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Why the process could not be started (e.g. `ENOENT`), else null. */
  spawnError: string | null;
}

export interface RunOptions {
  /** Each line of standard output and standard error, as it arrives. */
  onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
  /** Aborting stops the process group: SIGINT first, SIGKILL after `killAfterMs`. */
  signal?: AbortSignal;
  killAfterMs?: number;
  baseEnv?: NodeJS.ProcessEnv;
}

function commandEnv(command: Command, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const [k, v] of Object.entries(command.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return env;
}

export function runProcess(command: Command, options: RunOptions = {}): Promise<ProcessResult> {
  return new Promise((resolveRun) => {
    if (options.signal?.aborted) {
      resolveRun({ code: null, signal: 'SIGINT', spawnError: null });
      return;
    }
    // Loaded on first use: a build where everything is up to date starts no process at all.
    const { spawn } = process.getBuiltinModule('node:child_process') as typeof import('node:child_process');
    const child = spawn(command.command, command.args, {
      cwd: command.cwd,
      env: commandEnv(command, options.baseEnv),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let spawnError: string | null = null;
    let killTimer: NodeJS.Timeout | null = null;
    const killGroup = (sig: NodeJS.Signals) => {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, sig);
      } catch {
        /* already gone */
      }
    };
    const onAbort = () => {
      killGroup('SIGINT');
      killTimer = setTimeout(() => killGroup('SIGKILL'), options.killAfterMs ?? 5000);
      killTimer.unref();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const split = (stream: NodeJS.ReadableStream, name: 'stdout' | 'stderr') => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const parts = (rest + chunk).split('\n');
        rest = parts.pop()!;
        for (const p of parts) options.onLine?.(p.endsWith('\r') ? p.slice(0, -1) : p, name);
      });
      stream.on('end', () => {
        if (rest) options.onLine?.(rest, name);
        rest = '';
      });
    };
    split(child.stdout, 'stdout');
    split(child.stderr, 'stderr');
    child.on('error', (err: NodeJS.ErrnoException) => {
      spawnError = err.code ?? err.message;
    });
    child.on('close', (code, sig) => {
      options.signal?.removeEventListener('abort', onAbort);
      if (killTimer) clearTimeout(killTimer);
      // Anything the client left behind in its group goes too.
      if (options.signal?.aborted) killGroup('SIGKILL');
      resolveRun({ code: spawnError ? null : code, signal: sig, spawnError });
    });
  });
}

export interface Captured extends ProcessResult {
  stdout: string;
  stderr: string;
}

/** Run a short command and collect its output. */
export async function capture(command: Command, options: Omit<RunOptions, 'onLine'> = {}): Promise<Captured> {
  const out: string[] = [];
  const err: string[] = [];
  const result = await runProcess(command, { ...options, onLine: (line, stream) => (stream === 'stdout' ? out : err).push(line) });
  return { ...result, stdout: out.join('\n'), stderr: err.join('\n') };
}
