import { defineRule } from '../src/types.ts';
import type { Span } from '../src/model.ts';
import { findOption, type ShellCommand } from '../src/shell.ts';
import { runCommands } from '../src/rule-helpers.ts';

const GPGCHECK_OFF = /(^|[.\s=]|\\n)(repo_)?gpgcheck\s*=\s*(0|false|no)\b/i;

function findings(cmd: ShellCommand): { message: string; at: Span }[] {
  const out: { message: string; at: Span }[] = [];
  const add = (at: Span | undefined, message: string) => {
    if (at) out.push({ message, at });
  };
  const name = cmd.name;
  if (name === 'apk') add(findOption(cmd, ['--allow-untrusted']), 'apk --allow-untrusted installs packages whose signature is missing or unknown: anything can be installed. Add the signing key to /etc/apk/keys instead.');
  if (name === 'apt-get' || name === 'apt' || name === 'aptitude') {
    for (const flag of ['--allow-unauthenticated', '--force-yes', '--allow-insecure-repositories']) {
      add(findOption(cmd, [flag]), `${name} ${flag} installs packages that fail signature checks. Add the repository's key (signed-by=) instead.`);
    }
    for (const w of cmd.args) {
      if (/^(APT::Get::AllowUnauthenticated|Acquire::AllowInsecureRepositories)\s*=\s*"?(true|1|yes)"?$/i.test(w.value)) add(w, `${w.value} turns off apt's signature checks.`);
    }
  }
  if (['yum', 'dnf', 'microdnf', 'tdnf', 'rpm'].includes(name)) add(findOption(cmd, ['--nogpgcheck']), `${name} --nogpgcheck installs packages without checking their GPG signatures. Import the repository key (rpm --import) instead.`);
  if (name === 'zypper') add(findOption(cmd, ['--no-gpg-checks', '--no-gpg-check']), 'zypper --no-gpg-checks installs packages without checking their signatures. Import the repository key instead.');
  if (name === 'rpm') add(findOption(cmd, ['--nosignature']), 'rpm --nosignature installs a package without checking its signature. Import the key (rpm --import) instead.');
  for (const w of cmd.words) {
    if (GPGCHECK_OFF.test(w.value)) add(w, 'gpgcheck=0 makes yum/dnf install packages without checking their signatures. Keep gpgcheck=1 and import the key.');
    else if (/\[(?:[^\]]*\s)?trusted=yes(?:\s[^\]]*)?\]/.test(w.value) && !/\]\s*(file|copy):/.test(w.value)) add(w, 'An apt source marked [trusted=yes] is used without any signature check. Use signed-by= with the repository key instead.');
  }
  return out;
}

export default defineRule({
  meta: {
    code: 'DO501',
    name: 'package-signature-check-disabled',
    category: 'security',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    docs: {
      summary: 'A package manager is told to install packages without checking their signatures.',
      rationale:
        'Package signatures are what proves a package comes from the distribution or vendor and was not changed on a mirror or in transit. Covers `apk --allow-untrusted`, `apt-get --allow-unauthenticated` / `--force-yes` / `--allow-insecure-repositories`, apt sources marked `[trusted=yes]` (except local `file:` repositories built in the same RUN), `--nogpgcheck` (yum, dnf, microdnf, tdnf, rpm), `zypper --no-gpg-checks`, `rpm --nosignature` and `gpgcheck=0` in repository settings. Import the repository key instead. Checkov has one check per tool for these (CKV2_DOCKER_9 for --nogpgcheck, ...).',
      bad: 'FROM alpine:3.20\nCOPY tool.apk /tmp/\nRUN apk add --no-cache --allow-untrusted /tmp/tool.apk\n',
      good: 'FROM alpine:3.20\nCOPY tool.apk /tmp/\nCOPY keys/tool.rsa.pub /etc/apk/keys/\nRUN apk add --no-cache /tmp/tool.apk\n',
    },
  },
  create(context) {
    return {
      RUN(inst) {
        for (const cmd of runCommands(inst)) for (const f of findings(cmd)) context.report(f);
      },
    };
  },
});
