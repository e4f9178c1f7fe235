// The lint layer's side of the context rules: which directory is a Dockerfile's build context
// (`--context`, else the config's `overrides[].context`, else the context an infrastructure-code
// declaration gives it, else the Dockerfile's directory), and one
// walk per context directory and ignore file for the whole run.
import { dirname, resolve } from 'node:path';
import { configError, DockoptError, usageError } from '../errors.ts';
import { overridesFor, type LoadedConfig } from '../config.ts';
import { BuildContext, DEFAULT_LIMITS, type ContextLimits } from './facts.ts';
import { findIgnoreFile, walkContext } from './walk.ts';
import { displayPath, isDirectory } from '../files.ts';

export interface BuildContextOption {
  /** The context directory for every Dockerfile (`--context`), relative to cwd. */
  dir?: string;
  /** Standard input has a known path (`--stdin-filename`), so its context is known too. */
  stdin?: boolean;
  /** Contexts declared in infrastructure code (absolute Dockerfile path -> absolute context). */
  declared?: Map<string, string>;
}

export class BuildContextResolver {
  private readonly cache = new Map<string, BuildContext>();
  private readonly fixedDir: string | null;
  private readonly limits: ContextLimits;

  constructor(
    private readonly cwd: string,
    private readonly loaded: LoadedConfig,
    private readonly option: BuildContextOption = {},
  ) {
    this.fixedDir = option.dir ? resolve(cwd, option.dir) : null;
    if (this.fixedDir && !isDirectory(this.fixedDir)) throw usageError(`--context ${option.dir}: no such directory`);
    this.limits = { ...DEFAULT_LIMITS, ...loaded.config.context };
  }

  /** The directory the Dockerfile is built from, and whether it is only the default. */
  contextDir(dockerfile: string): { dir: string; inferred: boolean } {
    if (this.fixedDir) return { dir: this.fixedDir, inferred: false };
    const withContext = overridesFor(this.loaded, dockerfile).filter((o) => o.context !== undefined);
    const last = withContext[withContext.length - 1];
    if (last) {
      const dir = resolve(this.loaded.dir, last.context!);
      if (!isDirectory(dir)) throw configError(this.loaded.path ?? 'config', `overrides: build context "${last.context}" is not a directory`);
      return { dir, inferred: false };
    }
    const declared = this.option.declared?.get(resolve(dockerfile));
    if (declared && isDirectory(declared)) return { dir: declared, inferred: false };
    return { dir: dirname(dockerfile), inferred: true };
  }

  /**
   * The build context of a Dockerfile (absolute path; for standard input the path it is reported
   * as), or undefined when it is not known.
   */
  forDockerfile(dockerfile: string, fromStdin = false): BuildContext | undefined {
    if (fromStdin && !this.option.stdin && !this.fixedDir) return undefined;
    const { dir, inferred } = this.contextDir(dockerfile);
    const ignoreFile = findIgnoreFile(dir, dockerfile);
    const key = `${dir}\u0000${ignoreFile ?? ''}\u0000${inferred}`;
    let ctx = this.cache.get(key);
    if (!ctx) {
      ctx = this.load(dir, dockerfile, ignoreFile, inferred);
      this.cache.set(key, ctx);
    }
    return ctx;
  }

  private load(dir: string, dockerfile: string, ignoreFile: string | null, inferred: boolean): BuildContext {
    const dirShown = displayPath(this.cwd, dir);
    const ignoreShown = ignoreFile ? displayPath(this.cwd, ignoreFile) : null;
    try {
      const walk = walkContext(dir, { dockerfile });
      return new BuildContext(dirShown, walk, ignoreShown, this.limits, null, inferred);
    } catch (err) {
      if (err instanceof DockoptError && ignoreFile && err.options.file === ignoreFile) {
        return new BuildContext(dirShown, null, ignoreShown, this.limits, { file: ignoreShown!, line: err.options.line, message: err.message }, inferred);
      }
      throw err;
    }
  }
}
