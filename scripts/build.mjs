// Build: regenerate the rule index, bundle the CLI (CommonJS, for the code-cached loader) and the
// library (ESM), then warm the CLI's V8 code cache on the demo project.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';

// Two start-up costs of yargs that every run paid, removed at bundle time (each replacement is
// checked, so a yargs upgrade that changes the code fails the build instead of silently keeping it):
// - its ESM shim reads process.stdout.columns when it loads, which builds process.stdout and loads
//   node:stream and friends (~5 ms): make it a getter, read only for help text;
// - before running an explicitly named command it renders and caches that command's help text
//   (~4-8 ms) so that a handler could call showHelp() later; dockopt's handlers never do, and
//   showHelp() without the cache still works (it re-parses).
const YARGS_PATCHES = [
  {
    file: /yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/,
    from: "stdColumns: typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null",
    to: 'get stdColumns() { return process.stdout.columns ?? null; }',
  },
  {
    file: /yargs[\\/]build[\\/]lib[\\/]usage\.js$/,
    from: 'self.cacheHelpMessage = function () {\n        cachedHelpMessage = this.help();\n    };',
    to: 'self.cacheHelpMessage = function () {};',
  },
];
const leanYargs = {
  name: 'lean-yargs',
  setup(b) {
    for (const patch of YARGS_PATCHES) {
      b.onLoad({ filter: patch.file }, (args) => {
        const src = readFileSync(args.path, 'utf8');
        if (!src.includes(patch.from)) throw new Error(`yargs changed (${args.path}): update YARGS_PATCHES in scripts/build.mjs`);
        return { contents: src.replace(patch.from, patch.to), loader: 'js' };
      });
    }
  },
};

execFileSync(process.execPath, ['scripts/gen-rules-index.mjs'], { stdio: 'inherit' });
execFileSync(process.execPath, ['scripts/gen-config-validator.mjs'], { stdio: 'inherit' });
// Build into a scratch directory and rename the results into dist/: a test or a CLI run in
// progress never sees dist/ half-written or missing.
const out = `dist/.build-${process.pid}`;
rmSync(out, { recursive: true, force: true });

// Libraries used only by some commands stay external and load on demand from node_modules:
// bundled, they would make every lint deserialize them at start-up.
// yaml stays in the bundle: with a YAML config (the common case) every run parses it, and loading
// the package from node_modules costs ~30 ms more than from the code-cached bundle.
const lazyExternal = ['ts-morph', 'handlebars', 'diff'];
// node20.19 (the engines floor), not node20: for node20 esbuild drops the `with { type: 'json' }` of
// external JSON imports, and Node then refuses to load dist/index.js.
const common = { bundle: true, platform: 'node', target: 'node20.19', logLevel: 'warning', legalComments: 'none' };

await build({
  ...common,
  entryPoints: ['src/bin.ts'],
  outfile: `${out}/cli.cjs`,
  format: 'cjs',
  external: lazyExternal,
  minifyWhitespace: true,
  minifySyntax: true,
  charset: 'ascii',
  // import.meta.url does not exist in CommonJS; derive it from __filename.
  banner: { js: "const __dockopt_import_meta_url = require('url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__dockopt_import_meta_url' },
  alias: { assert: './scripts/shims/assert.cjs' },
  // The loader runs the bundle with vm.Script, where import() has no module loader on Node 20:
  // turn dynamic imports of the external libraries into require().
  supported: { 'dynamic-import': false },
  plugins: [leanYargs],
});

await build({
  ...common,
  entryPoints: ['src/index.ts'],
  outfile: `${out}/index.js`,
  format: 'esm',
  packages: 'external',
});

mkdirSync('dist', { recursive: true });
const built = readdirSync(out);
for (const f of built) renameSync(`${out}/${f}`, `dist/${f}`);
// Files an earlier build made that this one did not (the code cache is remade below).
for (const f of readdirSync('dist')) if (!built.includes(f) && f !== 'cli.cjs.cache' && !f.startsWith('.build-')) rmSync(`dist/${f}`, { force: true });
rmSync(out, { recursive: true, force: true });

// Warm the code cache with a real lint run so the functions it uses are in it (the loader
// replaces a cache that does not fit the new bundle, atomically).
try {
  execFileSync(process.execPath, ['bin/dockopt.cjs', 'lint', 'fixtures/demo'], {
    env: { ...process.env, DOCKOPT_WRITE_CODE_CACHE: '1' },
    stdio: 'ignore',
  });
} catch {
  /* findings exit 1: the cache is written anyway */
}
