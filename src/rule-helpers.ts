// Small facts several rules need, computed from the model the same way everywhere.
import { lastBefore, type DockerfileModel, type Instruction, type Stage } from './model.ts';
import type { ShellCommand } from './shell.ts';

/** Windows base images cannot use RUN --mount and have no POSIX shell. */
export function isWindowsStage(stage: Stage | null): boolean {
  if (!stage) return false;
  let windows = windowsCache.get(stage);
  if (windows === undefined) {
    const image = (stage.resolvedImage ?? stage.image ?? '').toLowerCase();
    windows = /(windows|nanoserver|servercore|dotnet\/framework)/.test(image) || stage.ofKind('SHELL').some((i) => /powershell|pwsh|cmd(\.exe)?\b/i.test(i.text));
    windowsCache.set(stage, windows);
  }
  return windows;
}
const windowsCache = new WeakMap<Stage, boolean>();

/** The stage whose SHELL is not a POSIX shell (shell analysis does not apply). */
export function hasNonPosixShell(inst: Instruction): boolean {
  let nonPosix = nonPosixCache.get(inst);
  if (nonPosix === undefined) {
    const shell = lastBefore(inst, ['SHELL']);
    nonPosix = shell ? !/(^|\/)(ba|da|a|z|k|mk)?sh$/.test(shell.json?.[0] ?? '') : isWindowsStage(inst.stage);
    nonPosixCache.set(inst, nonPosix);
  }
  return nonPosix;
}
const nonPosixCache = new WeakMap<Instruction, boolean>();

/** Shell commands of a RUN, or [] for exec form, non-POSIX shells and Windows stages. */
export function runCommands(inst: Instruction): ShellCommand[] {
  if (inst.keyword !== 'RUN' || !inst.shell || hasNonPosixShell(inst)) return [];
  return inst.shell.commands;
}

export interface ImageRef {
  registry: string | null;
  /** Repository path without registry, e.g. library/python → python */
  repository: string;
  tag: string | null;
  digest: string | null;
}

export function parseImageRef(ref: string): ImageRef {
  let rest = ref;
  let digest: string | null = null;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | null = null;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | null = null;
  const slash = rest.indexOf('/');
  if (slash !== -1) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  return { registry, repository: rest, tag, digest };
}

/** Stage names declared before `inst` (lower case), for `FROM <stage>` and `COPY --from`. */
export function stageNamesBefore(model: DockerfileModel, inst: Instruction): Set<string> {
  const names = new Set<string>();
  for (const s of model.stages) {
    if (s.from.start >= inst.start) break;
    if (s.name) names.add(s.name.toLowerCase());
  }
  return names;
}


/** Human label for a command, e.g. "pip install". */
export function commandLabel(cmd: ShellCommand): string {
  const sub = cmd.args.find((w) => !w.value.startsWith('-'));
  if (/^python/.test(cmd.name) && cmd.args[0]?.value === '-m') return `${cmd.args[1]?.value ?? ''} ${cmd.args[2]?.value ?? ''}`.trim();
  return sub && /^[a-z][a-z:-]*$/.test(sub.value) ? `${cmd.name} ${sub.value}` : cmd.name;
}

export interface CopyOperands {
  sources: { value: string; start: number; end: number }[];
  dest: { value: string; start: number; end: number } | null;
}

/** Sources and destination of a COPY/ADD (heredoc sources and JSON form included). */
export function copyOperands(inst: Instruction): CopyOperands {
  if (inst.json) {
    const all = inst.json.map((value) => ({ value, start: inst.argsStart, end: inst.end }));
    return { sources: all.slice(0, -1), dest: all[all.length - 1] ?? null };
  }
  const heredocNames = new Set(inst.heredocs.map((h) => h.name));
  const words = inst.args.filter((w) => {
    const m = /^<<-?["']?([A-Za-z_][A-Za-z0-9_]*)["']?$/.exec(w.value);
    return !(m && heredocNames.has(m[1]));
  });
  const dest = words.length ? words[words.length - 1] : null;
  return { sources: words.slice(0, -1), dest };
}

/** COPY/ADD that reads from the build context (not another stage, image or heredoc only). */
export function readsContext(inst: Instruction): boolean {
  if (inst.keyword !== 'COPY' && inst.keyword !== 'ADD') return false;
  if (inst.flag('from')) return false;
  return copyOperands(inst).sources.some((s) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(s.value) && !s.value.startsWith('git@'));
}

/**
 * The shared check behind "more than one CMD / ENTRYPOINT / HEALTHCHECK in a stage": only the last
 * one takes effect, earlier ones are reported.
 */
export function reportOverridden(keyword: 'CMD' | 'ENTRYPOINT' | 'HEALTHCHECK', report: (inst: Instruction, last: Instruction) => void) {
  let seen: Instruction[] = [];
  return {
    [keyword](inst: Instruction) {
      seen.push(inst);
    },
    stageEnd() {
      const last = seen[seen.length - 1];
      for (const inst of seen.slice(0, -1)) report(inst, last);
      seen = [];
    },
  };
}
