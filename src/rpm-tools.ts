// What the RPM-family rules (yum, dnf, zypper) need to read their command lines: options that
// take a separate value, the subcommands that ask for confirmation, and package version pins.
import type { ShellWord } from './shell.ts';

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
export function rpmPinned(value: string): boolean {
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
