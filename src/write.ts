// Writing files without ever leaving a half-written one: write a temporary file in the same
// directory (same filesystem), then rename it over the target. Mode is kept when replacing.
import { chmodSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFileAtomic(path: string, content: string | Uint8Array, mode?: number): void {
  let keepMode = mode;
  if (keepMode === undefined) {
    try {
      keepMode = statSync(path).mode & 0o7777;
    } catch {
      /* new file */
    }
  }
  const tmp = join(dirname(path), `.${basename(path)}.dockopt-${process.pid}-${Date.now().toString(36)}.tmp`);
  try {
    writeFileSync(tmp, content, { flag: 'wx', mode: keepMode ?? 0o644 });
    if (keepMode !== undefined) chmodSync(tmp, keepMode);
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
    throw err;
  }
}
