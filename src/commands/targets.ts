// `dockopt targets`: every build target and where it came from (config, a Dockerfile found on disk,
// or the file:line of an infrastructure-code declaration), with its dependencies.
import { resolve } from 'node:path';
import type { Handler } from '../cli.ts';
import { iacGlobs, loadConfig } from '../config.ts';
import { loadTarget, resolveTargetSpecs } from '../build/targets.ts';
import { dependenciesOf, tagOwners } from '../build/graph.ts';
import { DockoptError } from '../errors.ts';
import { displayPath } from '../files.ts';

export interface TargetListing {
  name: string;
  source: string;
  dockerfile: string;
  context: string;
  tags: string[];
  args: Record<string, string>;
  target: string | null;
  platform: string | null;
  /** Declared and inferred dependencies; null when the Dockerfile could not be read. */
  dependsOn: { on: string; why: string }[] | null;
  error: string | null;
}

export async function listTargets(cwd: string, options: { configPath?: string; iac?: string[] } = {}): Promise<{ targets: TargetListing[]; warnings: string[] }> {
  const loaded = await loadConfig(cwd, options.configPath);
  const { specs, warnings } = await resolveTargetSpecs(loaded, cwd, iacGlobs(loaded, options.iac));
  const show = (p: string) => displayPath(cwd, resolve(p));
  const owners = tagOwners(specs);
  const targets = specs.map((s): TargetListing => {
    let dependsOn: TargetListing['dependsOn'] = null;
    let error: string | null = null;
    try {
      dependsOn = dependenciesOf(loadTarget(s), owners);
    } catch (err) {
      if (!(err instanceof DockoptError)) throw err;
      error = err.format();
    }
    return { name: s.name, source: s.source, dockerfile: show(s.dockerfile), context: show(s.context), tags: s.tags, args: s.args, target: s.target, platform: s.platform, dependsOn, error };
  });
  return { targets, warnings };
}

export const targetsCommand: Handler = async (argv, io) => {
  const { targets, warnings } = await listTargets(io.cwd, { configPath: argv.config as string | undefined, iac: (argv.iac as string[] | undefined) ?? [] });
  if (argv.format === 'json') {
    io.stdout(`${JSON.stringify({ targets, warnings }, null, 2)}\n`);
  } else {
    for (const w of warnings) io.stderr(`dockopt: warning: ${w}\n`);
    const w = Math.max(4, ...targets.map((t) => t.name.length));
    const ws = Math.max(6, ...targets.map((t) => t.source.length));
    io.stdout(`${'NAME'.padEnd(w)}  ${'SOURCE'.padEnd(ws)}  DOCKERFILE (CONTEXT)  DEPENDS ON\n`);
    for (const t of targets) {
      const deps = t.error ? `error: ${t.error}` : (t.dependsOn ?? []).map((d) => d.on).join(', ') || '-';
      io.stdout(`${t.name.padEnd(w)}  ${t.source.padEnd(ws)}  ${t.dockerfile} (${t.context})  ${deps}\n`);
    }
  }
  return targets.some((t) => t.error) ? 2 : 0;
};
