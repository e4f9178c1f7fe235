// Process wiring for the `dockopt` executable.
import { fstatSync, statSync, writeSync } from 'node:fs';
import { main, type Io } from './cli.ts';

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

/**
 * Write synchronously to a file descriptor. Touching process.stdout builds a stream (and loads
 * node:stream), which is a measurable part of a lint run's start-up; writeSync is not.
 */
function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') continue; // non-blocking pipe is full: retry
      if (code === 'EPIPE') process.exit(process.exitCode ?? 0); // `dockopt rules | head`
      throw err;
    }
  }
}

/** Like tty.isatty, without loading node:tty (which pulls in node:net and node:stream). */
function isTerminal(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    return st.isCharacterDevice() && st.rdev !== statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}

const io: Io = {
  stdout: (s) => writeAll(1, s),
  stderr: (s) => writeAll(2, s),
  readStdin,
  isTTY: isTerminal(1),
  columns: () => process.stdout.columns || 100,
  env: process.env,
  cwd: process.cwd(),
};

main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    writeAll(2, `dockopt: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 2;
  },
);
