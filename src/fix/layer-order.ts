// Layer-order fixes (all unsafe: they change which files a step sees, never which commands run):
// install dependencies before copying the source (DO102/DO103), merge a lone package-index update
// into the install that needs it (DO104), and declare volatile ARG/ENV after the expensive RUNs
// (DO105). The manifests and commands are the file's own; nothing is invented.
import { keyValues, lastBefore, type DockerfileModel, type Instruction, type Word } from '../model.ts';
import { staleCopiesBefore, type StaleCopy } from '../layer-order.ts';
import { findOption, positionals, type ShellCommand } from '../shell.ts';
import { PACKAGE_MANAGERS, packageManagerUses, recognise, type PackageManagerId, type PackageManagerUse } from '../package-managers.ts';
import { copyOperands, readsContext, runCommands } from '../rule-helpers.ts';
import type { Edit, Fix } from '../types.ts';
import { cleanPath } from '../context/ignore.ts';
import { instructionBlock, moveAfter, moveBefore, nextLineStart, removeWord } from './edits.ts';

// ---------------------------------------------------------------------------------------------
// DO102 / DO103: install first

/** Instructions an install may move above: they do not change what a RUN sees or does. */
const INERT = new Set(['LABEL', 'EXPOSE', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'STOPSIGNAL', 'MAINTAINER']);

const HARMLESS = new Set(['set', 'echo', 'printf', 'true', ':', 'mkdir']);

/** A command that may share the RUN with an install that moves: it needs nothing from the source. */
export function harmless(cmd: ShellCommand): boolean {
  return HARMLESS.has(cmd.name) || (cmd.name === 'rm' && positionals(cmd).every((w) => /^(\/tmp\/|\/var\/|\/root\/\.cache|~\/\.cache|\$HOME\/\.cache)/.test(w.value)));
}

/** Manifests that are directories (`COPY .mvn* ./` would copy their contents, not them). */
const DIRECTORY_MANIFESTS = new Set(['.mvn', 'gradle']);

/**
 * The files an install reads from the context: the first required, the others (lockfiles, rc files)
 * copied with a trailing `*` so that a project without them still builds. Taken from the manifests
 * package-managers.ts knows, the same table DO102 judges copies by. Null when the install needs
 * the source (it installs the project itself).
 */
function manifestSources(use: PackageManagerUse): { required: string[]; optional: string[] } | null {
  const inputs = use.inputs ?? [];
  // `pip install flask`, `npm install -g x`, `yarn global add x`: nothing from the context.
  if (inputs.length === 0) return { required: [], optional: [] };
  const cmd = use.command;
  if (use.manager === 'pip') return { required: inputs, optional: [] };
  if (use.manager === 'uv' && !inputs.includes('pyproject.toml')) return { required: inputs, optional: [] };
  if (use.manager === 'uv' && !findOption(cmd, ['--no-install-project'])) return null;
  if (use.manager === 'poetry' && !findOption(cmd, ['--no-root'])) return null;
  // Composer's scripts and autoloader need the source.
  if (use.manager === 'composer' && (!findOption(cmd, ['--no-scripts']) || !findOption(cmd, ['--no-autoloader']))) return null;
  const known = PACKAGE_MANAGERS[use.manager].manifests.filter((m) => !m.includes('*') && !DIRECTORY_MANIFESTS.has(m));
  if (known.length === 0) return null;
  const required = inputs.find((i) => known.includes(i)) ?? known[0];
  const optional: string[] = [];
  for (const m of known) {
    if (m === required || (use.manager === 'uv' && /^requirements/.test(m))) continue;
    // `go.work*` already copies go.work.sum.
    if (!optional.some((o) => m.startsWith(o))) optional.push(m);
  }
  return { required: [required], optional };
}

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || p.startsWith('$');
}

/** The working directory at `inst` as written (variables kept), following relative WORKDIRs. */
function workdirAt(inst: Instruction): string {
  const chain: string[] = [];
  let at: Instruction | undefined = inst;
  while ((at = at && lastBefore(at, ['WORKDIR'], (w) => w.args.length > 0))) {
    const value = at.args.map((a) => a.value).join(' ');
    chain.unshift(value);
    if (isAbsolute(value)) break;
  }
  let dir = '/';
  for (const v of chain) dir = isAbsolute(v) ? v : `${dir.replace(/\/+$/, '')}/${v}`;
  return dir.startsWith('$') ? dir.replace(/\/+$/, '') || dir : cleanPath(`/${dir}`);
}

function resolveIn(dir: string, p: string): string {
  const raw = isAbsolute(p) ? p : `${dir.replace(/\/+$/, '')}/${p}`;
  return raw.startsWith('$') ? raw.replace(/\/+/g, '/').replace(/\/\.\//g, '/').replace(/\/+$/, '') : cleanPath(`/${raw}`);
}

/** A COPY's sources, destination and flags other than --from, when it is a plain context copy. */
function plainCopy(inst: Instruction): { sources: string[]; dest: string; flags: string } | null {
  if (!readsContext(inst) || inst.heredocs.length > 0 || inst.json) return null;
  if (inst.keyword === 'ADD' && copyOperands(inst).sources.some((s) => /\.(tar|tgz|gz|bz2|xz|zst)$|:\/\//.test(s.value))) return null;
  const { sources, dest } = copyOperands(inst);
  if (!dest || sources.length === 0) return null;
  const flags = inst.flags.filter((f) => ['chown', 'chmod', 'link'].includes(f.name)).map((f) => `--${f.name}${f.value === null ? '' : `=${f.value}`}`).join(' ');
  return { sources: sources.map((s) => s.value), dest: dest.value, flags };
}

/** Whether `copy` is one of the install's inputs (not a stale copy) for the uses in `install`. */
function isInputCopy(copy: Instruction, install: Instruction, uses: PackageManagerUse[]): boolean {
  return staleCopiesBefore([copy, install], (u) => uses.some((x) => x.command === u.command)).length === 0;
}

function sameDir(a: string, b: string): boolean {
  return a.replace(/\/+$/, '') === b.replace(/\/+$/, '');
}

function asDirDest(dest: string): string {
  return dest.endsWith('/') ? dest : `${dest}/`;
}

/**
 * The fix for a COPY that comes before an install that does not need it: copy the install's
 * manifests (or local packages), run the install, then the COPY. Null when the move could change
 * what the install does.
 */
export function installFirstFix(model: DockerfileModel, stale: StaleCopy): Fix | null {
  const { copy, install } = stale;
  const stage = install.stage;
  if (!stage || copy.stage !== stage || install.heredocs.length > 0 || install.json) return null;
  const list = stage.instructions;
  const from = list.indexOf(copy);
  const to = list.indexOf(install);
  if (from < 0 || to <= from) return null;
  const copyParts = plainCopy(copy);
  if (!copyParts) return null;

  // Everything the RUN does must be a dependency install that needs no source.
  const installs = packageManagerUses(install).filter((u) => u.action === 'install' || u.action === 'download');
  if (installs.length === 0 || !installOnly(install)) return null;
  const between = list.slice(from + 1, to);

  // A: the install (with the input copies between) moves above the COPY, when nothing between
  // changes what the install sees.
  const moved: Instruction[] = [];
  let upOk = true;
  for (const b of between) {
    if (INERT.has(b.keyword)) continue;
    if ((b.keyword === 'COPY' || b.keyword === 'ADD') && plainCopy(b)) {
      if (isInputCopy(b, install, installs)) moved.push(b);
      continue;
    }
    upOk = false;
    break;
  }
  const keyword = copy.keywordText === copy.keywordText.toLowerCase() ? 'copy' : 'COPY';
  if (upOk) {
    const lines = inputCopies(list, copy, install, installs, moved, copyParts, workdirAt(copy), keyword);
    if (lines === null) return null;
    return {
      applicability: 'unsafe',
      description: `Move the install on line ${install.line + 1} above this ${copy.keywordText}: ${describe(lines)}install before copying the rest`,
      edits: moveBefore(model, copy, [...moved, install], lines),
    };
  }

  // B: the COPY moves below the install (`ADD . /app` / `WORKDIR /app` / `RUN npm install`), when
  // what it passes does not change what it copies, and no other copy could overlap it.
  const absoluteDest = isAbsolute(copyParts.dest);
  for (const b of between) {
    if (INERT.has(b.keyword) || b.keyword === 'USER' || b.keyword === 'SHELL') continue;
    if (b.keyword === 'WORKDIR' && absoluteDest) continue;
    if ((b.keyword === 'ENV' || b.keyword === 'ARG') && !keyValues(b).some((kv) => mentions(copy.text, kv.key))) continue;
    return null;
  }
  const lines = inputCopies(list, copy, install, installs, [], copyParts, workdirAt(install), keyword);
  if (lines === null) return null;
  const at = instructionBlock(model, install).start;
  const edits = [...moveAfter(model, install, [copy])];
  if (lines.length) edits.push({ start: at, end: at, text: lines.map((l) => `${l}${model.eol}`).join('') });
  return {
    applicability: 'unsafe',
    description: `Move this ${copy.keywordText} below the install on line ${install.line + 1}: ${describe(lines)}install before copying the rest`,
    edits,
  };
}

function describe(lines: string[]): string {
  return lines.length ? `copy ${lines.map((l) => l.replace(/^copy\s+(--\S+\s+)*/i, '').replace(/\s+\S+$/, '')).join(', ')} and ` : '';
}

/** Whether every command of the RUN is an install that needs no source, or needs nothing from the source at all. */
function installOnly(install: Instruction): boolean {
  for (const cmd of runCommands(install)) {
    const u = recognise(cmd);
    if (u) {
      if (u.inputs === null) return false;
      continue;
    }
    if (harmless(cmd)) continue;
    const args = cmd.args.map((w) => w.value).join(' ');
    if (/^(apt-get|apt|apk|dnf|yum|microdnf|tdnf|zypper|pip\d*|npm|yarn|pnpm|go|composer)$/.test(cmd.name) && /\b(clean|cache|purge|prune)\b/.test(args)) continue;
    // Reports about what is installed: `pip check`, `npm --version`.
    if (/^(pip\d*|npm|yarn|pnpm|node|python\d*(\.\d+)?|go)$/.test(cmd.name) && /^(-m pip )?(check|list|freeze|--version|-V|-v|version)$/.test(args)) continue;
    return false;
  }
  return true;
}

/**
 * COPY lines for what the install reads and no earlier copy provides, taken from the stale COPY
 * (`COPY . .` → `COPY requirements.txt .`), written for a place whose WORKDIR is `placeDir`. Null
 * when a required input cannot be had that way.
 */
function inputCopies(
  list: Instruction[],
  copy: Instruction,
  install: Instruction,
  installs: PackageManagerUse[],
  moved: Instruction[],
  copyParts: { sources: string[]; dest: string; flags: string },
  placeDir: string,
  keyword: string,
): string[] | null {
  const from = list.indexOf(copy);
  const to = list.indexOf(install);
  const workdir = workdirAt(install);
  const copied = list.slice(0, to).filter((i) => i !== copy && plainCopy(i) && (list.indexOf(i) < from ? isInputCopy(i, install, installs) : moved.includes(i) || isInputCopy(i, install, installs)));
  const covered = (image: string) =>
    copied.some((c) => {
      const p = plainCopy(c)!;
      const dest = resolveIn(workdirAt(c), p.dest);
      return p.sources.some((s) => {
        const base = s.replace(/\/+$/, '').split('/').pop()!;
        return sameDir(`${dest}/${base}`, image) || (sameDir(dest, image) && (s.endsWith('/') || !/\.[a-z0-9]+$/i.test(s)));
      });
    });
  const lines: string[] = [];
  const copyDest = resolveIn(workdirAt(copy), copyParts.dest);
  const flagText = copyParts.flags ? `${copyParts.flags} ` : '';
  for (const use of installs) {
    const local = !use.fromManifests;
    const wanted = local ? { required: (use.inputs ?? []).filter((i) => !/^-/.test(i)), optional: [] } : manifestSources(use);
    if (!wanted) return null;
    const found: { source: string; dir: string; isDir: boolean }[] = [];
    for (const [name, optional] of [...wanted.required.map((n) => [n, false] as const), ...wanted.optional.map((n) => [n, true] as const)]) {
      const image = resolveIn(workdir, name);
      if (covered(image)) continue;
      // Only from a directory copy (`COPY . .`, `COPY src/ /app/`) or a copy naming the file.
      let source: string | null = null;
      if (copyParts.sources.length === 1 && (image === copyDest || image.startsWith(`${copyDest}/`))) {
        const src = copyParts.sources[0];
        const rel = image.slice(copyDest.length + 1);
        if (/[*?[]/.test(src) || /\.(whl|tar\.gz|zip|tgz|txt|toml|json|lock|mod|sum|xml|yaml|yml)$/i.test(src)) return null;
        if (rel === '') return null;
        source = src === '.' || src === './' ? rel : `${src.replace(/\/+$/, '')}/${rel}`;
      } else {
        const base = image.split('/').pop()!;
        const named = copyParts.sources.find((s) => s.replace(/\/+$/, '').split('/').pop() === base);
        if (named && sameDir(image.slice(0, image.lastIndexOf('/')) || '/', copyDest)) source = named;
      }
      if (source === null) {
        if (optional) continue;
        return null;
      }
      const isDir = local && !/\.(whl|tar\.gz|zip|tgz)$/i.test(source);
      found.push({ source: optional ? `${source}*` : source, dir: isDir ? image : image.slice(0, image.lastIndexOf('/')) || '/', isDir });
    }
    // One COPY per destination directory, in the order found.
    const byDir = new Map<string, string[]>();
    for (const f of found) {
      if (f.isDir) lines.push(`${keyword} ${flagText}${f.source} ${f.dir}`);
      else byDir.set(f.dir, [...(byDir.get(f.dir) ?? []), f.source]);
    }
    for (const [dir, sources] of byDir) {
      // Written as the original wrote it where that means the same directory here.
      const dest = sameDir(dir, copyDest) && (isAbsolute(copyParts.dest) || sameDir(workdirAt(copy), placeDir)) ? copyParts.dest : sameDir(dir, placeDir) ? '.' : dir;
      const destText = sources.length > 1 || sources.some((s) => s.endsWith('*')) ? asDirDest(dest) : dest;
      lines.push(`${keyword} ${flagText}${sources.join(' ')} ${destText}`);
    }
  }
  return [...new Set(lines)];
}

// ---------------------------------------------------------------------------------------------
// DO104: merge a lone index update into the install

const INDEX_TOOLS: Partial<Record<PackageManagerId, RegExp>> = {
  apt: /^(apt-get|apt|apt-cache|aptitude|add-apt-repository|apt-key|dpkg)$/,
  apk: /^apk$/,
};

/** The fix for `RUN apt-get update` alone: run it in the same RUN as the next install. */
export function mergeUpdateFix(model: DockerfileModel, lone: Instruction, update: PackageManagerUse): Fix | null {
  const stage = lone.stage;
  const script = lone.shell;
  if (!stage || !script || lone.flags.length > 0 || lone.heredocs.length > 0) return null;
  const cmds = runCommands(lone);
  if (cmds.length !== 1 || cmds[0] !== update.command) return null;
  const tools = INDEX_TOOLS[update.manager];
  if (!tools) return null;
  const list = stage.instructions;
  let target: { inst: Instruction; use: PackageManagerUse } | null = null;
  for (const b of list.slice(list.indexOf(lone) + 1)) {
    if (b.keyword === 'USER' || b.keyword === 'SHELL' || b.keyword === 'ONBUILD') return null;
    if (b.keyword !== 'RUN') continue;
    const install = packageManagerUses(b).find((u) => u.manager === update.manager && u.action === 'install');
    if (install) {
      target = { inst: b, use: install };
      break;
    }
    // A RUN in between that uses the package index needs the update where it is.
    if (runCommands(b).some((c) => tools.test(c.name)) || b.json) return null;
  }
  if (!target || !target.inst.shell) return null;
  const del = instructionOnly(model, lone);
  const targetCmds = runCommands(target.inst);
  const already = targetCmds.slice(0, targetCmds.indexOf(target.use.command)).some((c) => recognise(c)?.manager === update.manager && recognise(c)?.action === 'update-index');
  if (already) {
    return { applicability: 'unsafe', description: `Remove this RUN: the RUN on line ${target.inst.line + 1} updates the index itself`, edits: [del] };
  }
  const cmd = target.use.command;
  const tScript = target.inst.shell;
  const idx = tScript.commands.indexOf(cmd);
  const before = idx > 0 ? tScript.text.slice(tScript.commands[idx - 1].scriptEnd, cmd.scriptStart) : tScript.text.slice(0, cmd.scriptStart);
  if (!/^\s*(&&|;|\n)?\s*$/.test(before) && !/(then|do|else)\s*$/.test(before)) return null;
  if (cmd.after === '||' || cmd.after === '|') return null;
  const updateText = script.text.slice(update.command.scriptStart, update.command.scriptEnd);
  const at = tScript.map[cmd.scriptStart];
  return {
    applicability: 'unsafe',
    description: `Run \`${updateText}\` in the RUN on line ${target.inst.line + 1}, before the install`,
    edits: [del, { start: at, end: at, text: `${updateText} && ` }],
  };
}

/** The lines of one instruction (without the comments above it). */
function instructionOnly(model: DockerfileModel, inst: Instruction): Edit {
  const start = model.lineStarts[inst.line];
  let end = nextLineStart(model, inst.end);
  if (end === model.text.length && !/\n$/.test(model.text) && start > 0) {
    return { start: start - (model.text[start - 2] === '\r' ? 2 : 1), end, text: '' };
  }
  if (end < start) end = start;
  return { start, end, text: '' };
}

// ---------------------------------------------------------------------------------------------
// DO105: volatile ARG/ENV after the expensive RUN

function mentions(text: string, name: string): boolean {
  return new RegExp(`\\$\\{?${name}\\b`).test(text);
}

function usesVariable(inst: Instruction, name: string): boolean {
  return mentions(inst.text, name);
}

/**
 * The fix for a volatile ARG/ENV key declared before an expensive RUN that does not use it:
 * declare it just before the first instruction that uses it (or at the end of the stage).
 */
export function moveVolatileFix(model: DockerfileModel, decl: Instruction, key: string): Fix | null {
  const stage = decl.stage;
  if (!stage) return null;
  const list = stage.instructions;
  const later = list.slice(list.indexOf(decl) + 1);
  const user = later.find((i) => usesVariable(i, key) || (i.keyword === decl.keyword && keyValues(i).some((kv) => kv.key === key)));
  const pairs = keyValues(decl);
  const pair = pairs.find((kv) => kv.key === key);
  if (!pair || later.length === 0) return null;
  // Another key of the same instruction refers to this one: they move together or not at all.
  const word = decl.args.find((a: Word) => a.start === pair.keyStart);
  if (!word) return null;
  if (pairs.length > 1 && decl.args.some((a) => a !== word && mentions(a.value, key))) return null;
  const description = `Declare ${key} ${user ? `just before line ${user.line + 1}` : 'at the end of the stage'}, after the RUNs that do not use it`;
  if (pairs.length === 1) {
    const edits = user ? moveBefore(model, user, [decl]) : moveAfter(model, list[list.length - 1], [decl]);
    return { applicability: 'unsafe', description, edits };
  }
  const line = `${decl.keywordText} ${model.text.slice(word.start, word.end)}`;
  const removal = removeWord(model, word.start, word.end);
  if (user) {
    const at = instructionBlock(model, user).start;
    return { applicability: 'unsafe', description, edits: [removal, { start: at, end: at, text: `${line}${model.eol}` }] };
  }
  const last = list[list.length - 1];
  const end = nextLineStart(model, last.end);
  const text = end === model.text.length && !/\n$/.test(model.text) ? `${model.eol}${line}` : `${line}${model.eol}`;
  return { applicability: 'unsafe', description, edits: [removal, { start: end, end, text }] };
}
