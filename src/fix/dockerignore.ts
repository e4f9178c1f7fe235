// .dockerignore generation for `dockopt fix`: for a build context without an ignore file, one made
// from the templates in templates/dockerignore/ for the ecosystems found (in the Dockerfiles'
// installs and the context's manifests), plus version-control, editor, OS and cache junk, plus the
// large paths no Dockerfile of the context reads. Every candidate line is checked against the
// context model (src/context/): a line that would exclude a path some COPY/ADD/bind mount of any
// Dockerfile using the context reads is left out, with the reason. For an existing ignore file,
// the same lines not already there are proposed as additions (an unsafe fix: the file is the
// author's). Pure functions of the walk and the models; the caller reads and writes files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DockerfileModel } from '../model.ts';
import { packageManagerUses, type Ecosystem } from '../package-managers.ts';
import { contextReads, type ContextRead, type ContextReads } from '../context/reads.ts';
import { DockerIgnore, InvalidPatternError } from '../context/ignore.ts';
import type { BuildContext } from '../context/facts.ts';
import { TEMPLATES_DIR } from '../paths.ts';

export type IgnoreTemplate = 'common' | 'python' | 'node' | 'go' | 'rust' | 'java' | 'generic';

export interface IgnoreCandidate {
  pattern: string;
  /** Section title in the generated file. */
  section: string;
  /** A build output: left out when a Dockerfile copies the whole context (the image may be made of it). */
  output: boolean;
}

export interface IgnoreDecision {
  pattern: string;
  reason: string;
}

export interface IgnorePlan {
  /** The ignore file's text after the fix. */
  text: string;
  /** Lines added, by section. */
  added: { section: string; patterns: string[] }[];
  /** Candidates left out, and why (a Dockerfile reads what they would exclude). */
  skipped: IgnoreDecision[];
  /** Creating a missing file is safe; changing the author's file is not. */
  applicability: 'safe' | 'unsafe';
}

/** The Dockerfiles that use one build context with one ignore file. */
export interface IgnoreInputs {
  context: BuildContext;
  /** The current ignore file text, or null when there is none. */
  existing: string | null;
  /** The ignore file's path relative to the context root (`.dockerignore`), when it is inside it. */
  ignorePath?: string;
  dockerfiles: { path: string; model: DockerfileModel }[];
}

type Render = (template: 'dockerignore' | 'additions', sections: { title: string; patterns: string[] }[]) => string;

const MARKERS: Record<string, IgnoreTemplate> = {
  'package.json': 'node',
  'requirements.txt': 'python',
  'pyproject.toml': 'python',
  'setup.py': 'python',
  Pipfile: 'python',
  'poetry.lock': 'python',
  'go.mod': 'go',
  'Cargo.toml': 'rust',
  'pom.xml': 'java',
  'build.gradle': 'java',
  'build.gradle.kts': 'java',
  gradlew: 'java',
};

const BY_ECOSYSTEM: Partial<Record<Ecosystem, IgnoreTemplate>> = { python: 'python', node: 'node', go: 'go', rust: 'rust', java: 'java' };

/** Which templates apply: common always, generic always, and one per ecosystem found. */
export function ignoreTemplatesFor(inputs: IgnoreInputs): IgnoreTemplate[] {
  const found = new Set<IgnoreTemplate>();
  for (const { model } of inputs.dockerfiles) {
    for (const inst of model.instructions) {
      if (inst.keyword !== 'RUN') continue;
      for (const use of packageManagerUses(inst)) {
        const t = BY_ECOSYSTEM[use.ecosystem];
        if (t) found.add(t);
      }
    }
  }
  // Manifests at the top of the context or one directory down (a monorepo's packages).
  for (const e of inputs.context.walk?.files ?? []) {
    if (e.type !== 'file' || e.path.split('/').length > 2) continue;
    const name = e.path.slice(e.path.lastIndexOf('/') + 1);
    const t = MARKERS[name] ?? (/^requirements.*\.txt$/.test(name) ? 'python' : undefined);
    if (t) found.add(t);
  }
  const order: IgnoreTemplate[] = ['python', 'node', 'go', 'rust', 'java'];
  return ['common', ...order.filter((t) => found.has(t)), 'generic'];
}

/** The candidate lines of a template file (`# title` starts a section, `@output` marks build outputs). */
function readIgnoreTemplate(name: IgnoreTemplate, dir = TEMPLATES_DIR): IgnoreCandidate[] {
  const out: IgnoreCandidate[] = [];
  let section: string = name;
  for (const raw of readFileSync(join(dir, 'dockerignore', `${name}.txt`), 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (line.startsWith('# ')) {
      section = line.slice(2);
      continue;
    }
    const output = line.startsWith('@output ');
    out.push({ pattern: output ? line.slice(8).trim() : line, section, output });
  }
  return out;
}

/** Load handlebars (only for this) and compile the two templates. */
export function loadIgnoreRenderer(dir = TEMPLATES_DIR): Render {
  const require = process.getBuiltinModule('node:module').createRequire(import.meta.url);
  const handlebars = require('handlebars') as typeof import('handlebars');
  const compiled = new Map<string, (data: unknown) => string>();
  return (template, sections) => {
    for (const s of sections) {
      for (const p of [s.title, ...s.patterns]) if (/[\r\n]/.test(p)) throw new Error(`.dockerignore template: ${JSON.stringify(p)} contains a line break`);
    }
    let fn = compiled.get(template);
    if (!fn) {
      fn = handlebars.compile(readFileSync(join(dir, 'dockerignore', `${template}.hbs`), 'utf8'), { noEscape: true });
      compiled.set(template, fn);
    }
    return fn({ sections });
  };
}

/** The paths a read needs by name: its source (and, for a wildcard, the entries it matches). */
function namedPaths(context: BuildContext, reads: ContextReads, read: ContextRead): string[] {
  if (read.path === '.') return [];
  if (!read.glob) return [read.path];
  const depth = read.path.split('/').length;
  return (context.walk?.files ?? []).filter((e) => e.path.split('/').length === depth && reads.covers(read, e.path)).map((e) => e.path);
}

/**
 * Plan the ignore file of one context: which lines to add, which to leave out and why, and the new
 * text. Null when there is nothing to add.
 */
export function planDockerignore(inputs: IgnoreInputs, render: Render, templatesDir = TEMPLATES_DIR): IgnorePlan | null {
  const reads = inputs.dockerfiles.map((d) => ({ path: d.path, reads: contextReads(d.model) }));
  const wholeContext = reads.filter((r) => r.reads.everything);
  // What each read needs by name, and where it is, for the conflict check of every candidate.
  const needed = reads.flatMap(({ path, reads: r }) =>
    r.reads.map((read) => ({ paths: namedPaths(inputs.context, r, read), where: `${read.kind === 'mount' ? 'a bind mount' : read.kind} on line ${read.instruction.line + 1} of ${path}` })),
  );
  const candidates: IgnoreCandidate[] = ignoreTemplatesFor(inputs).flatMap((t) => readIgnoreTemplate(t, templatesDir));
  // A new ignore file must not end up in images that copy the whole context (BuildKit reads it
  // without it being sent).
  if (inputs.existing === null && inputs.ignorePath) candidates.unshift({ pattern: inputs.ignorePath, section: 'This file', output: false });

  // Heavy directories (installed packages, virtualenvs, build outputs...) wherever they are.
  const ctx = inputs.context;
  for (const h of ctx.heavyPaths()) {
    if (!candidates.some((c) => c.pattern === h.suggestion)) candidates.push({ pattern: h.suggestion, section: 'Found in this context', output: h.kind === 'build output' });
  }
  // Large paths no Dockerfile reads (only knowable when none copies the whole context).
  if (wholeContext.length === 0 && inputs.dockerfiles.length > 0) {
    const unused = inputs.dockerfiles.map((d) => new Set(ctx.unused(contextReads(d.model)).paths.map((p) => p.path)));
    for (const p of unused[0]) {
      if (unused.every((u) => u.has(p)) && !candidates.some((c) => c.pattern === p)) candidates.push({ pattern: p, section: 'Large paths no COPY or ADD reads', output: false });
    }
  }

  let existingPatterns: DockerIgnore;
  try {
    existingPatterns = DockerIgnore.parse(inputs.existing ?? '');
  } catch (err) {
    if (err instanceof InvalidPatternError) return null; // DO605 reports it; never build on a broken file
    throw err;
  }
  const present = new Set(existingPatterns.patterns.map((p) => `${p.negated ? '!' : ''}${p.pattern}`));
  const accepted: IgnoreCandidate[] = [];
  const skipped: IgnoreDecision[] = [];
  const baseText = inputs.existing ?? '';
  for (const c of candidates) {
    if (present.has(c.pattern) || accepted.some((a) => a.pattern === c.pattern)) continue;
    if (c.output && wholeContext.length) {
      skipped.push({ pattern: c.pattern, reason: `${wholeContext[0].path} copies the whole context, which may include build outputs` });
      continue;
    }
    let ignore: DockerIgnore;
    try {
      ignore = DockerIgnore.parse([baseText, ...accepted.map((a) => a.pattern), c.pattern].join('\n'));
    } catch {
      skipped.push({ pattern: c.pattern, reason: 'not a valid .dockerignore pattern' });
      continue;
    }
    // Never exclude what a COPY/ADD/bind mount of any Dockerfile using this context reads.
    let conflict: string | null = null;
    for (const { paths, where } of needed) {
      const hit = paths.find((p) => ignore.matches(p) && !existingPatterns.matches(p));
      if (hit) {
        conflict = `${where} reads ${hit}`;
        break;
      }
    }
    if (conflict) {
      skipped.push({ pattern: c.pattern, reason: conflict });
      continue;
    }
    accepted.push(c);
  }
  if (accepted.length === 0) return null;

  const sections: { title: string; patterns: string[] }[] = [];
  for (const a of accepted) {
    let s = sections.find((x) => x.title === a.section);
    if (!s) sections.push((s = { title: a.section, patterns: [] }));
    s.patterns.push(a.pattern);
  }
  const eol = /\r\n/.test(baseText) ? '\r\n' : '\n';
  let text: string;
  if (inputs.existing === null) {
    text = render('dockerignore', sections).replace(/\n{3,}/g, '\n\n');
  } else {
    const sep = baseText === '' || baseText.endsWith('\n') ? '' : eol;
    text = `${baseText}${sep}${render('additions', sections).replace(/^\n+/, baseText === '' ? '' : '\n')}`;
  }
  if (eol === '\r\n') text = text.replace(/\r?\n/g, '\r\n');
  return { text, added: sections.map((s) => ({ section: s.title, patterns: s.patterns })), skipped, applicability: inputs.existing === null ? 'safe' : 'unsafe' };
}
