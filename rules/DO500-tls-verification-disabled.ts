import { defineRule } from '../src/types.ts';
import type { Span } from '../src/model.ts';
import { findOption, type ShellCommand } from '../src/shell.ts';
import { runCommands } from '../src/rule-helpers.ts';
import { assignments } from '../src/security.ts';

const FALSE = /^(0|false|no|off)$/i;

/** Environment variables that turn certificate checks off, and when. */
const VARIABLES: { name: RegExp; off: (v: string) => boolean; what: string }[] = [
  { name: /^PYTHONHTTPSVERIFY$/, off: (v) => v === '0', what: "Python's https clients stop verifying certificates" },
  { name: /^NODE_TLS_REJECT_UNAUTHORIZED$/, off: (v) => v === '0', what: 'Node.js accepts any TLS certificate' },
  { name: /^GIT_SSL_NO_VERIFY$/, off: () => true, what: 'git stops verifying certificates (any value counts, even "false")' },
  { name: /^npm_config_strict_ssl$/i, off: (v) => FALSE.test(v), what: 'npm stops verifying the registry certificate' },
  { name: /^YARN_(ENABLE_)?STRICT_SSL$/, off: (v) => FALSE.test(v), what: 'yarn stops verifying the registry certificate' },
  { name: /^PIP_TRUSTED_HOST$/, off: (v) => v.trim() !== '', what: 'pip accepts plain HTTP or any certificate from these hosts' },
  { name: /^GOINSECURE$/, off: (v) => v.trim() !== '', what: 'go fetches these modules without checking certificates' },
];

const SSLVERIFY_OFF = /(^|[.\s=]|\\n)sslverify\s*=\s*(0|false|no)\b/i;

function commandFindings(cmd: ShellCommand): { message: string; at: Span }[] {
  const out: { message: string; at: Span }[] = [];
  const add = (at: Span, message: string) => out.push({ message, at });
  const args = cmd.args;
  const name = cmd.name;
  if (name === 'curl') {
    const w = findOption(cmd, ['-k', '--insecure', '--proxy-insecure']);
    if (w) add(w, `curl ${w.value} turns off certificate verification: anyone on the network path can replace what is downloaded. Fix the CA bundle (install ca-certificates) instead.`);
  }
  if (name === 'wget') {
    const w = findOption(cmd, ['--no-check-certificate']);
    if (w) add(w, 'wget --no-check-certificate turns off certificate verification: anyone on the network path can replace what is downloaded. Install ca-certificates instead.');
  }
  const pip = /^pip(\d+(\.\d+)?)?$/.test(name) || (/^python(\d+(\.\d+)?)?$/.test(name) && args[0]?.value === '-m' && /^pip/.test(args[1]?.value ?? ''));
  if (pip) {
    const w = findOption(cmd, ['--trusted-host']) ?? args.find((a) => /(^|\.)trusted-host$/.test(a.value));
    if (w) add(w, 'pip --trusted-host accepts plain HTTP or any certificate from that host: packages can be replaced in transit. Use HTTPS with a valid certificate (or a CA bundle via PIP_CERT).');
  }
  if (name === 'git') {
    for (let i = 0; i < args.length; i++) {
      const v = args[i].value;
      const inline = /^http\.(.+\.)?sslverify=(.*)$/i.exec(v);
      if (inline && FALSE.test(inline[2])) add(args[i], 'git -c http.sslVerify=false turns off certificate verification for the clone or fetch. Fix the CA bundle instead.');
      if (/^http\.(.+\.)?sslverify$/i.test(v) && FALSE.test(args[i + 1]?.value ?? '') && args.some((a) => a.value === 'config')) {
        add(args[i], 'git config http.sslVerify false turns off certificate verification for every later git command in the image. Fix the CA bundle instead.');
      }
    }
  }
  if (name === 'npm' || name === 'yarn' || name === 'pnpm') {
    for (let i = 0; i < args.length; i++) {
      const v = args[i].value;
      const flag = /^--strict-ssl(?:=(.*))?$/i.exec(v);
      if (flag && FALSE.test(flag[1] ?? args[i + 1]?.value ?? '')) add(args[i], `${name} --strict-ssl=false turns off certificate verification for the registry.`);
      if (/^(strict-ssl|enableStrictSsl)$/i.test(v) && FALSE.test(args[i + 1]?.value ?? '') && args.some((a) => a.value === 'set' || a.value === 'config')) {
        add(args[i], `${name} config set ${v} false turns off certificate verification for the registry, for every later install.`);
      }
    }
  }
  for (const w of name === 'git' ? [] : cmd.words) {
    if (SSLVERIFY_OFF.test(w.value)) add(w, 'sslverify=0 makes yum/dnf download packages and metadata without checking the server certificate. Keep sslverify on.');
  }
  return out;
}

export default defineRule({
  meta: {
    code: 'DO500',
    name: 'tls-verification-disabled',
    category: 'security',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    docs: {
      summary: 'A download tool, package manager or runtime is told not to verify TLS certificates.',
      rationale:
        'Without certificate verification, HTTPS is no better than HTTP: anyone between the build machine and the server can serve a different package or script, and it ends up in the image. Covers `curl -k`, `wget --no-check-certificate`, `pip --trusted-host`, `git -c http.sslVerify=false`, npm/yarn `strict-ssl false`, yum/dnf `sslverify=0`, and the variables `PYTHONHTTPSVERIFY=0`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `GIT_SSL_NO_VERIFY`, `NPM_CONFIG_STRICT_SSL=false`, `PIP_TRUSTED_HOST` and `GOINSECURE` (in ENV, ARG defaults and RUN). When a certificate really fails, install the CA (`ca-certificates`, or your proxy\'s CA) instead. Checkov has one check per tool for these (CKV2_DOCKER_2 for curl, CKV2_DOCKER_15 for yum/dnf, ...).',
      bad: 'FROM alpine:3.20\nRUN wget -qO- --no-check-certificate https://example.com/install.sh | sh\n',
      good: 'FROM alpine:3.20\nRUN apk add --no-cache ca-certificates && wget -qO- https://example.com/install.sh | sh\n',
    },
  },
  create(context) {
    return {
      instruction(inst) {
        for (const a of assignments(inst)) {
          const v = VARIABLES.find((x) => x.name.test(a.name));
          if (v && v.off(a.value)) context.report({ message: `${a.via} ${a.name}=${a.value}: ${v.what}, so downloads can be replaced in transit.`, at: a.at });
        }
        for (const cmd of runCommands(inst)) for (const f of commandFindings(cmd)) context.report(f);
      },
    };
  },
});
