// What the RPM-family rules (yum, dnf, zypper) need to read their command lines: options that
// take a separate value, the subcommands that ask for confirmation, and package version pins.
import { positionals, type ShellWord } from './shell.ts';
import type { Instruction } from './model.ts';
import type { RuleContext } from './types.ts';
import { runCommands } from './rule-helpers.ts';
import { isDynamic, nameList, spanOf } from './run-helpers.ts';

/** yum / dnf options whose value is the next word. */
export const RPM_VALUED = [
  '--setopt', '--enablerepo', '--disablerepo', '--installroot', '--releasever', '-c', '--config', '--repo', '--repoid',
  '-d', '--debuglevel', '-e', '--errorlevel', '-x', '--exclude', '--downloaddir', '--destdir', '--rpmverbosity',
  '--disableplugin', '--enableplugin', '--forcearch', '--color', '--comment', '--advisory', '--cve', '--bz',
];

/** zypper options whose value is the next word (global and of install). */
export const ZYPPER_VALUED = [
  '--root', '-R', '--config', '-c', '--reposd-dir', '-D', '--cache-dir', '-C', '--raw-cache-dir', '--solv-cache-dir',
  '--pkg-cache-dir', '-t', '--type', '-r', '--repo', '--from', '-p', '--plus-repo',
];

const PROMPTING = new Set(['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'remove', 'erase', 'downgrade', 'groupupdate', 'groupremove', 'distro-sync', 'autoremove']);
const NESTED = new Set(['group', 'groups', 'module']);

/**
 * For yum/dnf positional arguments: the subcommand word when it asks for confirmation
 * (`install`, or `install` in `module install`), else undefined.
 */
export function promptingVerb(words: ShellWord[]): ShellWord | undefined {
  const [first, second] = words;
  if (!first) return undefined;
  if (PROMPTING.has(first.value)) return first;
  if (NESTED.has(first.value) && second && PROMPTING.has(second.value)) return second;
  return undefined;
}

/**
 * Whether an RPM package argument names a version: `name-1.2.3`, `name-1.2-3.el9`, a comparison
 * (`name >= 1.2`), an .rpm file or URL. A dash followed by a letter is part of the name
 * (`python3-devel`), not a version.
 */
function rpmPinned(value: string): boolean {
  return /-\d/.test(value) || /[<>=]/.test(value) || value.endsWith('.rpm') || value.includes('://') || value.startsWith('@') || value.startsWith('/');
}

const INSTALLING = new Set(['install', 'groupinstall', 'localinstall', 'reinstall', 'update', 'upgrade', 'downgrade', 'groupupdate', 'distro-sync']);

/** For yum/dnf positional arguments: whether the command downloads and installs packages. */
export function installsPackages(words: ShellWord[]): boolean {
  const [first, second] = words;
  if (!first) return false;
  if (INSTALLING.has(first.value)) return true;
  return NESTED.has(first.value) && second !== undefined && INSTALLING.has(second.value);
}

/**
 * The unpinned-package check shared by the yum and dnf rules: `install` of packages without a
 * version, or `module install` of modules without a stream.
 */
export function reportUnpinnedRpm(context: RuleContext, inst: Instruction, tools: ReadonlySet<string>): void {
  for (const cmd of runCommands(inst)) {
    if (!tools.has(cmd.name)) continue;
    const words = positionals(cmd, RPM_VALUED);
    const module = words[0]?.value === 'module';
    const verbAt = module ? 1 : 0;
    if (words[verbAt]?.value !== 'install') continue;
    // A module needs a stream (`nodejs:20`); a package a version.
    const unpinned = words.slice(verbAt + 1).filter((w) => !isDynamic(w.value) && (module ? !w.value.includes(':') : !rpmPinned(w.value)));
    if (unpinned.length === 0) continue;
    context.report({
      message: module
        ? `Name the stream of module ${nameList(unpinned)} (\`${unpinned[0].value}:<stream>\`).`
        : `Pin the version of ${nameList(unpinned)} (\`${unpinned[0].value}-<version>\`): without one the build installs whatever the repository has that day.`,
      at: spanOf(unpinned),
    });
  }
}
