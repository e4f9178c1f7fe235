// Build: regenerate the rule index, bundle the CLI (CommonJS, for the code-cached loader) and the
// library (ESM), then warm the CLI's V8 code cache on the demo project.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

// yargs' ESM shim reads process.stdout.columns when it loads, which builds process.stdout and
// loads node:stream and friends (~5 ms) on every run; make it a getter, read only for help text.
const lazyStdColumns = {
  name: 'lazy-yargs-columns',
  setup(b) {
    b.onLoad({ filter: /yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/ }, (args) => {
      const src = readFileSync(args.path, 'utf8');
      const from = "stdColumns: typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null";
      if (!src.includes(from)) throw new Error('yargs shim changed: update lazyStdColumns in scripts/build.mjs');
      return { contents: src.replace(from, 'get stdColumns() { return process.stdout.columns ?? null; }'), loader: 'js' };
    });
  },
};

execFileSync(process.execPath, ['scripts/gen-rules-index.mjs'], { stdio: 'inherit' });
rmSync('dist', { recursive: true, force: true });

// Heavy libraries used only by some commands stay external and load on demand.
const lazyExternal = ['ts-morph', 'handlebars'];
const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', legalComments: 'none' };

await build({
  ...common,
  entryPoints: ['src/bin.ts'],
  outfile: 'dist/cli.cjs',
  format: 'cjs',
  external: lazyExternal,
  minifyWhitespace: true,
  minifySyntax: true,
  // import.meta.url does not exist in CommonJS; derive it from __filename.
  banner: { js: "const __dockopt_import_meta_url = require('url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__dockopt_import_meta_url' },
  alias: { assert: './scripts/shims/assert.cjs' },
  plugins: [lazyStdColumns],
});

await build({
  ...common,
  entryPoints: ['src/index.ts'],
  outfile: 'dist/index.js',
  format: 'esm',
  packages: 'external',
});

// Warm the code cache with a real lint run so the functions it uses are in it.
try {
  execFileSync(process.execPath, ['bin/dockopt.cjs', 'lint', 'fixtures/demo', '--format', 'json'], {
    env: { ...process.env, DOCKOPT_WRITE_CODE_CACHE: '1' },
    stdio: 'ignore',
  });
} catch {
  /* findings exit 1: the cache is written anyway */
}
