// Build-time stand-in for node:assert inside the CLI bundle. yargs imports assert only for two
// internal sanity checks; loading the real module (and the terminal-colour detection it pulls in)
// costs ~7 ms of start-up on every lint run.
'use strict';
function fail(message) {
  const err = new Error(message || 'assertion failed');
  err.code = 'ERR_ASSERTION';
  throw err;
}
exports.strictEqual = (a, b, message) => { if (a !== b) fail(message); };
exports.notStrictEqual = (a, b, message) => { if (a === b) fail(message); };
