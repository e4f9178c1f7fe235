import { defineRule } from '../src/types.ts';
import { keyValues, type Instruction, type Stage, type Span } from '../src/model.ts';
import { parseImageRef } from '../src/rule-helpers.ts';
import { processWord, suggestName } from '../src/variables.ts';

/**
 * Variables that Docker's official images set in their image config. BuildKit knows the base image's
 * environment and does not report these; dockopt does not pull images, so it trusts this list for
 * official images and, for other base images, reports only names that look like typos.
 */
const OFFICIAL_IMAGE_ENV = new Set([
  'PATH', 'LANG', 'LC_ALL', 'LANGUAGE', 'GPG_KEY', 'GPG_KEYS', 'LD_LIBRARY_PATH',
  'PYTHON_VERSION', 'PYTHON_SHA256', 'PYTHON_PIP_VERSION', 'PYTHON_SETUPTOOLS_VERSION', 'PYTHON_GET_PIP_URL', 'PYTHON_GET_PIP_SHA256',
  'NODE_VERSION', 'YARN_VERSION', 'GOLANG_VERSION', 'GOPATH', 'GOTOOLCHAIN',
  'JAVA_HOME', 'JAVA_VERSION', 'MAVEN_HOME', 'MAVEN_CONFIG', 'MAVEN_VERSION', 'GRADLE_HOME', 'GRADLE_VERSION', 'GRADLE_USER_HOME',
  'RUBY_VERSION', 'RUBY_MAJOR', 'RUBY_DOWNLOAD_SHA256', 'RUBY_DOWNLOAD_URL', 'GEM_HOME', 'BUNDLE_SILENCE_ROOT_WARNING', 'BUNDLE_APP_CONFIG',
  'PHP_VERSION', 'PHP_INI_DIR', 'PHP_URL', 'PHP_ASC_URL', 'PHP_SHA256', 'PHP_CFLAGS', 'PHP_CPPFLAGS', 'PHP_LDFLAGS', 'PHPIZE_DEPS',
  'APACHE_CONFDIR', 'APACHE_ENVVARS', 'HTTPD_PREFIX', 'HTTPD_VERSION', 'HTTPD_SHA256', 'HTTPD_PATCHES',
  'NGINX_VERSION', 'NJS_VERSION', 'NJS_RELEASE', 'PKG_RELEASE', 'DYNPKG_RELEASE',
  'CATALINA_HOME', 'TOMCAT_MAJOR', 'TOMCAT_VERSION', 'TOMCAT_SHA512', 'TOMCAT_NATIVE_LIBDIR',
  'RUSTUP_HOME', 'CARGO_HOME', 'RUST_VERSION',
  'PG_MAJOR', 'PG_VERSION', 'PGDATA', 'MYSQL_MAJOR', 'MYSQL_VERSION', 'MARIADB_VERSION', 'MONGO_VERSION', 'MONGO_MAJOR', 'REDIS_VERSION', 'REDIS_DOWNLOAD_URL', 'REDIS_DOWNLOAD_SHA',
  'DOTNET_VERSION', 'ASPNET_VERSION', 'ASPNETCORE_URLS', 'ASPNETCORE_HTTP_PORTS', 'APP_UID', 'DOTNET_RUNNING_IN_CONTAINER', 'DOTNET_SDK_VERSION', 'NUGET_XMLDOC_MODE',
  'OTP_VERSION', 'ELIXIR_VERSION', 'REBAR3_VERSION', 'SWIFT_VERSION', 'SWIFT_PLATFORM', 'JULIA_VERSION', 'JULIA_PATH', 'PERL_VERSION',
  'DOCKER_VERSION', 'DOCKER_TLS_CERTDIR', 'GOSU_VERSION', 'TINI_VERSION', 'JETTY_HOME', 'JETTY_BASE', 'JETTY_VERSION',
  'ELASTIC_CONTAINER', 'ES_TMPDIR', 'KIBANA_VERSION', 'HAPROXY_VERSION', 'HAPROXY_URL', 'HAPROXY_SHA256', 'MEMCACHED_VERSION',
  'RABBITMQ_VERSION', 'RABBITMQ_HOME', 'RABBITMQ_DATA_DIR', 'RABBITMQ_LOGS', 'OPENSSL_VERSION', 'ERLANG_INSTALL_PATH_PREFIX',
  'WORDPRESS_VERSION', 'GHOST_VERSION', 'GHOST_INSTALL', 'GHOST_CONTENT', 'GHOST_CLI_VERSION', 'NODE_ENV',
  'BUSYBOX_VERSION', 'ZOOKEEPER_VERSION', 'ZOO_CONF_DIR', 'ZOO_DATA_DIR', 'CASSANDRA_HOME', 'CASSANDRA_CONF', 'CASSANDRA_VERSION',
]);

type Mode = 'all' | 'official' | 'typos';

/** How much BuildKit's view of the base image environment can be reproduced without pulling it. */
function modeFor(stage: Stage): Mode {
  let root = stage;
  while (root.parentStage) root = root.parentStage;
  const image = (root.resolvedImage ?? '').toLowerCase();
  if (image === 'scratch') return 'all';
  if (!image) return 'typos';
  const ref = parseImageRef(image);
  const official = (ref.registry === null || ref.registry === 'docker.io' || ref.registry === 'index.docker.io') && (!ref.repository.includes('/') || ref.repository.startsWith('library/'));
  return official ? 'official' : 'typos';
}

/** Words of an instruction that BuildKit expands (and reports unset variables in). */
function expandedWords(inst: Instruction): Span[] {
  switch (inst.keyword) {
    case 'ENV':
    case 'LABEL':
    case 'WORKDIR':
    case 'USER':
    case 'VOLUME':
    case 'STOPSIGNAL':
      return inst.args;
    case 'COPY':
    case 'ADD': {
      const flags = inst.flags.filter((f) => f.name === 'chown' || f.name === 'chmod').map((f) => ({ start: f.valueStart, end: f.valueEnd }));
      return [...flags, ...inst.args.filter((a) => !/^<<-?["']?[A-Za-z_]/.test(a.value))];
    }
    case 'RUN':
      return inst.mounts.map((m) => ({ start: m.flag.valueStart, end: m.flag.valueEnd }));
    default:
      return [];
  }
}

export default defineRule({
  meta: {
    code: 'DO404',
    name: 'undefined-variable',
    category: 'correctness',
    severity: 'warning',
    status: 'stable',
    fixable: 'never',
    buildkit: ['UndefinedVar'],
    docs: {
      summary: 'An instruction uses a variable that no ARG or ENV defines before it.',
      rationale:
        'Docker substitutes `$VAR` in ENV, LABEL, COPY, ADD, WORKDIR, USER, VOLUME, STOPSIGNAL and RUN mounts itself, from the ARGs and ENVs declared so far in the stage (global ARGs must be declared again inside the stage) and the base image\'s environment. An unknown name becomes an empty string: `ENV PATH=$PAHT:/app/bin` drops the system PATH, `WORKDIR $APP_DIR` lands in `/`. The values of an ENV are substituted before the instruction runs, so `ENV A=1 B=$A` does not see the new A.\n\nBuildKit knows the base image\'s environment; dockopt does not pull images, so for Docker\'s official images it allows the variables they set (PATH, JAVA_HOME, PYTHON_VERSION, ...), and for other base images it reports only names that look like a typo of a declared one.',
      bad: 'FROM alpine:3.20\nENV PATH=$PAHT:/app/bin\n',
      good: 'FROM alpine:3.20\nENV PATH=$PATH:/app/bin\n',
    },
  },
  create(context) {
    const { model } = context;
    const finalNames = new Map<Stage, Set<string>>();
    let declared = new Set<string>();
    let mode: Mode = 'all';
    return {
      instruction(inst) {
        const stage = inst.stage;
        if (!stage) return;
        if (inst.keyword === 'FROM') {
          declared = new Set(stage.parentStage ? finalNames.get(stage.parentStage) ?? [] : []);
          mode = modeFor(stage);
          return;
        }
        const words = expandedWords(inst);
        const env = new Map<string, string>([['PATH', '/usr/local/bin:/usr/bin:/bin']]);
        for (const n of declared) env.set(n, '');
        const reported = new Set<string>();
        const sameInstruction = inst.keyword === 'ENV' ? new Set(keyValues(inst).map((kv) => kv.key)) : new Set<string>();
        for (const w of words) {
          const raw = model.text.slice(w.start, w.end);
          if (!raw.includes('$')) continue;
          const word = processWord(raw, env, { escapeChar: model.escapeChar });
          for (const ref of word.refs) {
            const name = ref.name;
            if (env.has(name) || reported.has(name) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
            const hint = suggestName(name, [...env.keys(), ...sameInstruction]);
            if (mode === 'official' && OFFICIAL_IMAGE_ENV.has(name) && !hint) continue;
            if (mode === 'typos' && !hint) continue;
            reported.add(name);
            const base =
              sameInstruction.has(name)
                ? `$${name} is set by this same ENV, but ENV substitutes values before any of its assignments take effect, so $${name} is still undefined here; set it in an earlier ENV.`
                : `$${name} is not defined: no ARG or ENV before this ${inst.keywordText} declares it in this stage${mode === 'all' ? '' : ' (nor, as far as dockopt knows, the base image)'}, so it expands to an empty string.`;
            context.report({
              message: hint && hint !== name ? `${base} Did you mean $${hint}?` : base,
              at: { start: w.start + ref.start, end: w.start + ref.end },
            });
          }
        }
        if (inst.keyword === 'ARG' || inst.keyword === 'ENV') for (const kv of keyValues(inst)) declared.add(kv.key);
      },
      stageEnd(stage) {
        finalNames.set(stage, declared);
      },
    };
  },
});
