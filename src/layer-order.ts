// Which COPY/ADD instructions sit before a dependency install without being its input: every
// change to what they copy re-runs the install. Shared by DO102 and DO103 and by their fixes.
import type { Instruction } from './model.ts';
import { PACKAGE_MANAGERS, isManifestName, packageManagerUses, type PackageManagerUse } from './package-managers.ts';
import { copyOperands, readsContext, runCommands } from './rule-helpers.ts';

export interface StaleCopy {
  copy: Instruction;
  /** The copied sources that the install does not need. */
  extraSources: string[];
  install: Instruction;
  use: PackageManagerUse;
}

function base(p: string): string {
  return p.replace(/\/+$/, '').split('/').pop() ?? p;
}

/** Whether copying `source` could be what the install at `use` reads. */
function isInputOf(source: string, use: PackageManagerUse, script: string): boolean {
  const src = source.replace(/^\.\//, '').replace(/\/+$/, '');
  if (src === '' || src === '.' || src === '*') return false;
  if (isManifestName(src)) return true;
  const b = base(src);
  if (/[*?[]/.test(b)) {
    // `COPY package*.json ./`, `COPY go.sum* ./`: a pattern that matches one of the install's files.
    const re = new RegExp(`^${b.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]')}$`);
    const names = [...(use.inputs ?? []).map(base), ...PACKAGE_MANAGERS[use.manager].manifests.filter((m) => !m.includes('*'))];
    if (names.some((n) => re.test(n))) return true;
  }
  for (const input of use.inputs ?? []) {
    const i = input.replace(/^\.\//, '').replace(/\/+$/, '');
    if (base(i) === b || i.includes(`/${b}/`) || i.startsWith(`${b}/`) || i === src) return true;
  }
  // A copied script or file that the RUN names (COPY install.sh /tmp/ && RUN /tmp/install.sh)
  return b.length >= 3 && script.includes(b);
}

/**
 * For each install RUN (`predicate` selects which), the earlier context COPYs in the same stage that
 * copy more than the install needs.
 */
export function staleCopiesBefore(stageInstructions: Instruction[], predicate: (u: PackageManagerUse) => boolean): StaleCopy[] {
  const out: StaleCopy[] = [];
  const reported = new Set<Instruction>();
  const copies: Instruction[] = [];
  for (const inst of stageInstructions) {
    if (readsContext(inst)) copies.push(inst);
    if (inst.keyword !== 'RUN' || copies.length === 0 || runCommands(inst).length === 0) continue;
    const uses = packageManagerUses(inst).filter((u) => (u.action === 'install' || u.action === 'download') && u.inputs !== null && predicate(u));
    if (uses.length === 0) continue;
    const script = inst.shell?.text ?? '';
    for (const use of uses) {
      for (const prev of copies) {
        if (reported.has(prev)) continue;
        const { sources } = copyOperands(prev);
        const extra = sources.map((s) => s.value).filter((s) => !isInputOf(s, use, script));
        if (extra.length === 0) continue;
        reported.add(prev);
        out.push({ copy: prev, extraSources: extra, install: inst, use });
      }
    }
  }
  return out;
}
