// ShellCheck tests need the `shellcheck` binary (Debian package shellcheck; .ci/run installs it).
// Without it they are skipped with a loud notice; under CI=true a missing binary fails instead.
import { shellcheckAvailable } from '../../src/shellcheck-runner.ts';

const available = shellcheckAvailable();
let warned = false;

/** True when ShellCheck tests should be skipped (the binary is missing, outside CI). */
export function skipShellcheck(): boolean {
  if (available) return false;
  if (process.env.CI) throw new Error('ShellCheck tests must run under CI, but `shellcheck` is not installed (apt-get install shellcheck)');
  if (!warned) console.warn('\n*** SKIPPING SHELLCHECK TESTS: `shellcheck` is not installed (apt-get install shellcheck) ***\n');
  warned = true;
  return true;
}
