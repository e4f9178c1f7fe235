// Image declarations in TypeScript infrastructure code (Pulumi, AWS CDK), read statically with
// ts-morph: the program is never run. A value that cannot be known without running it (a Pulumi
// Output, a function call, an environment variable) leaves its image out with a warning; dockopt
// never guesses. ts-morph (~330 ms to load) is imported only here, only when discovery is asked for.
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type * as Morph from 'ts-morph';
import { walkFiles } from '../files.ts';

export interface DiscoveredImage {
  name: string;
  /** Absolute paths. */
  dockerfile: string;
  context: string;
  args: Record<string, string>;
  target?: string;
  platform?: string;
  tags: string[];
  /** Which API declared it, e.g. "@pulumi/docker Image". */
  kind: string;
  /** Where: path relative to cwd and 1-based line. */
  file: string;
  line: number;
}

export interface DiscoveryWarning {
  file: string;
  line: number;
  message: string;
}

export interface Discovery {
  images: DiscoveredImage[];
  warnings: DiscoveryWarning[];
  /** The files that were read. */
  files: string[];
}

/** A value that could not be worked out statically, and why. */
class Unknown {
  constructor(readonly why: string) {}
}
type Value = string | string[] | Record<string, unknown> | Unknown;

type Kind = 'pulumi-docker' | 'pulumi-docker-build' | 'awsx-ecr' | 'cdk-asset' | 'cdk-lambda-code' | 'cdk-ecs-asset';

const KIND_LABEL: Record<Kind, string> = {
  'pulumi-docker': '@pulumi/docker Image',
  'pulumi-docker-build': '@pulumi/docker-build Image',
  'awsx-ecr': '@pulumi/awsx ecr.Image',
  'cdk-asset': 'aws-cdk-lib DockerImageAsset',
  'cdk-lambda-code': 'aws-cdk-lib DockerImageCode.fromImageAsset',
  'cdk-ecs-asset': 'aws-cdk-lib ContainerImage.fromAsset',
};

/** Which (module, exported path) means which kind of image declaration. */
function kindOf(module: string, path: string[]): Kind | null {
  const m = module.replace(/^node:/, '');
  const p = path.join('.');
  if (m === '@pulumi/docker' && p === 'Image') return 'pulumi-docker';
  if (m === '@pulumi/docker-build' && p === 'Image') return 'pulumi-docker-build';
  if ((m === '@pulumi/awsx' && p === 'ecr.Image') || (m === '@pulumi/awsx/ecr' && p === 'Image') || (m === '@pulumi/awsx/classic' && p === 'ecr.Image')) return 'awsx-ecr';
  const cdk = (sub: string, name: string) => (m === `aws-cdk-lib/${sub}` || m === `@aws-cdk/${sub}`) ? p === name : m === 'aws-cdk-lib' && p === `${sub.replace(/-/g, '_')}.${name}`;
  if (cdk('aws-ecr-assets', 'DockerImageAsset')) return 'cdk-asset';
  if (cdk('aws-lambda', 'DockerImageCode.fromImageAsset')) return 'cdk-lambda-code';
  if (cdk('aws-ecs', 'ContainerImage.fromAsset')) return 'cdk-ecs-asset';
  return null;
}

const CDK_PLATFORMS: Record<string, string> = { LINUX_AMD64: 'linux/amd64', LINUX_ARM64: 'linux/arm64' };

/** The directory the infrastructure program runs in (process.cwd() there): Pulumi.yaml or cdk.json. */
function programDir(file: string, fallback: string): string {
  const { existsSync } = process.getBuiltinModule('node:fs');
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (['Pulumi.yaml', 'Pulumi.yml', 'cdk.json'].some((n) => existsSync(join(dir, n)))) return dir;
    if (dirname(dir) === dir) return fallback;
  }
}

function matchFiles(cwd: string, patterns: string[]): string[] {
  const isMatch = picomatch(patterns, { dot: false });
  return walkFiles(cwd, (p, isDir) => !isDir && (!/\.(c|m)?[jt]sx?$/.test(p) || p.endsWith('.d.ts') || !isMatch(relative(cwd, p).split(sep).join('/'))));
}

export async function discoverImages(patterns: string[], cwd: string): Promise<Discovery> {
  const files = matchFiles(cwd, patterns);
  if (files.length === 0) return { images: [], warnings: [], files };
  const morph = await import('ts-morph');
  const { Node, Project, SyntaxKind } = morph;
  const project = new Project({
    compilerOptions: { allowJs: true, noEmit: true, skipLibCheck: true, types: [] },
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
  });
  for (const f of files) project.addSourceFileAtPath(f);
  // Constants may live in other modules of the program.
  project.resolveSourceFileDependencies();

  const images: DiscoveredImage[] = [];
  const warnings: DiscoveryWarning[] = [];
  const rel = (p: string) => relative(cwd, p).split(sep).join('/');

  const at = (node: Morph.Node) => ({ file: rel(node.getSourceFile().getFilePath()), line: node.getStartLineNumber() });

  /** The module and exported path an expression such as `docker.Image` or `ecr.Image` refers to. */
  const importPath = (expr: Morph.Node): { module: string; path: string[] } | null => {
    const parts: string[] = [];
    let cur: Morph.Node = expr;
    while (Node.isPropertyAccessExpression(cur)) {
      parts.unshift(cur.getName());
      cur = cur.getExpression();
    }
    if (!Node.isIdentifier(cur)) return null;
    const symbol = cur.getSymbol();
    for (const decl of symbol?.getDeclarations() ?? []) {
      if (Node.isNamespaceImport(decl)) {
        const imp = decl.getFirstAncestorByKind(SyntaxKind.ImportDeclaration);
        if (imp) return { module: imp.getModuleSpecifierValue(), path: parts };
      }
      if (Node.isImportSpecifier(decl)) {
        return { module: decl.getImportDeclaration().getModuleSpecifierValue(), path: [decl.getName(), ...parts] };
      }
      if (Node.isImportClause(decl)) {
        const imp = decl.getParent();
        if (Node.isImportDeclaration(imp)) return { module: imp.getModuleSpecifierValue(), path: ['default', ...parts] };
      }
      if (Node.isVariableDeclaration(decl)) {
        // const docker = require("@pulumi/docker")
        const init = decl.getInitializer();
        if (init && Node.isCallExpression(init) && init.getExpression().getText() === 'require') {
          const arg = init.getArguments()[0];
          if (arg && Node.isStringLiteral(arg)) return { module: arg.getLiteralValue(), path: parts };
        }
      }
    }
    return null;
  };

  const isPathModule = (expr: Morph.Node): 'join' | 'resolve' | null => {
    const target = importPath(expr);
    if (!target || !['path', 'node:path', 'path/posix', 'node:path/posix'].includes(target.module)) return null;
    const fn = target.path[target.path.length - 1];
    return fn === 'join' || fn === 'resolve' ? fn : null;
  };

  const evaluate = (node: Morph.Node | undefined, file: string, depth = 0): Value => {
    if (!node) return new Unknown('missing');
    if (depth > 40) return new Unknown('too deeply nested');
    const ev = (n: Morph.Node | undefined) => evaluate(n, file, depth + 1);
    if (Node.isStringLiteral(node) || Node.isNoSubstitutionTemplateLiteral(node)) return node.getLiteralValue();
    if (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isSatisfiesExpression(node) || Node.isNonNullExpression(node)) return ev(node.getExpression());
    if (Node.isTemplateExpression(node)) {
      let out = node.getHead().getLiteralText();
      for (const span of node.getTemplateSpans()) {
        const v = ev(span.getExpression());
        if (typeof v !== 'string') return v instanceof Unknown ? v : new Unknown(`\`${span.getExpression().getText()}\` is not a string`);
        out += v + span.getLiteral().getLiteralText();
      }
      return out;
    }
    if (Node.isBinaryExpression(node) && node.getOperatorToken().getKind() === SyntaxKind.PlusToken) {
      const l = ev(node.getLeft());
      const r = ev(node.getRight());
      if (typeof l === 'string' && typeof r === 'string') return l + r;
      return l instanceof Unknown ? l : r instanceof Unknown ? r : new Unknown(`\`${node.getText()}\` is not a string`);
    }
    if (Node.isArrayLiteralExpression(node)) {
      const out: string[] = [];
      for (const el of node.getElements()) {
        const v = ev(el);
        if (typeof v !== 'string') return v instanceof Unknown ? v : new Unknown(`\`${el.getText()}\` is not a string`);
        out.push(v);
      }
      return out;
    }
    if (Node.isObjectLiteralExpression(node)) {
      const out: Record<string, unknown> = {};
      for (const prop of node.getProperties()) {
        if (Node.isPropertyAssignment(prop)) {
          const nameNode = prop.getNameNode();
          const key = Node.isStringLiteral(nameNode) || Node.isNoSubstitutionTemplateLiteral(nameNode) ? nameNode.getLiteralValue() : Node.isIdentifier(nameNode) ? nameNode.getText() : null;
          if (key === null) return new Unknown(`computed key \`${nameNode.getText()}\``);
          out[key] = ev(prop.getInitializer());
        } else if (Node.isShorthandPropertyAssignment(prop)) {
          out[prop.getName()] = ev(prop.getNameNode());
        } else if (Node.isSpreadAssignment(prop)) {
          const v = ev(prop.getExpression());
          if (v instanceof Unknown || typeof v !== 'object' || Array.isArray(v)) return v instanceof Unknown ? v : new Unknown('spread of a non-object');
          Object.assign(out, v);
        } else {
          return new Unknown(`\`${prop.getText().slice(0, 40)}\` in an object`);
        }
      }
      return out;
    }
    if (Node.isIdentifier(node)) {
      const name = node.getText();
      if (name === '__dirname') return dirname(file);
      if (name === '__filename') return file;
      if (name === 'undefined') return new Unknown('undefined');
      let symbol = node.getSymbol();
      if (symbol?.isAlias()) symbol = symbol.getAliasedSymbol() ?? symbol;
      const decl = symbol?.getDeclarations()[0];
      if (decl && Node.isVariableDeclaration(decl)) {
        const kind = decl.getVariableStatement()?.getDeclarationKind();
        if (kind !== 'const') return new Unknown(`\`${name}\` is not a const`);
        return evaluate(decl.getInitializer(), decl.getSourceFile().getFilePath(), depth + 1);
      }
      if (decl && Node.isShorthandPropertyAssignment(decl)) return new Unknown(`\`${name}\` is not a const`);
      return new Unknown(decl ? `\`${name}\` is a ${decl.getKindName()}, not a const value` : `\`${name}\` cannot be resolved`);
    }
    if (Node.isPropertyAccessExpression(node)) {
      const obj = node.getExpression();
      const prop = node.getName();
      // CDK Platform.LINUX_ARM64 and friends
      const imported = importPath(node);
      if (imported && /aws-cdk/.test(imported.module) && imported.path.slice(-2)[0] === 'Platform' && CDK_PLATFORMS[prop]) return CDK_PLATFORMS[prop];
      if (obj.getText() === 'process' || obj.getText() === 'process.env') return new Unknown(`\`${node.getText()}\` depends on the environment`);
      const v = ev(obj);
      if (v instanceof Unknown) return new Unknown(`\`${node.getText()}\` is not a static value`);
      if (typeof v === 'object' && !Array.isArray(v) && prop in v) return v[prop] as Value;
      return new Unknown(`\`${node.getText()}\` cannot be resolved`);
    }
    if (Node.isCallExpression(node)) {
      const callee = node.getExpression();
      if (callee.getText() === 'process.cwd' && node.getArguments().length === 0) return programDir(file, cwd);
      const fn = isPathModule(callee);
      if (fn) {
        const parts: string[] = [];
        for (const a of node.getArguments()) {
          const v = ev(a);
          if (typeof v !== 'string') return v instanceof Unknown ? v : new Unknown(`\`${a.getText()}\` is not a string`);
          parts.push(v);
        }
        return fn === 'join' ? join(...parts) : resolve(programDir(file, cwd), ...parts);
      }
      return new Unknown(`\`${node.getText().slice(0, 60)}\` is a function call`);
    }
    return new Unknown(`\`${node.getText().slice(0, 60)}\` is not a static value`);
  };

  /** A name for the image: the resource name / construct id, else the const it is assigned to. */
  const nameOf = (node: Morph.Node, explicit: Morph.Node | undefined, file: string): string | null => {
    if (explicit) {
      const v = evaluate(explicit, file);
      if (typeof v === 'string') return v;
    }
    // DockerImageFunction(scope, "Id", { code: DockerImageCode.fromImageAsset(...) })
    const prop = node.getParentIfKind(SyntaxKind.PropertyAssignment);
    const owner = prop?.getParent()?.getParent();
    if (owner && Node.isNewExpression(owner)) {
      const id = owner.getArguments()[1];
      if (id) {
        const v = evaluate(id, file);
        if (typeof v === 'string') return v;
      }
    }
    const decl = node.getFirstAncestorByKind(SyntaxKind.VariableDeclaration);
    if (decl && decl.getInitializer() === node) return decl.getName();
    return null;
  };

  for (const sf of project.getSourceFiles()) {
    const file = sf.getFilePath();
    if (!files.includes(resolve(file))) continue;
    const candidates = [...sf.getDescendantsOfKind(SyntaxKind.NewExpression), ...sf.getDescendantsOfKind(SyntaxKind.CallExpression)];
    for (const node of candidates) {
      const callee = importPath(node.getExpression());
      if (!callee) continue;
      const kind = kindOf(callee.module, callee.path);
      if (!kind) continue;
      const args = node.getArguments();
      const where = at(node);
      const warn = (message: string) => warnings.push({ ...where, message });
      const isCdkNew = kind === 'cdk-asset';
      const isCdkCall = kind === 'cdk-lambda-code' || kind === 'cdk-ecs-asset';
      const name = nameOf(node, isCdkCall ? undefined : isCdkNew ? args[1] : args[0], file) ?? `${where.file}:${where.line}`;
      const label = `${KIND_LABEL[kind]} "${name}"`;
      const props = evaluate(isCdkNew ? args[2] : isCdkCall ? args[1] : args[1], file);
      if (props instanceof Unknown && args[isCdkNew ? 2 : 1]) {
        warn(`${label}: its options are not static (${props.why}); left out`);
        continue;
      }
      const opts = (props instanceof Unknown || typeof props !== 'object' || Array.isArray(props) ? {} : props) as Record<string, Value>;
      const base = programDir(file, cwd);
      const abs = (p: string, from = base) => (isAbsolute(p) ? p : resolve(from, p));

      // Each kind names the same facts differently.
      let contextV: Value;
      let dockerfileV: Value | undefined;
      let dockerfileRelativeToContext = false;
      let argsV: Value | undefined;
      let targetV: Value | undefined;
      let platformV: Value | undefined;
      let tagsV: Value | undefined;
      if (kind === 'pulumi-docker') {
        const build = opts.build;
        const b = (typeof build === 'object' && !Array.isArray(build) && !(build instanceof Unknown) ? build : {}) as Record<string, Value>;
        contextV = build instanceof Unknown ? build : typeof build === 'string' ? build : (b.context ?? '.');
        dockerfileV = b.dockerfile;
        argsV = b.args;
        targetV = b.target;
        platformV = b.platform;
        tagsV = opts.imageName;
      } else if (kind === 'pulumi-docker-build') {
        const ctx = opts.context;
        contextV = ctx instanceof Unknown ? ctx : typeof ctx === 'object' && !Array.isArray(ctx) ? ((ctx as Record<string, Value>).location ?? new Unknown('context.location is missing')) : '.';
        const df = opts.dockerfile;
        dockerfileV = df instanceof Unknown ? df : typeof df === 'object' && !Array.isArray(df) ? (df as Record<string, Value>).location : undefined;
        argsV = opts.buildArgs;
        targetV = opts.target;
        const platforms = opts.platforms;
        platformV = Array.isArray(platforms) ? platforms.join(',') : platforms;
        tagsV = opts.tags;
      } else if (kind === 'awsx-ecr') {
        contextV = opts.context ?? '.';
        dockerfileV = opts.dockerfile;
        argsV = opts.args;
        targetV = opts.target;
        platformV = opts.platform;
      } else {
        // CDK: the directory is the context; `file` is relative to it.
        contextV = isCdkNew ? (opts.directory ?? new Unknown('directory is missing')) : evaluate(args[0], file);
        dockerfileV = opts.file;
        dockerfileRelativeToContext = true;
        argsV = opts.buildArgs;
        targetV = opts.target;
        platformV = opts.platform;
      }

      const bad: string[] = [];
      const str = (field: string, v: Value | undefined): string | undefined => {
        if (v === undefined) return undefined;
        if (typeof v === 'string') return v;
        bad.push(`${field} ${v instanceof Unknown ? `is not static (${v.why})` : 'is not a string'}`);
        return undefined;
      };
      const context = str('context', contextV);
      const dockerfile = str('dockerfile', dockerfileV);
      const target = str('target', targetV);
      const platform = str('platform', platformV);
      const buildArgs: Record<string, string> = {};
      if (argsV instanceof Unknown) bad.push(`build args are not static (${argsV.why})`);
      else if (argsV && typeof argsV === 'object' && !Array.isArray(argsV)) {
        for (const [k, v] of Object.entries(argsV)) {
          if (typeof v === 'string') buildArgs[k] = v;
          else bad.push(`build arg ${k} is not static (${v instanceof Unknown ? v.why : 'not a string'})`);
        }
      }
      if (bad.length || context === undefined) {
        warn(`${label}: ${bad.join('; ') || 'no context'}; left out (dockopt never guesses)`);
        continue;
      }
      const contextAbs = abs(context);
      const dockerfileAbs = dockerfile === undefined ? join(contextAbs, 'Dockerfile') : dockerfileRelativeToContext ? abs(dockerfile, contextAbs) : abs(dockerfile);
      const tags: string[] = [];
      if (typeof tagsV === 'string') tags.push(tagsV);
      else if (Array.isArray(tagsV)) tags.push(...tagsV);
      else if (tagsV instanceof Unknown) warn(`${label}: the image name/tags are not static (${tagsV.why}); building without them`);
      images.push({
        name,
        dockerfile: dockerfileAbs,
        context: contextAbs,
        args: buildArgs,
        ...(target !== undefined ? { target } : {}),
        ...(platform !== undefined ? { platform } : {}),
        tags,
        kind: KIND_LABEL[kind],
        ...where,
      });
    }
  }
  images.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  // Names must be unique targets: qualify repeats with their location.
  const counts = new Map<string, number>();
  for (const img of images) counts.set(img.name, (counts.get(img.name) ?? 0) + 1);
  for (const img of images) if ((counts.get(img.name) ?? 0) > 1) img.name = `${img.name}@${img.file}:${img.line}`;
  return { images, warnings, files: files.map(rel) };
}
