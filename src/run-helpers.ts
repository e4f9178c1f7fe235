// Helpers for rules that read the commands of RUN instructions (most of hadolint's DL rules):
// which RUNs to look at, where a command's program word and verb are, and which stages end up in
// the image.
import type { DockerfileModel, Instruction, Stage } from './model.ts';
import type { ShellCommand, ShellWord } from './shell.ts';
import { positionals } from './shell.ts';
import type { RuleVisitor } from './types.ts';

/**
 * A visitor that calls `check` for every RUN, and for the RUN trigger of an ONBUILD (hadolint
 * checks triggers with the same rules, and they run in every image built FROM this one).
 */
export function everyRun(check: (inst: Instruction) => void): RuleVisitor {
  return {
    RUN: check,
    ONBUILD(inst) {
      if (inst.trigger?.keyword === 'RUN') check(inst.trigger);
    },
  };
}

/** The word that names the program (`apt-get` in `sudo apt-get install x`). */
export function programWord(cmd: ShellCommand): ShellWord {
  const before = cmd.args[0]?.start ?? Infinity;
  let found: ShellWord | undefined;
  for (const w of cmd.words) {
    if (w.start >= before) break;
    found = w;
  }
  return found ?? cmd.words[cmd.words.length - 1];
}

/** The first positional argument (the subcommand), skipping options that take a value. */
export function verbOf(cmd: ShellCommand, valued: string[] = []): ShellWord | undefined {
  return positionals(cmd, valued)[0];
}

/** Positional arguments after the verb: the packages of `apt-get install -y a b`. */
export function operandsAfterVerb(cmd: ShellCommand, valued: string[] = []): ShellWord[] {
  return positionals(cmd, valued).slice(1);
}

/**
 * Whether a stage's layers end up in an image: the last stage, or a stage another stage builds
 * on (`FROM <stage>`). Cleanup in a stage that is only copied from does not matter.
 */
export function stageInImage(model: DockerfileModel, stage: Stage | null): boolean {
  if (!stage) return true;
  if (stage === model.stages[model.stages.length - 1]) return true;
  return model.stages.some((s) => s.parentStage === stage);
}

/** Whether a word contains a variable or command substitution whose value dockopt cannot know. */
export function isDynamic(value: string): boolean {
  return /[$`]/.test(value);
}

/** Whether a word is one option (or a bundle of short options) that includes one of `shorts`, e.g. `-qO-` includes q. */
export function bundlesShort(value: string, shorts: string, valued: string): boolean {
  if (!/^-[A-Za-z0-9]/.test(value) || value.startsWith('--')) return false;
  for (const ch of value.slice(1)) {
    if (shorts.includes(ch)) return true;
    if (valued.includes(ch) || !/[A-Za-z0-9]/.test(ch)) return false;
  }
  return false;
}

/** The span of a list of words, first to last (for one finding about several arguments). */
export function spanOf(words: ShellWord[]): { start: number; end: number } {
  return { start: words[0].start, end: words[words.length - 1].end };
}

/** `a`, `a and b`, `a, b and 2 more`: package names for a message. */
export function nameList(words: ShellWord[]): string {
  const names = words.map((w) => w.value);
  if (names.length <= 3) return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
}
