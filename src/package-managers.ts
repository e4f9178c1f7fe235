// What dockopt knows about package managers: which shell commands install or download
// dependencies, where each tool keeps its download cache (per user), which files are its
// manifests, and which flags/commands disable or delete the cache.
import type { ShellCommand } from './shell.ts';
import { hasOption, positionals } from './shell.ts';
import { lastBefore, type DockerfileModel, type Instruction, type Stage } from './model.ts';

export type PackageManagerId =
  | 'pip'
  | 'uv'
  | 'poetry'
  | 'pipenv'
  | 'npm'
  | 'yarn'
  | 'pnpm'
  | 'apt'
  | 'apk'
  | 'dnf'
  | 'yum'
  | 'microdnf'
  | 'tdnf'
  | 'zypper'
  | 'go'
  | 'cargo'
  | 'maven'
  | 'gradle'
  | 'bundler'
  | 'gem'
  | 'composer';

export type Ecosystem = 'python' | 'node' | 'system' | 'go' | 'rust' | 'java' | 'ruby' | 'php';

export interface CacheSpec {
  /** Target directory, `~` standing for the user's home. */
  target: string;
  /** Environment variable that relocates the cache, if any. */
  env?: string;
  /** apt needs sharing=locked: two concurrent apt runs on one cache corrupt it. */
  sharing?: 'locked' | 'shared' | 'private';
  /** Only these actions use the cache (go's build cache is not touched by `go mod download`). */
  usedBy?: PackageManagerUse['action'][];
}

export interface PackageManagerUse {
  manager: PackageManagerId;
  ecosystem: Ecosystem;
  command: ShellCommand;
  /** What this command does with dependencies. */
  action: 'install' | 'download' | 'build' | 'update-index';
  /**
   * Context inputs this command needs, when known: manifest file names (relative to WORKDIR)
   * or local paths for path installs. `null` means it needs the whole source tree.
   */
  inputs: string[] | null;
  /** Installs only from manifests/registries (not from local source paths). */
  fromManifests: boolean;
  /** The command disables its cache (`--no-cache-dir`, `apk --no-cache`). */
  cacheDisabled: boolean;
}

export interface PackageManagerInfo {
  id: PackageManagerId;
  ecosystem: Ecosystem;
  caches: CacheSpec[];
  manifests: string[];
}

export const PACKAGE_MANAGERS: Record<PackageManagerId, PackageManagerInfo> = {
  pip: { id: 'pip', ecosystem: 'python', caches: [{ target: '~/.cache/pip', env: 'PIP_CACHE_DIR' }], manifests: ['requirements*.txt', 'constraints*.txt', 'setup.py', 'setup.cfg'] },
  uv: { id: 'uv', ecosystem: 'python', caches: [{ target: '~/.cache/uv', env: 'UV_CACHE_DIR' }], manifests: ['pyproject.toml', 'uv.lock', 'requirements*.txt'] },
  poetry: { id: 'poetry', ecosystem: 'python', caches: [{ target: '~/.cache/pypoetry', env: 'POETRY_CACHE_DIR' }], manifests: ['pyproject.toml', 'poetry.lock'] },
  pipenv: { id: 'pipenv', ecosystem: 'python', caches: [{ target: '~/.cache/pipenv', env: 'PIPENV_CACHE_DIR' }], manifests: ['Pipfile', 'Pipfile.lock'] },
  npm: { id: 'npm', ecosystem: 'node', caches: [{ target: '~/.npm', env: 'npm_config_cache' }], manifests: ['package.json', 'package-lock.json', 'npm-shrinkwrap.json', '.npmrc'] },
  yarn: { id: 'yarn', ecosystem: 'node', caches: [{ target: '/usr/local/share/.cache/yarn', env: 'YARN_CACHE_FOLDER' }], manifests: ['package.json', 'yarn.lock', '.yarnrc', '.yarnrc.yml'] },
  pnpm: { id: 'pnpm', ecosystem: 'node', caches: [{ target: '~/.local/share/pnpm/store', env: 'PNPM_HOME' }], manifests: ['package.json', 'pnpm-lock.yaml', 'pnpm-workspace.yaml', '.npmrc'] },
  apt: {
    id: 'apt',
    ecosystem: 'system',
    caches: [
      { target: '/var/cache/apt', sharing: 'locked' },
      { target: '/var/lib/apt', sharing: 'locked' },
    ],
    manifests: [],
  },
  apk: { id: 'apk', ecosystem: 'system', caches: [{ target: '/var/cache/apk' }], manifests: [] },
  dnf: { id: 'dnf', ecosystem: 'system', caches: [{ target: '/var/cache/dnf', sharing: 'locked' }], manifests: [] },
  yum: { id: 'yum', ecosystem: 'system', caches: [{ target: '/var/cache/yum', sharing: 'locked' }], manifests: [] },
  microdnf: { id: 'microdnf', ecosystem: 'system', caches: [{ target: '/var/cache/yum', sharing: 'locked' }], manifests: [] },
  tdnf: { id: 'tdnf', ecosystem: 'system', caches: [{ target: '/var/cache/tdnf', sharing: 'locked' }], manifests: [] },
  zypper: { id: 'zypper', ecosystem: 'system', caches: [{ target: '/var/cache/zypp', sharing: 'locked' }], manifests: [] },
  go: {
    id: 'go',
    ecosystem: 'go',
    caches: [
      { target: '/go/pkg/mod', env: 'GOMODCACHE' },
      { target: '~/.cache/go-build', env: 'GOCACHE', usedBy: ['build', 'install'] },
    ],
    manifests: ['go.mod', 'go.sum', 'go.work', 'go.work.sum'],
  },
  cargo: {
    id: 'cargo',
    ecosystem: 'rust',
    caches: [
      { target: '/usr/local/cargo/registry', env: 'CARGO_HOME' },
      { target: '/usr/local/cargo/git', env: 'CARGO_HOME' },
    ],
    manifests: ['Cargo.toml', 'Cargo.lock'],
  },
  maven: { id: 'maven', ecosystem: 'java', caches: [{ target: '~/.m2' }], manifests: ['pom.xml', '.mvn'] },
  gradle: { id: 'gradle', ecosystem: 'java', caches: [{ target: '~/.gradle', env: 'GRADLE_USER_HOME' }], manifests: ['build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', 'gradle.properties', 'gradle'] },
  bundler: { id: 'bundler', ecosystem: 'ruby', caches: [{ target: '/usr/local/bundle/cache', env: 'BUNDLE_CACHE_PATH' }], manifests: ['Gemfile', 'Gemfile.lock', '*.gemspec'] },
  gem: { id: 'gem', ecosystem: 'ruby', caches: [{ target: '/usr/local/bundle/cache' }], manifests: [] },
  composer: { id: 'composer', ecosystem: 'php', caches: [{ target: '~/.composer/cache', env: 'COMPOSER_CACHE_DIR' }], manifests: ['composer.json', 'composer.lock'] },
};

/** Every manifest file name any ecosystem uses (globs with `*`). */
const ALL_MANIFESTS: string[] = [...new Set(Object.values(PACKAGE_MANAGERS).flatMap((p) => p.manifests))];

const manifestRes = ALL_MANIFESTS.map((m) => new RegExp(`^${m.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`));

export function isManifestName(path: string): boolean {
  const base = path.replace(/\/+$/, '').split('/').pop() ?? '';
  return manifestRes.some((re) => re.test(base));
}

const PIP_VALUED = ['-d', '--dest', '-w', '--wheel-dir', '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--target', '-t', '--prefix', '--root', '--cache-dir', '--trusted-host', '--platform', '--python-version', '--implementation', '--abi', '--src', '--upgrade-strategy', '--progress-bar', '--log', '--timeout', '--retries', '--proxy', '--cert', '--client-cert', '-C', '--config-settings', '--global-option', '--no-binary', '--only-binary', '--python'];

function isPython(name: string): boolean {
  return /^python(\d+(\.\d+)?)?$/.test(name);
}

/** Recognise one shell command as a package-manager operation, or null. Remembered per command: do not mutate. */
export function recognise(cmd: ShellCommand): PackageManagerUse | null {
  // Many rules ask about the same commands: the answer is kept on the command itself (a WeakMap
  // lookup costs more than the answer), non-enumerable so that `{ ...cmd }` copies do not inherit it.
  const memo = cmd as ShellCommand & { [RECOGNISED]?: PackageManagerUse | null };
  let use = memo[RECOGNISED];
  if (use === undefined) {
    use = recogniseCommand(cmd);
    Object.defineProperty(memo, RECOGNISED, { value: use, enumerable: false });
  }
  return use;
}
const RECOGNISED: unique symbol = Symbol('recognised');

function recogniseCommand(cmd: ShellCommand): PackageManagerUse | null {
  let name = cmd.name;
  let args = cmd.args;
  // python -m pip install ..., python3 -m pip ...
  if (isPython(name) && args[0]?.value === '-m' && args[1]) {
    name = args[1].value;
    args = args.slice(2);
    cmd = { ...cmd, name, args };
  }
  const sub = args[0]?.value;
  const use = (manager: PackageManagerId, action: PackageManagerUse['action'], inputs: string[] | null, fromManifests: boolean, cacheDisabled = false): PackageManagerUse => ({
    manager,
    ecosystem: PACKAGE_MANAGERS[manager].ecosystem,
    command: cmd,
    action,
    inputs,
    fromManifests,
    cacheDisabled,
  });
  if (/^pip(\d+(\.\d+)?)?$/.test(name)) {
    if (sub !== 'install' && sub !== 'download' && sub !== 'wheel') return null;
    const sc = { ...cmd, args: args.slice(1) };
    const reqs = requirementFiles(sc);
    const pos = positionals(sc, PIP_VALUED);
    const editable = sc.args.filter((_w, i) => (sc.args[i - 1]?.value === '-e' || sc.args[i - 1]?.value === '--editable'));
    const localPaths = [...pos, ...editable].map((w) => w.value).filter(isLocalPath);
    const cacheDisabled = hasOption(sc, ['--no-cache-dir']);
    const fromManifests = localPaths.length === 0;
    const inputs = localPaths.length ? [...reqs, ...localPaths] : reqs.length ? reqs : pos.length ? [] : null;
    return use('pip', 'install', inputs, fromManifests, cacheDisabled);
  }
  if (name === 'uv') {
    if (sub === 'pip' && (args[1]?.value === 'install' || args[1]?.value === 'sync')) {
      const sc = { ...cmd, args: args.slice(2) };
      const pos = positionals(sc, PIP_VALUED).map((w) => w.value);
      const local = pos.filter(isLocalPath);
      // `uv pip sync requirements.txt` takes the file as a positional argument.
      const reqs = [...requirementFiles(sc), ...(args[1].value === 'sync' ? pos.filter((p) => !local.includes(p)) : [])];
      return use('uv', 'install', [...reqs, ...local], local.length === 0, hasOption(sc, ['--no-cache', '-n']));
    }
    if (sub === 'sync' || sub === 'add' || sub === 'install') {
      const sc = { ...cmd, args: args.slice(1) };
      return use('uv', 'install', ['pyproject.toml', 'uv.lock'], true, hasOption(sc, ['--no-cache', '-n']));
    }
    return null;
  }
  if (name === 'poetry' && (sub === 'install' || sub === 'sync')) {
    return use('poetry', 'install', ['pyproject.toml', 'poetry.lock'], true, hasOption(cmd, ['--no-cache']));
  }
  if (name === 'pipenv' && (sub === 'install' || sub === 'sync')) {
    return use('pipenv', 'install', ['Pipfile', 'Pipfile.lock'], true);
  }
  if (name === 'npm' && (sub === 'ci' || sub === 'install' || sub === 'i' || sub === 'add')) {
    const pos = positionals({ ...cmd, args: args.slice(1) }, ['--omit', '--include', '--prefix', '--cache', '--registry', '--workspace', '-w']);
    if (pos.length && sub !== 'ci') {
      const local = pos.map((w) => w.value).filter(isLocalPath);
      return use('npm', 'install', local.length ? local : [], local.length === 0);
    }
    return use('npm', 'install', ['package.json', 'package-lock.json', 'npm-shrinkwrap.json'], true);
  }
  if (name === 'yarn') {
    if (sub === undefined || sub === 'install' || (sub.startsWith('-') && !['--version', '-v', '--help'].includes(sub))) {
      return use('yarn', 'install', ['package.json', 'yarn.lock'], true);
    }
    if (sub === 'add' || (sub === 'global' && args[1]?.value === 'add')) return use('yarn', 'install', [], true);
    return null;
  }
  if (name === 'pnpm' && (sub === 'install' || sub === 'i' || sub === 'add' || sub === 'fetch')) {
    return use('pnpm', sub === 'fetch' ? 'download' : 'install', ['package.json', 'pnpm-lock.yaml'], true);
  }
  if (name === 'apt-get' || name === 'apt' || name === 'aptitude') {
    const verb = positionals(cmd, ['-o', '-c', '-t', '--target-release'])[0]?.value;
    if (verb === 'update') return use('apt', 'update-index', [], true);
    if (verb === 'install' || verb === 'upgrade' || verb === 'dist-upgrade' || verb === 'full-upgrade' || verb === 'build-dep') {
      return use('apt', 'install', [], true);
    }
    return null;
  }
  if (name === 'apk') {
    const verb = positionals(cmd, ['-X', '--repository', '-p', '--root', '-t', '--virtual', '--cache-dir', '--arch'])[0]?.value;
    if (verb === 'add' || verb === 'upgrade' || verb === 'update') {
      return use('apk', verb === 'update' ? 'update-index' : 'install', [], true, hasOption(cmd, ['--no-cache']));
    }
    return null;
  }
  if (name === 'dnf' || name === 'yum' || name === 'microdnf' || name === 'tdnf') {
    const verb = positionals(cmd, ['--setopt', '--enablerepo', '--disablerepo', '--installroot', '--releasever', '-c', '--config', '--repo'])[0]?.value;
    if (verb && ['install', 'update', 'upgrade', 'groupinstall', 'reinstall', 'builddep', 'makecache'].includes(verb)) {
      return use(name as PackageManagerId, verb === 'makecache' ? 'update-index' : 'install', [], true);
    }
    return null;
  }
  if (name === 'zypper') {
    const verb = positionals(cmd, ['--root', '-R'])[0]?.value;
    if (verb && ['install', 'in', 'update', 'up', 'dist-upgrade', 'dup'].includes(verb)) return use('zypper', 'install', [], true);
    return null;
  }
  if (name === 'go') {
    if (sub === 'mod' && args[1]?.value === 'download') return use('go', 'download', ['go.mod', 'go.sum'], true);
    if (sub === 'build' || sub === 'install' || sub === 'test' || sub === 'generate' || sub === 'vet') {
      const remote = sub === 'install' && args.slice(1).some((w) => /@/.test(w.value));
      return use('go', remote ? 'install' : 'build', remote ? [] : null, remote);
    }
    return null;
  }
  if (name === 'cargo') {
    if (sub === 'fetch') return use('cargo', 'download', ['Cargo.toml', 'Cargo.lock'], true);
    if (sub === 'build' || sub === 'install' || sub === 'test' || sub === 'chef') {
      const remote = sub === 'install' && !args.some((w) => w.value === '--path');
      return use('cargo', remote ? 'install' : 'build', remote ? [] : null, remote);
    }
    return null;
  }
  if (name === 'mvn' || name === 'mvnw' || name === './mvnw') {
    const goals = positionals(cmd, ['-f', '--file', '-s', '--settings', '-P', '-pl', '--projects', '-T', '-D']).map((w) => w.value);
    if (goals.some((g) => /^dependency:(go-offline|resolve|resolve-plugins)$/.test(g))) return use('maven', 'download', ['pom.xml'], true);
    if (goals.some((g) => ['package', 'install', 'verify', 'compile', 'test', 'deploy'].includes(g) || g.startsWith('spring-boot:'))) {
      return use('maven', 'build', null, false);
    }
    return null;
  }
  if (name === 'gradle' || name === 'gradlew') {
    const tasks = positionals(cmd, []).map((w) => w.value);
    if (tasks.length === 0) return null;
    if (tasks.every((t) => /^(dependencies|downloadDependencies|resolveDependencies|--refresh-dependencies)$/.test(t))) {
      return use('gradle', 'download', ['build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts'], true);
    }
    return use('gradle', 'build', null, false);
  }
  if (name === 'bundle' || name === 'bundler') {
    if (sub === undefined || sub === 'install') return use('bundler', 'install', ['Gemfile', 'Gemfile.lock'], true);
    return null;
  }
  if (name === 'gem' && sub === 'install') {
    return use('gem', 'install', [], true);
  }
  if (name === 'composer' || name === 'composer.phar') {
    if (sub === 'install' || sub === 'update' || sub === 'require') return use('composer', 'install', ['composer.json', 'composer.lock'], true);
    return null;
  }
  return null;
}

/** Files named by -r/--requirement and -c/--constraint (pip and uv pip). */
function requirementFiles(cmd: ShellCommand): string[] {
  const reqs: string[] = [];
  let prev = '';
  for (const w of cmd.args) {
    if (prev === '-r' || prev === '--requirement' || prev === '-c' || prev === '--constraint') reqs.push(w.value);
    else if (/^--requirement=|^--constraint=/.test(w.value)) reqs.push(w.value.slice(w.value.indexOf('=') + 1));
    else if (/^-[rc].+/.test(w.value)) reqs.push(w.value.slice(2));
    prev = w.value;
  }
  return reqs;
}

function isLocalPath(v: string): boolean {
  return v === '.' || v.startsWith('./') || v.startsWith('/') || v.startsWith('../') || /^[A-Za-z0-9_.-]+\/?$/.test(v) && v.endsWith('/') || /\.(whl|tar\.gz|zip|tgz)$/.test(v);
}

/** All package-manager commands of a RUN (shell form), in order. Computed once per instruction: do not mutate. */
export function packageManagerUses(inst: Instruction): PackageManagerUse[] {
  let out = usesCache.get(inst);
  if (out) return out;
  out = [];
  const script = inst.shell;
  if (script) {
    for (const cmd of script.commands) {
      const u = recognise(cmd);
      if (u) out.push(u);
    }
  }
  usesCache.set(inst, out);
  return out;
}
const usesCache = new WeakMap<Instruction, PackageManagerUse[]>();

/** Home directory of the user active at `inst` (root unless a USER says otherwise and HOME is not set). */
export function homeAt(model: DockerfileModel, inst: Instruction): { home: string; user: string | null } {
  const user = userAt(inst);
  const envHome = model.variable('HOME', inst);
  if (envHome) return { home: envHome, user };
  if (user === null || isRootUser(user)) return { home: '/root', user };
  const name = user.split(':')[0];
  return { home: /^\d+$/.test(name) ? '/' : `/home/${name}`, user };
}

/** A path with a leading `~`, `$HOME` or `${HOME}` replaced by `home`. */
export function expandHome(path: string, home: string): string {
  return path.replace(/^~(?=\/|$)/, home).replace(/^\$\{?HOME\}?(?=\/|$)/, home);
}

/** Whether a USER value (`name[:group]`, as written) is root; null is the default user, root. */
export function isRootUser(user: string | null): boolean {
  return user === null || user === 'root' || user === '0' || user.startsWith('0:') || user.startsWith('root:');
}

/** The USER in effect at `inst` within its stage chain, or null for the default (root). */
export function userAt(inst: Instruction): string | null {
  return lastBefore(inst, ['USER'], (c) => c.args.length > 0)?.args[0].value ?? null;
}

/** The image a stage starts from, following `FROM <stage>` back to an image. */
function baseImageOf(stage: Stage | null): string {
  let s = stage;
  while (s?.parentStage) s = s.parentStage;
  return s?.resolvedImage ?? '';
}

/** Cache directories for a manager at `inst`, with `~` and relocating env vars resolved. */
export function cacheTargets(model: DockerfileModel, inst: Instruction, manager: PackageManagerId): CacheSpec[] {
  const { home, user } = homeAt(model, inst);
  return PACKAGE_MANAGERS[manager].caches.map((c) => {
    const declared = c.env ? model.variable(c.env, inst) : undefined;
    const relocated = declared === undefined ? undefined : (model.expand(declared, inst) ?? declared);
    let target = relocated && relocated.startsWith('/') ? relocated : c.target.replace(/^~/, home === '/' ? '' : home);
    if (manager === 'pnpm' && relocated) target = `${relocated.replace(/\/$/, '')}/store`;
    if (manager === 'go' && c.env === 'GOMODCACHE' && !relocated) {
      const gopath = model.variable('GOPATH', inst);
      const goImage = /(^|\/)golang(:|$)/.test(baseImageOf(inst.stage));
      target = gopath ? `${gopath}/pkg/mod` : goImage ? '/go/pkg/mod' : `${home === '/' ? '' : home}/go/pkg/mod`;
    }
    if (manager === 'cargo') {
      // CARGO_HOME holds both caches; the rust images set it to /usr/local/cargo, elsewhere it is ~/.cargo.
      const sub = c.target.slice(c.target.lastIndexOf('/'));
      if (relocated) target = `${relocated.replace(/\/+$/, '')}${sub}`;
      else if (!/(^|\/)rust(:|$)/.test(baseImageOf(inst.stage))) target = `${home === '/' ? '' : home}/.cargo${sub}`;
    }
    // Yarn classic keeps its cache in /usr/local/share/.cache/yarn for root only, else in ~/.cache/yarn.
    if (manager === 'yarn' && !relocated && !isRootUser(user)) target = `${home === '/' ? '' : home}/.cache/yarn`;
    return { ...c, target };
  });
}

function normalizeDir(p: string): string {
  return p.replace(/\/+$/, '').replace(/\/+/g, '/') || '/';
}

/** Whether a cache mount target serves this cache (exact, or a parent/child directory of it). */
export function mountServes(mountTarget: string, cacheTarget: string): boolean {
  const m = normalizeDir(mountTarget);
  const c = normalizeDir(cacheTarget);
  return m === c || c.startsWith(`${m}/`) || m.startsWith(`${c}/`);
}

/** Whether a cache mount of this RUN serves `dir` (the mount is `dir`, a parent or a child of it). */
export function cacheMounted(model: DockerfileModel, inst: Instruction, dir: string): boolean {
  return inst.mounts.some((m) => m.type === 'cache' && m.target && mountServes(model.expand(m.target, inst) ?? m.target, dir));
}

/** Which of a manager's caches at `inst` have no cache mount yet. */
export function missingCaches(model: DockerfileModel, inst: Instruction, manager: PackageManagerId): CacheSpec[] {
  return cacheTargets(model, inst, manager).filter((t) => !cacheMounted(model, inst, t.target));
}
