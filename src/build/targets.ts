// Build targets: from the config's `images`, or every Dockerfile found under the project, each
// read and analysed once (which stages the build runs, which images it pulls in, which build args
// it declares).
import { readFileSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import { configError, inputError, DockoptError } from '../errors.ts';
import { isIgnored, type LoadedConfig } from '../config.ts';
import { decodeDockerfile, findDockerfiles, isDirectory } from '../files.ts';
import { declaredValue, expandVariables, keyValues, lastBefore, parseDockerfile, type Directive, type DockerfileModel, type Instruction, type Stage } from '../model.ts';
import { canonicalRef, repositoryFromName, repositoryOf } from './refs.ts';

/** What a target is, before its Dockerfile is read. Other discovery sources (IaC) produce these too. */
export interface TargetSpec {
  name: string;
  /** Absolute paths. */
  dockerfile: string;
  context: string;
  tags: string[];
  args: Record<string, string>;
  /** Stage to build (`--target`), or null for the last one. */
  target: string | null;
  platform: string | null;
  /** Explicit dependencies (target names); inferred ones are added by the planner. */
  dependsOn: string[];
  /** Where the target was declared: `config`, `discovered`, or `file:line`. */
  source: string;
}

export interface ImageUse {
  /** The reference with variables substituted, or null when it depends on an unknown value. */
  ref: string | null;
  written: string;
  via: 'FROM' | 'COPY --from' | 'RUN --mount from';
  line: number;
}

export interface Target extends TargetSpec {
  /** The Dockerfile text the build uses (with `# syntax=` removed under --builtin-frontend). */
  text: string;
  model: DockerfileModel;
  /** The original `# syntax=` directive, if any. */
  syntax: Directive | null;
  /** Whether `text` differs from the file on disk (the build is given a copy). */
  rewritten: boolean;
  /** Stages the build runs, in file order. */
  stages: Stage[];
  /** Images the build reads that are not stages of this Dockerfile. */
  images: ImageUse[];
  /** Build args that can change the build: declared by an ARG, or BuildKit's own. */
  effectiveArgs: Record<string, string>;
  /** Repository of the hash tag (`<repository>:dockopt-<hash12>`). */
  repository: string;
}

/** The targets the config declares, or null when it declares none. */
function configTargetSpecs(loaded: LoadedConfig): TargetSpec[] | null {
  const images = loaded.config.images;
  if (!images || Object.keys(images).length === 0) return null;
  const file = loaded.path ?? 'config';
  const specs: TargetSpec[] = [];
  for (const [name, image] of Object.entries(images)) {
    const dockerfile = resolve(loaded.dir, image.dockerfile);
    const context = resolve(loaded.dir, image.context ?? dirname(image.dockerfile));
    const tags = image.tags?.length ? image.tags : [`${repositoryFromName(name)}:latest`];
    for (const tag of tags) {
      if (!canonicalRef(tag) || tag.includes('@')) throw configError(file, `images.${name}.tags: "${tag}" is not a valid image tag`, undefined, 'lower-case repository, optional :tag');
    }
    for (const dep of image.dependsOn ?? []) {
      if (!images[dep]) throw configError(file, `images.${name}.dependsOn: no image named "${dep}"`, undefined, `images are: ${Object.keys(images).join(', ')}`);
    }
    specs.push({
      name,
      dockerfile,
      context,
      tags,
      args: { ...(image.args ?? {}) },
      target: image.target ?? null,
      platform: image.platform ?? null,
      dependsOn: [...(image.dependsOn ?? [])],
      source: 'config',
    });
  }
  return specs;
}

/**
 * Every Dockerfile under `root` (skipping the config's `ignore` globs) as a target named after its
 * path (`services/api/Dockerfile` is `services/api`), with its own directory as context.
 */
export function discoveredTargetSpecs(root: string, loaded: LoadedConfig): TargetSpec[] {
  const files = findDockerfiles(root, (p) => isIgnored(loaded, p));
  return files.map((file) => {
    const rel = relative(root, file).split(sep).join('/');
    const name = basename(file) === 'Dockerfile' || basename(file) === 'Containerfile' ? dirname(rel) : rel;
    const targetName = name === '.' ? basename(resolve(root)) : name;
    return {
      name: targetName,
      dockerfile: file,
      context: dirname(file),
      tags: [`${repositoryFromName(targetName)}:latest`],
      args: {},
      target: null,
      platform: null,
      dependsOn: [],
      source: 'discovered',
    };
  });
}

/**
 * Remove the `# syntax=` directive so the engine's built-in frontend is used. The line moves below
 * the other directives as an empty line: directives after a blank line would stop being
 * directives, and instruction line numbers stay as in the file.
 */
export function withoutSyntaxDirective(text: string, directives: Directive[]): string {
  const syntax = directives.find((d) => d.name === 'syntax');
  if (!syntax) return text;
  const lineEnd = (offset: number) => {
    const nl = text.indexOf('\n', offset);
    return nl === -1 ? text.length : nl + 1;
  };
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const afterSyntax = lineEnd(syntax.end);
  const afterAll = lineEnd(directives[directives.length - 1].end);
  return text.slice(0, syntax.start) + text.slice(afterSyntax, afterAll) + eol + text.slice(afterAll);
}

/** Read and analyse a target's Dockerfile. */
export function loadTarget(spec: TargetSpec, options: { builtinFrontend?: boolean; extraArgs?: Record<string, string> } = {}): Target {
  let bytes: Buffer;
  try {
    bytes = readFileSync(spec.dockerfile);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw inputError(spec.dockerfile, code === 'ENOENT' ? `Dockerfile of target "${spec.name}" does not exist` : `cannot read the Dockerfile of target "${spec.name}" (${code})`);
  }
  if (!isDirectory(spec.context)) throw inputError(spec.context, `build context of target "${spec.name}" is not a directory`);
  const decoded = decodeDockerfile(bytes);
  if ('error' in decoded) throw inputError(spec.dockerfile, decoded.error);
  const original = parseDockerfile(decoded.text, spec.dockerfile);
  const syntax = original.directives.find((d) => d.name === 'syntax') ?? null;
  const rewritten = Boolean(options.builtinFrontend && syntax);
  const text = rewritten ? withoutSyntaxDirective(decoded.text, original.directives) : decoded.text;
  const model = rewritten ? parseDockerfile(text, spec.dockerfile) : original;
  const args = { ...spec.args, ...(options.extraArgs ?? {}) };
  const { stages, images } = analyseStages(model, args, spec);
  return {
    ...spec,
    args,
    text,
    model,
    syntax,
    rewritten,
    stages,
    images,
    effectiveArgs: effectiveArgs(model, args),
    repository: repositoryOf(spec.tags[0]),
  };
}

/** Build args that reach the build: declared by some ARG (others are ignored by the engine), plus BUILDKIT_*. */
export function effectiveArgs(model: DockerfileModel, args: Record<string, string>): Record<string, string> {
  const declared = new Set<string>();
  for (const inst of model.instructions) if (inst.keyword === 'ARG') for (const kv of keyValues(inst)) declared.add(kv.key);
  const out: Record<string, string> = {};
  for (const key of Object.keys(args).sort()) if (declared.has(key) || key.startsWith('BUILDKIT_')) out[key] = args[key];
  return out;
}

/**
 * `model.variable` as the build sees it: a build arg replaces the default of the ARG in effect
 * (FROM sees the global ARGs only); a name no ARG declares keeps its ENV value or stays unknown.
 */
export function variableWithBuildArgs(model: DockerfileModel, args: Record<string, string>): DockerfileModel['variable'] {
  return (name, inst) => {
    if (args[name] !== undefined && inst) {
      const decl = inst.keyword === 'FROM' ? model.globalArgs.find((a) => a.start < inst.start && declaredValue(a, name) !== undefined) : lastBefore(inst, ['ENV', 'ARG'], (c) => declaredValue(c, name) !== undefined);
      if (decl?.keyword === 'ARG') return args[name];
    }
    return model.variable(name, inst);
  };
}

/**
 * The stages the build runs (the target stage and what it builds on or copies from) and the
 * images they read. BuildKit skips unreachable stages, so their images and files do not count.
 */
function analyseStages(model: DockerfileModel, args: Record<string, string>, spec: TargetSpec): { stages: Stage[]; images: ImageUse[] } {
  if (model.stages.length === 0) throw inputError(spec.dockerfile, 'has no FROM instruction');
  let start = model.stages[model.stages.length - 1];
  if (spec.target) {
    const found = model.stages.find((s) => s.name?.toLowerCase() === spec.target!.toLowerCase());
    if (!found) throw new DockoptError('config', `target "${spec.name}": no stage named "${spec.target}" in its Dockerfile`, { file: spec.dockerfile });
    start = found;
  }
  const stageNamed = (ref: string, before: Stage, allowIndex: boolean): Stage | undefined => {
    const lower = ref.toLowerCase();
    const earlier = model.stages.slice(0, before.index);
    if (allowIndex && /^\d+$/.test(ref)) return earlier[Number(ref)];
    for (let i = earlier.length - 1; i >= 0; i--) if (earlier[i].name?.toLowerCase() === lower) return earlier[i];
    return undefined;
  };
  const reached = new Set<Stage>();
  const images: ImageUse[] = [];
  const variable = variableWithBuildArgs(model, args);
  const use = (written: string, inst: Instruction, via: ImageUse['via'], stage: Stage, allowIndex: boolean) => {
    const ref = expandVariables(written, (name) => variable(name, inst));
    const internal = ref !== null ? stageNamed(ref, stage, allowIndex) : undefined;
    if (internal) visit(internal);
    else if (ref?.toLowerCase() !== 'scratch') images.push({ ref, written, via, line: inst.line + 1 });
  };
  const visit = (stage: Stage): void => {
    if (reached.has(stage)) return;
    reached.add(stage);
    if (stage.image !== null) use(stage.image, stage.from, 'FROM', stage, false);
    for (const inst of stage.instructions) {
      if (inst.keyword === 'COPY' || inst.keyword === 'ADD') {
        const from = inst.flag('from');
        if (from?.value) use(from.value, inst, 'COPY --from', stage, true);
      } else if (inst.keyword === 'RUN') {
        for (const m of inst.mounts) if (m.options.from) use(m.options.from, inst, 'RUN --mount from', stage, true);
      }
    }
  };
  visit(start);
  return { stages: model.stages.filter((s) => reached.has(s)), images };
}

export interface ResolvedSpecs {
  specs: TargetSpec[];
  /** Discovery warnings (`file:line: message`), for values that could not be read statically. */
  warnings: string[];
  /** Where the targets came from, for people. */
  origin: 'config' | 'iac' | 'config+iac' | 'dockerfiles';
}

/**
 * Every target: the config's `images`, plus image declarations found in infrastructure code
 * (Pulumi, CDK) when discovery is asked for; without either, every Dockerfile under `root`.
 * ts-morph is loaded only when there are IaC globs.
 */
export async function resolveTargetSpecs(loaded: LoadedConfig, root: string, iac: string[] = []): Promise<ResolvedSpecs> {
  const configured = configTargetSpecs(loaded);
  if (iac.length === 0) return configured ? { specs: configured, warnings: [], origin: 'config' } : { specs: discoveredTargetSpecs(root, loaded), warnings: [], origin: 'dockerfiles' };
  const { discoverImages } = await import('../iac/discover.ts');
  const base = loaded.path ? loaded.dir : root;
  const found = await discoverImages(iac, base);
  const warnings = found.warnings.map((w) => `${w.file}:${w.line}: ${w.message}`);
  const specs = [...(configured ?? [])];
  const taken = new Map(specs.map((s) => [s.name, s.source]));
  for (const img of found.images) {
    const source = `${img.file}:${img.line}`;
    const other = taken.get(img.name);
    if (other) throw configError(loaded.path ?? img.file, `two targets are named "${img.name}": ${other} and ${source}`, undefined, 'rename one of them');
    taken.set(img.name, source);
    specs.push({
      name: img.name,
      dockerfile: img.dockerfile,
      context: img.context,
      tags: img.tags.length ? img.tags : [`${repositoryFromName(img.name)}:latest`],
      args: img.args,
      target: img.target ?? null,
      platform: img.platform ?? null,
      dependsOn: [],
      source,
    });
  }
  if (found.files.length === 0) warnings.push(`no file matches the infrastructure-code globs ${iac.join(', ')}`);
  return { specs, warnings, origin: configured ? 'config+iac' : 'iac' };
}
