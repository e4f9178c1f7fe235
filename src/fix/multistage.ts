// The multi-stage rewrite: a single-stage Dockerfile becomes the template of the seed document —
// base (runtime, system packages), dependencies (manifests and their install, with cache mounts),
// app (local packages) and a final stage with the frequently changing code — rendered from the
// handlebars templates in templates/multistage/. Every instruction is kept as written and in an
// order where each still sees what it saw before: the stages build on each other, so the final
// image has the same base, config (ENV, USER, WORKDIR, CMD...) and files. Only the layer order
// changes, through the same unsafe fixes `dockopt fix --unsafe` applies (DO101-DO105).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDockerfile, type DockerfileModel, type Instruction } from '../model.ts';
import { packageManagerUses, recognise, type PackageManagerUse } from '../package-managers.ts';
import { readsContext, runCommands } from '../rule-helpers.ts';
import { staleCopiesBefore } from '../layer-order.ts';
import { TEMPLATES_DIR } from '../paths.ts';
import { DockoptError } from '../errors.ts';
import { fixText, type FixOptions, type Rewrite } from './engine.ts';
import { harmless } from './layer-order.ts';

export type TemplateName = 'python' | 'lambda-python' | 'node' | 'go' | 'generic';
export const TEMPLATE_NAMES: TemplateName[] = ['python', 'lambda-python', 'node', 'go', 'generic'];

export interface StageData {
  name: string;
  /** The stage this one builds on. */
  parent: string;
  body: string;
}

/** What a template gets: all strings are Dockerfile text, inserted without escaping. */
export interface TemplateData {
  directives: string[];
  /** Comments and global ARGs before the first FROM. */
  preamble: string;
  /** The base stage's FROM arguments without `AS name` (flags and image as written). */
  from: string;
  base: { name: string; body: string };
  dependencies: StageData | null;
  app: StageData | null;
  final: { parent: string; name: string | null; body: string };
}

type Render = (template: TemplateName, data: TemplateData) => string;

/** Load handlebars (only now: the lint path never pays for it) and compile the templates. */
export async function loadRenderer(): Promise<Render> {
  // Loaded with require: the CLI bundle runs in a vm script, where import() of a package fails.
  const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
  const handlebars = require('handlebars') as typeof import('handlebars');
  const compiled = new Map<TemplateName, (data: TemplateData) => string>();
  return (name, data) => {
    checkTemplateData(data);
    let template = compiled.get(name);
    if (!template) {
      const source = readFileSync(join(TEMPLATES_DIR, 'multistage', `${name}.Dockerfile.hbs`), 'utf8');
      // Dockerfiles are not HTML: nothing is escaped (the templates use triple braces too).
      template = handlebars.compile<TemplateData>(source, { noEscape: true, strict: false });
      compiled.set(name, template);
    }
    // Multi-line values go in as placeholders, so that tidying the template's blank lines never
    // touches them (a heredoc may hold blank lines of its own).
    const values: string[] = [];
    const hold = (v: string) => `\u0000${values.push(v) - 1}\u0000`;
    const held: TemplateData = {
      ...data,
      preamble: data.preamble && hold(data.preamble),
      base: { ...data.base, body: data.base.body && hold(data.base.body) },
      dependencies: data.dependencies && { ...data.dependencies, body: hold(data.dependencies.body) },
      app: data.app && { ...data.app, body: hold(data.app.body) },
      final: { ...data.final, body: hold(data.final.body) },
    };
    const out = template(held)
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .replace(/^\n+/, '')
      .replace(/\s*$/, '\n');
    return out.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => values[Number(i)]);
  };
}

const STAGE_NAME = /^[a-z][a-z0-9_.-]*$/;

/** Values that would break the file are rejected with a message naming them. */
export function checkTemplateData(data: TemplateData): void {
  const oneLine: [string, string | null | undefined][] = [
    ['base image', data.from],
    ['base stage name', data.base.name],
    ['dependencies stage name', data.dependencies?.name],
    ['dependencies parent', data.dependencies?.parent],
    ['app stage name', data.app?.name],
    ['app parent', data.app?.parent],
    ['final stage name', data.final.name],
    ['final parent', data.final.parent],
    ...data.directives.map((d, i) => [`directive ${i + 1}`, d] as [string, string]),
  ];
  for (const [what, value] of oneLine) {
    if (value === null || value === undefined) continue;
    if (/[\r\n]/.test(value)) {
      throw new DockoptError('input', `multi-stage template: the ${what} ${JSON.stringify(value)} contains a line break, which would break the Dockerfile`);
    }
    if (value.trim() === '') throw new DockoptError('input', `multi-stage template: the ${what} is empty`);
  }
  for (const [what, name] of [['base', data.base.name], ['dependencies', data.dependencies?.name], ['app', data.app?.name], ['final', data.final.name]] as const) {
    if (name && !STAGE_NAME.test(name.toLowerCase())) throw new DockoptError('input', `multi-stage template: the ${what} stage name ${JSON.stringify(name)} is not a valid stage name`);
  }
  for (const d of data.directives) if (!/^#\s*[a-z]+\s*=/i.test(d)) throw new DockoptError('input', `multi-stage template: ${JSON.stringify(d)} is not a parser directive`);
}

/** The rewrite as the fix engine runs it. */
export async function multistageRewrite(): Promise<Rewrite> {
  const render = await loadRenderer();
  return {
    code: 'MULTISTAGE',
    description: 'Rewrite into the multi-stage template (base, dependencies, app, final)',
    applicability: 'unsafe',
    apply: (text, options) => rewriteMultiStage(text, options, render)?.text ?? null,
  };
}

type Phase = 'base' | 'dependencies' | 'app' | 'final';
const ORDER: Phase[] = ['base', 'dependencies', 'app', 'final'];

/** Whether every command of a RUN is a dependency install that needs no source (or harmless). */
function installOnly(inst: Instruction, accept: (u: PackageManagerUse) => boolean): boolean {
  const cmds = runCommands(inst);
  if (cmds.length === 0 || inst.heredocs.length > 0) return false;
  let installs = 0;
  for (const c of cmds) {
    const u = recognise(c);
    if (u) {
      if (u.action === 'update-index') continue;
      if ((u.action !== 'install' && u.action !== 'download') || u.inputs === null || !accept(u)) return false;
      installs++;
      continue;
    }
    if (harmless(c)) continue;
    return false;
  }
  return installs > 0;
}

const systemUse = (u: PackageManagerUse) => u.ecosystem === 'system';
const manifestUse = (u: PackageManagerUse) => u.ecosystem !== 'system' && u.fromManifests;
const localUse = (u: PackageManagerUse) => u.ecosystem !== 'system' && !u.fromManifests && (u.inputs ?? []).length > 0 && !(u.inputs ?? []).some((i) => i === '.' || i === './');

/** The phase an instruction belongs to by itself, or null when it goes with its neighbours. */
function naturalPhase(inst: Instruction, list: Instruction[]): Phase | null {
  if (inst.keyword === 'RUN') {
    if (installOnly(inst, systemUse)) return 'base';
    if (installOnly(inst, manifestUse)) return 'dependencies';
    if (installOnly(inst, localUse)) return 'app';
    return null;
  }
  if ((inst.keyword === 'COPY' || inst.keyword === 'ADD') && readsContext(inst)) {
    // A copy of what the next install reads goes with that install; other copies are the code.
    const next = list.slice(list.indexOf(inst) + 1).find((i) => i.keyword === 'RUN' && packageManagerUses(i).some((u) => u.action === 'install' || u.action === 'download'));
    if (next) {
      const phase = naturalPhase(next, list);
      const uses = packageManagerUses(next);
      if (phase && phase !== 'base' && staleCopiesBefore([inst, next], (u) => uses.some((x) => x.command === u.command)).length === 0) return phase;
    }
    return 'final';
  }
  return null;
}

/**
 * The text of each instruction with the comments above it (up to the previous instruction), and
 * whether a blank line separated it from the one before.
 */
function blocks(model: DockerfileModel): { inst: Instruction; text: string; blankBefore: boolean }[] {
  const { text } = model;
  const out: { inst: Instruction; text: string; blankBefore: boolean }[] = [];
  let from = model.hasBom ? 1 : 0;
  // Skip the parser directives at the top.
  for (const d of model.directives) from = Math.max(from, model.lineStarts[d.line + 1] ?? text.length);
  for (const inst of model.instructions) {
    const end = model.lineStarts[inst.endLine + 1] ?? text.length;
    const raw = text.slice(from, end);
    const chunk = raw.replace(/^([ \t]*\r?\n)+/, '').replace(/\s+$/, '');
    out.push({ inst, text: chunk, blankBefore: chunk.length < raw.replace(/\s+$/, '').length });
    from = end;
  }
  return out;
}

export interface MultiStageResult {
  template: TemplateName;
  text: string;
}

/** Which template fits: by the dependency installs, and Lambda by the base image. */
export function templateFor(model: DockerfileModel): TemplateName {
  const stage = model.stages[0];
  const uses = stage.instructions.flatMap((i) => (i.keyword === 'RUN' ? packageManagerUses(i) : []));
  const image = (stage.resolvedImage ?? stage.image ?? '').toLowerCase();
  const eco = uses.find((u) => u.ecosystem !== 'system')?.ecosystem;
  if (eco === 'python' || /(^|\/)python(:|@|$)/.test(image) || /lambda\/python/.test(image)) {
    return /(^|\/)(lambda\/python|aws-lambda-python)(:|@|$)/.test(image) ? 'lambda-python' : 'python';
  }
  if (eco === 'node' || /(^|\/)node(:|@|$)/.test(image)) return 'node';
  if (eco === 'go' || /(^|\/)golang(:|@|$)/.test(image)) return 'go';
  return 'generic';
}

/**
 * Rewrite a single-stage Dockerfile into the multi-stage template, or null when it does not fit
 * (several stages already, ONBUILD triggers, text the parser did not understand, or no dependency
 * install to separate).
 */
export function rewriteMultiStage(input: string, options: FixOptions, render: Render): MultiStageResult | null {
  const path = options.path ?? 'Dockerfile';
  const original = parseDockerfile(input, path);
  if (original.stages.length !== 1 || original.instructions.some((i) => !i.known || i.keyword === 'ONBUILD')) return null;
  if (original.instructions.filter((i) => i.keyword === 'FROM').length !== 1) return null;
  // First the layer order: the same unsafe fixes `dockopt fix --unsafe` makes.
  const layered = fixText(input, { ...options, rewrites: [], unsafe: true, only: ['DO101', 'DO102', 'DO103', 'DO104', 'DO105'] }).output;
  const model = parseDockerfile(layered, path);
  if (model.stages.length !== 1) return null;
  const stage = model.stages[0];
  const list = stage.instructions.slice(1);

  let current = 0;
  const phases = new Map<Phase, Instruction[]>(ORDER.map((p) => [p, []]));
  for (const inst of list) {
    const natural = naturalPhase(inst, list);
    if (natural !== null && ORDER.indexOf(natural) > current) current = ORDER.indexOf(natural);
    phases.get(ORDER[current])!.push(inst);
  }
  // The point is to keep dependencies apart from the code that changes: both must be there.
  if (phases.get('dependencies')!.length === 0 && phases.get('app')!.length === 0) return null;
  if (!phases.get('final')!.some((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && readsContext(i))) return null;

  const all = blocks(model);
  const textOf = (i: Instruction) => all.find((b) => b.inst === i)!.text;
  const from = stage.from;
  const fromBlock = textOf(from);
  const fromComments = fromBlock.slice(0, fromBlock.length - from.text.length).replace(/\s+$/, '');
  const preamble = [
    ...model.instructions.filter((i) => i.stage === null).map(textOf),
    ...(fromComments ? [fromComments] : []),
  ].join(model.eol);
  // FROM [flags] image [AS name]: keep flags and image as written.
  const asWord = from.args.findIndex((a) => a.value.toLowerCase() === 'as');
  const fromArgs = model.text.slice(from.argsStart, asWord > 0 ? from.args[asWord - 1].end : from.end).trim();
  const flagText = from.flags.map((f) => model.text.slice(f.start, f.end)).join(' ');
  const originalName = stage.name;
  const taken = new Set([originalName?.toLowerCase()]);
  const nameFor = (n: string) => (taken.has(n) ? `${n}-stage` : n);

  // ARGs end with their stage: declare the earlier stages' ARGs again in each later one.
  const argLines: string[] = [];
  const bodyOf = (phase: Phase) => {
    const own = phases.get(phase)!;
    const redeclared = [...argLines];
    for (const i of own) if (i.keyword === 'ARG') argLines.push(i.text);
    // Blank lines between instructions stay, except at the top of a stage.
    const texts = own.map((i, k) => `${k > 0 && all.find((b) => b.inst === i)!.blankBefore ? model.eol : ''}${textOf(i)}`);
    return [...redeclared, ...texts].join(model.eol);
  };
  const present = ORDER.filter((p) => p === 'base' || p === 'final' || phases.get(p)!.length > 0);
  const names: Record<Phase, string> = { base: nameFor('base'), dependencies: nameFor('dependencies'), app: nameFor('app'), final: originalName ?? 'final' };
  const parentOf = (p: Phase) => names[present[present.indexOf(p) - 1]];
  const stageOf = (p: 'dependencies' | 'app'): StageData | null => (phases.get(p)!.length ? { name: names[p], parent: parentOf(p), body: bodyOf(p) } : null);
  const data: TemplateData = {
    directives: directiveLines(model),
    preamble,
    from: flagText ? `${flagText} ${fromArgs}` : fromArgs,
    base: { name: names.base, body: bodyOf('base') },
    dependencies: stageOf('dependencies'),
    app: stageOf('app'),
    final: { parent: parentOf('final'), name: originalName, body: bodyOf('final') },
  };
  const template = templateFor(model);
  let text = `${render(template, data).replace(/\s+$/, '')}\n`;
  if (model.eol === '\r\n') text = text.replace(/\r?\n/g, '\r\n');
  if (original.hasBom) text = `\uFEFF${text}`;
  // Trailing comments after the last instruction stay at the end.
  const tail = model.text.slice(model.lineStarts[model.instructions[model.instructions.length - 1].endLine + 1] ?? model.text.length).trim();
  if (tail) text += `${model.eol}${tail.replace(/\r?\n/g, model.eol)}${model.eol}`;
  if (!/\n$/.test(input)) text = text.replace(/\r?\n$/, '');
  return { template, text };
}

/** The file's parser directives as written, with `# syntax=` added when missing. */
function directiveLines(model: DockerfileModel): string[] {
  const lines = model.directives.map((d) => model.text.slice(d.start, d.end).replace(/^\uFEFF/, '').trim());
  if (!model.directives.some((d) => d.name === 'syntax')) lines.unshift('# syntax=docker/dockerfile:1');
  return lines;
}
