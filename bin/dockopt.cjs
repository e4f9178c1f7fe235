#!/usr/bin/env node
'use strict';
// Loads the bundled CLI through V8's code cache: compiling the bundle is most of dockopt's start-up
// time, and pre-commit runs it on every commit. The cache is made by `npm run build` and remade
// (atomically, best effort) when this Node version rejects it.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');

const file = path.join(__dirname, '..', 'dist', 'cli.cjs');
const cacheFile = `${file}.cache`;
// esbuild writes ASCII only (charset: 'ascii'), so latin1 reads it without UTF-8 decoding.
const source = fs.readFileSync(file, 'latin1');
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {}
const script = new vm.Script(Module.wrap(source), {
  filename: file,
  cachedData,
  importModuleDynamically: vm.constants && vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
});
if (cachedData === undefined || script.cachedDataRejected || process.env.DOCKOPT_WRITE_CODE_CACHE === '1') {
  process.once('exit', () => {
    try {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, script.createCachedData());
      fs.renameSync(tmp, cacheFile);
    } catch {}
  });
}
const mod = { exports: {}, filename: file, id: file, loaded: false, paths: Module._nodeModulePaths(path.dirname(file)) };
script.runInThisContext()(mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
