// What people migrating from hadolint and `docker build --check` need to know: every hadolint DL
// rule and every Docker build check, the dockopt rules that declare them (read from the
// catalogue, so the tables cannot drift), the DL rules left out and why, and where dockopt
// deliberately behaves differently. `dockopt rules --format markdown --migration` prints it;
// README.md carries that output (scripts/sync-readme.mjs; test/migration.test.ts keeps the two equal).
import type { Rule } from './types.ts';

/** hadolint's DL rules in DL3000-DL3067 and DL4000-DL4006 (DL4002 never existed), as hadolint describes them. */
export const HADOLINT_RULES: readonly { code: string; summary: string }[] = [
  { code: 'DL3000', summary: 'Use absolute WORKDIR' },
  { code: 'DL3001', summary: 'Commands that make no sense in a container (ssh, vim, shutdown, service, ps, free, top, kill, mount)' },
  { code: 'DL3002', summary: 'Last user should not be root' },
  { code: 'DL3003', summary: 'Use WORKDIR to switch to a directory' },
  { code: 'DL3004', summary: 'Do not use sudo' },
  { code: 'DL3005', summary: 'Do not use apt-get upgrade or dist-upgrade' },
  { code: 'DL3006', summary: 'Always tag the version of an image explicitly' },
  { code: 'DL3007', summary: 'Do not use the latest tag' },
  { code: 'DL3008', summary: 'Pin versions in apt-get install' },
  { code: 'DL3009', summary: 'Delete the apt-get lists after installing something' },
  { code: 'DL3010', summary: 'Use ADD for extracting archives into an image' },
  { code: 'DL3011', summary: 'Valid UNIX ports range from 0 to 65535' },
  { code: 'DL3012', summary: 'Multiple HEALTHCHECK instructions' },
  { code: 'DL3013', summary: 'Pin versions in pip' },
  { code: 'DL3014', summary: 'Use the -y switch with apt-get install' },
  { code: 'DL3015', summary: 'Avoid additional packages by specifying --no-install-recommends' },
  { code: 'DL3016', summary: 'Pin versions in npm' },
  { code: 'DL3017', summary: 'Do not use apk upgrade' },
  { code: 'DL3018', summary: 'Pin versions in apk add' },
  { code: 'DL3019', summary: 'Use the --no-cache switch with apk add' },
  { code: 'DL3020', summary: 'Use COPY instead of ADD for files and folders' },
  { code: 'DL3021', summary: 'COPY with more than 2 arguments requires the last argument to end with /' },
  { code: 'DL3022', summary: 'COPY --from should reference a previously defined FROM alias' },
  { code: 'DL3023', summary: 'COPY --from cannot reference its own FROM alias' },
  { code: 'DL3024', summary: 'FROM aliases (stage names) must be unique' },
  { code: 'DL3025', summary: 'Use JSON notation for CMD and ENTRYPOINT arguments' },
  { code: 'DL3026', summary: 'Use only an allowed registry in the FROM image' },
  { code: 'DL3027', summary: 'Do not use apt, use apt-get or apt-cache' },
  { code: 'DL3028', summary: 'Pin versions in gem install' },
  { code: 'DL3029', summary: 'Do not use --platform with FROM' },
  { code: 'DL3030', summary: 'Use the -y switch with yum install' },
  { code: 'DL3031', summary: 'Do not use yum update' },
  { code: 'DL3032', summary: '`yum clean all` missing after yum command' },
  { code: 'DL3033', summary: 'Specify version with yum install' },
  { code: 'DL3034', summary: 'Non-interactive switch missing from zypper command' },
  { code: 'DL3035', summary: 'Do not use zypper dist-upgrade' },
  { code: 'DL3036', summary: '`zypper clean` missing after zypper use' },
  { code: 'DL3037', summary: 'Specify version with zypper install' },
  { code: 'DL3038', summary: 'Use the -y switch with dnf install' },
  { code: 'DL3039', summary: 'Do not use dnf update' },
  { code: 'DL3040', summary: '`dnf clean all` missing after dnf command' },
  { code: 'DL3041', summary: 'Specify version with dnf install' },
  { code: 'DL3042', summary: 'Avoid the pip cache: pip install --no-cache-dir' },
  { code: 'DL3043', summary: 'ONBUILD, FROM or MAINTAINER triggered from within ONBUILD' },
  { code: 'DL3044', summary: 'Do not refer to an environment variable within the same ENV statement' },
  { code: 'DL3045', summary: 'COPY to a relative destination without WORKDIR set' },
  { code: 'DL3046', summary: 'useradd without -l and a high UID makes a huge image' },
  { code: 'DL3047', summary: 'wget without --progress bloats the build log' },
  { code: 'DL3048', summary: 'Invalid label key' },
  { code: 'DL3049', summary: 'Label is missing (label schema)' },
  { code: 'DL3050', summary: 'Superfluous labels present (strict labels)' },
  { code: 'DL3051', summary: 'Label is empty (label schema)' },
  { code: 'DL3052', summary: 'Label is not a valid URL (label schema)' },
  { code: 'DL3053', summary: 'Label is not a valid RFC 3339 time (label schema)' },
  { code: 'DL3054', summary: 'Label is not a valid SPDX license identifier (label schema)' },
  { code: 'DL3055', summary: 'Label is not a valid git hash (label schema)' },
  { code: 'DL3056', summary: 'Label is not a semantic version (label schema)' },
  { code: 'DL3057', summary: 'HEALTHCHECK instruction missing' },
  { code: 'DL3058', summary: 'Label is not a valid e-mail address (label schema)' },
  { code: 'DL3059', summary: 'Multiple consecutive RUN instructions' },
  { code: 'DL3060', summary: '`yarn cache clean` missing after yarn install' },
  { code: 'DL3061', summary: 'The Dockerfile must begin with FROM, ARG or a comment' },
  { code: 'DL3062', summary: 'Pin versions in go install' },
  { code: 'DL3063', summary: 'Stage name should not be a reserved word' },
  { code: 'DL3064', summary: 'Sensitive data in ARG or ENV' },
  { code: 'DL3065', summary: 'FROM --platform=$TARGETPLATFORM is redundant' },
  { code: 'DL3066', summary: 'Non-numeric user id' },
  { code: 'DL3067', summary: 'Do not copy an entire filesystem from another stage' },
  { code: 'DL4000', summary: 'MAINTAINER is deprecated' },
  { code: 'DL4001', summary: 'Either use wget or curl, not both' },
  { code: 'DL4003', summary: 'Multiple CMD instructions' },
  { code: 'DL4004', summary: 'Multiple ENTRYPOINT instructions' },
  { code: 'DL4005', summary: 'Use SHELL to change the default shell' },
  { code: 'DL4006', summary: 'Set SHELL -o pipefail before RUN with a pipe' },
];

/** DL rules no dockopt rule declares, and why. */
export const HADOLINT_LEFT_OUT: Readonly<Record<string, string>> = {
  DL3005:
    'No longer in hadolint\'s rule list: upgrading the packages of the base image is what Docker\'s best practices now recommend when the base image lags behind on security fixes. `apt-get dist-upgrade` (which can add and remove packages) is reported by DO503 apt-get-dist-upgrade.',
  DL3017: 'Removed from hadolint in 2021 (hadolint#677): `apk upgrade` is the recommended way to pick up security fixes the base image does not have yet.',
  DL3031: 'Removed from hadolint in 2021 (hadolint#677): `yum update` is the recommended way to pick up security fixes the base image does not have yet.',
  DL3039: 'Removed from hadolint in 2021 (hadolint#677): `dnf update` is the recommended way to pick up security fixes the base image does not have yet.',
};

/** Where the dockopt rule deliberately differs from hadolint (off-by-default is added from the catalogue). */
export const HADOLINT_NOTES: Readonly<Record<string, string>> = {
  DL3008: 'Off by default: mirrors drop old versions, so pins break builds; pin the base image by digest instead. Packages named by a variable are not judged.',
  DL3009: 'Cache mounts for `/var/cache/apt` and `/var/lib/apt` also satisfy it, and are what the message recommends.',
  DL3013: 'Packages named by a variable are not judged.',
  DL3016: 'Also checks `npm i` and `npm add`; `@latest` is not a version.',
  DL3018: 'Off by default, as DL3008. `~`, `<` and `>` constraints count as pins.',
  DL3019: 'A cache mount for `/var/cache/apk` also satisfies it (recommended). `apk add --no-network` downloads nothing and is not reported. The fix adds `--no-cache`.',
  DL3021: 'Also checks ADD. `.` is a directory, as BuildKit treats it. The fix adds the `/`.',
  DL3026: 'Reads `trustedRegistries` from the dockopt config or `.hadolint.yaml`; `*` wildcards allowed.',
  DL3027: 'The fix replaces `apt` with `apt-get` where both do the same (not for `apt upgrade`).',
  DL3029: 'Only a constant platform is reported, as BuildKit\'s FromPlatformFlagConstDisallowed: `--platform=$BUILDPLATFORM` is the cross-compilation pattern, and a stage named after its platform is accepted.',
  DL3030: 'Also covers the other yum commands that ask for confirmation (update, remove, ...). The fix adds `-y`.',
  DL3032: 'A cache mount for `/var/cache/yum` also satisfies it (recommended).',
  DL3033: 'Off by default, as DL3008. A dash followed by a letter is part of the name (`python3-devel` is not pinned).',
  DL3034: 'The global `-n`/`--non-interactive` also counts. The fix adds `-y`.',
  DL3036: 'A cache mount for `/var/cache/zypp` also satisfies it (recommended).',
  DL3037: 'Off by default, as DL3008.',
  DL3038: 'Also covers tdnf and the other dnf commands that ask for confirmation. The fix adds `-y`.',
  DL3040: 'Also covers microdnf and tdnf. A cache mount for the dnf cache also satisfies it (recommended).',
  DL3041: 'Off by default, as DL3033; also covers microdnf and tdnf.',
  DL3042: 'A cache mount for pip\'s cache (which follows the user) or `PIP_NO_CACHE_DIR=1` also satisfy it; the cache mount is recommended. The fix adds `--no-cache-dir`.',
  DL3046: 'The fix adds `-l`.',
  DL3047: 'The fix adds `--progress=dot:giga`; it is marked unsafe where BusyBox wget (Alpine) may run, which does not know the option.',
  DL3049: 'Reported on the FROM of each stage that lacks the label, as hadolint does.',
  DL3057: 'Only the final stage (and the stages it builds on) must have a HEALTHCHECK.',
  DL3059: 'One finding per group of consecutive RUNs, at its second RUN (hadolint reports every RUN after the first).',
  DL3060: 'A cache mount for yarn\'s cache also satisfies it (recommended). Also covers `yarn` and `yarn add`.',
  DL3062: 'Packages without a domain (GOPATH and standard-library packages) are local, as are paths.',
  DL3064: 'Uses BuildKit\'s word list (SecretsUsedInArgOrEnv): names such as `*_USERNAME` alone are not reported.',
  DL3066: 'Off by default: it matters to Kubernetes `runAsNonRoot`. Values from build arguments without a default are not judged.',
  DL3067: 'Copying `tonistiigi/xx` whole is its documented use and is not reported.',
};

/** Docker's build checks (`docker build --check`). */
export const BUILDKIT_CHECKS: readonly string[] = [
  'ConsistentInstructionCasing', 'CopyIgnoredFile', 'DuplicateStageName', 'ExposeInvalidFormat', 'ExposeProtoCasing', 'FromAsCasing',
  'FromPlatformFlagConstDisallowed', 'InvalidBaseImagePlatform', 'InvalidDefaultArgInFrom', 'InvalidDefinitionDescription',
  'JSONArgsRecommended', 'LegacyKeyValueFormat', 'MaintainerDeprecated', 'MultipleInstructionsDisallowed', 'NoEmptyContinuation',
  'RedundantTargetPlatform', 'ReservedStageName', 'SecretsUsedInArgOrEnv', 'StageNameCasing', 'UndefinedArgInFrom', 'UndefinedVar',
  'WorkdirRelativePath',
];

export interface MigrationEntry {
  code: string;
  summary: string;
  rules: { code: string; name: string; enabledByDefault: boolean }[];
  note: string;
}

export function hadolintMigration(rules: readonly Rule[]): MigrationEntry[] {
  return HADOLINT_RULES.map(({ code, summary }) => {
    const matching = rules.filter((r) => r.meta.hadolint?.includes(code));
    const off = matching.length > 0 && matching.every((r) => r.meta.enabledByDefault === false);
    const note = HADOLINT_LEFT_OUT[code] ?? HADOLINT_NOTES[code] ?? '';
    return {
      code,
      summary,
      rules: matching.map((r) => ({ code: r.meta.code, name: r.meta.name, enabledByDefault: r.meta.enabledByDefault !== false })),
      note: off && !/^Off by default/.test(note) ? `Off by default.${note ? ` ${note}` : ''}` : note,
    };
  });
}

export function buildkitMigration(rules: readonly Rule[]): { check: string; rules: { code: string; name: string }[] }[] {
  return BUILDKIT_CHECKS.map((check) => ({
    check,
    rules: rules.filter((r) => r.meta.buildkit?.includes(check)).map((r) => ({ code: r.meta.code, name: r.meta.name })),
  }));
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

/** The migration guide as Markdown (placed in README.md by scripts/sync-readme.mjs). */
export function migrationMarkdown(rules: readonly Rule[]): string {
  const hadolint = hadolintMigration(rules);
  const covered = hadolint.filter((e) => e.rules.length > 0);
  const buildkit = buildkitMigration(rules);
  const bkCovered = buildkit.filter((e) => e.rules.length > 0);
  const ruleCell = (rs: { code: string; name: string }[]) => (rs.length ? rs.map((r) => `${r.code} \`${r.name}\``).join(', ') : '—');
  const lines = [
    '# Migrating from hadolint and `docker build --check`',
    '',
    '<!-- Generated by `dockopt rules --format markdown --migration`; test/migration.test.ts fails when it is out of date. -->',
    '',
    'Each dockopt rule declares the hadolint codes and Docker build checks it covers, so existing suppressions keep working:',
    '',
    '- `# hadolint ignore=DL3008` and `# hadolint global ignore=DL3008` suppress the dockopt rules that declare DL3008;',
    '- `# check=skip=JSONArgsRecommended` (and `skip=all`, `error=true`) apply to the rules that declare a build check;',
    '- without a dockopt config, `.hadolint.yaml` is read: `ignored` turns the matching rules off, `override` sets their severity',
    '  (and turns on a rule that is off by default), and `failure-threshold`, `trustedRegistries`, `label-schema` and',
    '  `strict-labels` become `failureThreshold`, `trustedRegistries`, `labelSchema` and `strictLabels`;',
    '- `dockopt explain DL3008` shows the dockopt rule for a hadolint code or build check name.',
    '',
    'hadolint runs ShellCheck on RUN scripts; dockopt does too when the `shellcheck` binary is installed, and reports its',
    'findings under their SC codes, which `# hadolint ignore=SC2086` suppresses as before.',
    '',
    '## hadolint',
    '',
    `${covered.length} of the ${hadolint.length} hadolint DL rules have a dockopt equivalent.`,
    '',
    '| hadolint | What it checks | dockopt | Differences |',
    '| --- | --- | --- | --- |',
    ...hadolint.map((e) => `| ${e.code} | ${cell(e.summary)} | ${e.rules.length ? ruleCell(e.rules) : 'left out'} | ${cell(e.rules.length ? e.note : 'See below.')} |`),
    '',
    '### Left out',
    '',
    '| hadolint | What it checked | Why |',
    '| --- | --- | --- |',
    ...hadolint.filter((e) => e.rules.length === 0).map((e) => `| ${e.code} | ${cell(e.summary)} | ${cell(e.note || 'Not implemented yet.')} |`),
    '',
    '## Docker build checks',
    '',
    `${bkCovered.length} of the ${buildkit.length} build checks have a dockopt equivalent.`,
    '',
    '| Build check | dockopt |',
    '| --- | --- |',
    ...buildkit.map((e) => `| ${e.check} | ${e.rules.length ? ruleCell(e.rules) : 'not yet'} |`),
    '',
  ];
  return lines.join('\n');
}
