// The dependency graph between targets: explicit `dependsOn` plus what the Dockerfiles say (a FROM,
// COPY --from or RUN --mount from= naming another target's tag), cycle detection, and the order
// and selection of what `dockopt build [TARGET...]` runs.
import { DockoptError, usageError } from '../errors.ts';
import { canonicalRef } from './refs.ts';
import type { Target, TargetSpec } from './targets.ts';

export interface Dependency {
  on: string;
  /** Why: `dependsOn`, or e.g. `FROM app/base:latest (line 3)`. */
  why: string;
}

/** Canonical tag -> the target it belongs to. */
export function tagOwners(specs: readonly Pick<TargetSpec, 'name' | 'tags'>[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const s of specs) for (const tag of s.tags) owners.set(canonicalRef(tag) ?? tag, s.name);
  return owners;
}

/** A target's dependencies (target names), explicit first, each listed once. */
export function dependenciesOf(t: Target, owners: Map<string, string>): Dependency[] {
  const deps: Dependency[] = [];
  const add = (on: string, why: string) => {
    if (!deps.some((d) => d.on === on)) deps.push({ on, why });
  };
  for (const d of t.dependsOn) add(d, 'dependsOn');
  for (const use of t.images) {
    const canonical = use.ref === null ? null : canonicalRef(use.ref);
    const on = canonical === null ? undefined : owners.get(canonical);
    if (on !== undefined) add(on, `${use.via} ${use.ref} (line ${use.line})`);
  }
  return deps;
}

/** Throw when the graph has a cycle, naming it: `a -> b -> a`. */
export function assertAcyclic(names: readonly string[], deps: Map<string, Dependency[]>, configFile: string | null): void {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (name: string): void => {
    const s = state.get(name);
    if (s === 'done') return;
    if (s === 'visiting') {
      const cycle = [...path.slice(path.indexOf(name)), name];
      throw new DockoptError('config', `dependency cycle: ${cycle.join(' -> ')}`, {
        file: configFile ?? undefined,
        hint: 'a target cannot be built FROM (or COPY --from) its own tag or a target that depends on it',
      });
    }
    state.set(name, 'visiting');
    path.push(name);
    for (const d of deps.get(name) ?? []) visit(d.on);
    path.pop();
    state.set(name, 'done');
  };
  for (const n of names) visit(n);
}

/**
 * The requested targets and everything they depend on (all targets when none are requested), in
 * the order they were reached. `dependencies` is asked once per target reached, so only the
 * Dockerfiles of what is built are read.
 */
export function closure(names: readonly string[], requested: readonly string[], dependencies: (name: string) => readonly Dependency[]): string[] {
  const known = new Set(names);
  for (const r of requested) if (!known.has(r)) throw usageError(`unknown target "${r}"`, `targets are: ${names.join(', ') || '(none)'}`);
  const reached = new Set<string>();
  const visit = (n: string) => {
    if (reached.has(n)) return;
    reached.add(n);
    for (const d of dependencies(n)) visit(d.on);
  };
  for (const n of requested.length ? requested : names) visit(n);
  return [...reached];
}

/** Dependencies before dependents; otherwise the declaration order is kept. */
export function topologicalOrder(names: readonly string[], deps: Map<string, Dependency[]>): string[] {
  const index = new Map(names.map((n, i) => [n, i]));
  const remaining = new Map(names.map((n) => [n, (deps.get(n) ?? []).filter((d) => index.has(d.on)).length]));
  const dependents = new Map<string, string[]>(names.map((n) => [n, []]));
  for (const n of names) for (const d of deps.get(n) ?? []) if (index.has(d.on)) dependents.get(d.on)!.push(n);
  const ready = names.filter((n) => remaining.get(n) === 0);
  const order: string[] = [];
  while (ready.length) {
    ready.sort((a, b) => index.get(a)! - index.get(b)!);
    const n = ready.shift()!;
    order.push(n);
    for (const m of dependents.get(n)!) {
      const left = remaining.get(m)! - 1;
      remaining.set(m, left);
      if (left === 0) ready.push(m);
    }
  }
  return order;
}
