'use strict';
// Run one of the bundle's CommonJS files with V8's code cache kept beside it. Node 20 keeps
// no compiled code between runs of an ES module, so every command parsed its 2.5 MB of
// bundle again and compiled each function it called on first call; a script run through
// `vm.Script` can be handed the code V8 made last time, functions compiled during the run
// included. A cache V8 refuses (another Node.js, other flags) is made again.
// Copied into the bundle's folder by `load-cli.js`, beside the files it runs.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

/**
 * Run the CommonJS file `file` as `require` would, with its code cache (`<file>.<name>.v8cache`:
 * one per way the file is used, each holding what that use compiles).
 * @returns its exports, and `save`, which writes the code V8 has compiled so far to the cache
 * when the cache was missing or refused (else it does nothing). Call it once the file's work
 * is done, so the cache holds the functions that work called.
 */
function runCached(file, name = 'run') {
  const cacheFile = `${file}.${name}.v8cache`;
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // None yet: made by `save`.
  }
  // As `require` wraps a module, with one more argument: the few packages kept outside the bundle
  // that it imports (Pagefind, sharp) come through this module's import(), since V8 drops a
  // script's own dynamic-import hook when it runs from a code cache (see `load-cli.js`).
  const wrapped = `(function (exports, require, module, __filename, __dirname, __datelineImport) {${fs.readFileSync(file, 'utf8')}\n})`;
  const script = new vm.Script(wrapped, {filename: file, cachedData});
  const module = {exports: {}};
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file), (specifier) => import(specifier));
  let fresh = cachedData === undefined || script.cachedDataRejected === true;
  const save = () => {
    if (!fresh) return;
    fresh = false;
    // Through a temporary name: a process reading the cache meanwhile sees the old one or the new, never half of one.
    const temporary = `${cacheFile}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
    try {
      fs.writeFileSync(temporary, script.createCachedData());
      fs.renameSync(temporary, cacheFile);
    } catch {
      // A read-only install: the next start compiles again, as without a cache.
      fs.rmSync(temporary, {force: true});
    }
  };
  return {exports: module.exports, save};
}

module.exports = {runCached};
