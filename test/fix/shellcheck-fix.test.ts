// ShellCheck's suggested edits (DO590) are unsafe fixes: `dockopt fix --unsafe` applies them, the
// default run leaves them out and says so.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dockopt, project } from '../support/cli.ts';
import { skipShellcheck } from '../support/shellcheck.ts';

describe.skipIf(skipShellcheck())('dockopt fix and ShellCheck', () => {
  it('applies ShellCheck fixes with --unsafe only', () => {
    const dir = project(null, { Dockerfile: 'FROM debian:12\nRUN echo $HOME/x\n' });
    const safe = dockopt(['fix', '--only', 'DO590', '--no-dockerignore'], { cwd: dir });
    expect(safe.code).toBe(0);
    expect(safe.stderr).toMatch(/1 unsafe fix left out/);
    const r = dockopt(['fix', '--unsafe', '--only', 'DO590', '--no-dockerignore', '--write'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM debian:12\nRUN echo "$HOME"/x\n');
  });
});
