// Preloaded with NODE_OPTIONS=--require: writes the names of the packages a run loaded to the
// file in DOCKOPT_RECORD_MODULES at exit, so tests can prove what the lint path does not load.
'use strict';
const Module = require('node:module');
const { writeFileSync } = require('node:fs');
const seen = new Set();
const load = Module._load;
Module._load = function (request, ...rest) {
  seen.add(request);
  return load.call(this, request, ...rest);
};
process.on('exit', () => writeFileSync(process.env.DOCKOPT_RECORD_MODULES, [...seen].join('\n')));
