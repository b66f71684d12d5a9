// Loads the command's bundle, dist/bin/lsp-report.cjs (built by scripts/bundle-cli.mjs), with
// the V8 code cache the build made for it, dist/bin/lsp-report.v8cache. Why: once the command
// was bundled, compiling its code was still most of what a short run spent above bare node (its
// top level, then each function on its first call); from the cache V8 takes the bytecode of
// every function a validate ran at build time instead of parsing and compiling them again.
// Node 20 has no cache for ES modules (module.enableCompileCache came in 22.1), so the bundle is
// one CommonJS-shaped file compiled here through vm.Script, which takes cachedData. This file
// and the bin are CommonJS themselves (bin/package.json): Node starts a CommonJS entry without
// its ES module loader, a few milliseconds less.
//
// A cache is used only if it was made for this very bundle (the build id on the bundle's first
// line heads the cache file); V8 itself refuses one made by another Node or V8 version or under
// other V8 flags (script.cachedDataRejected). Either way the bundle is compiled from its source
// as any script is, silently: the cache saves time, it never changes what runs. Nothing is ever
// written at run time.
const { readFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { dirname, join } = require("node:path");
const { Script } = require("node:vm");

const BUNDLE = join(__dirname, "..", "dist", "bin", "lsp-report.cjs");
const CODE_CACHE = join(__dirname, "..", "dist", "bin", "lsp-report.v8cache");

/** The build id on the bundle's first line (`// lsp-report build <id>`), or "" without one. */
function buildId(source) {
  const match = /^\/\/ lsp-report build (\S+)\n/.exec(source.slice(0, 200));
  return match ? match[1] : "";
}

/** The V8 data of the cache file if it was made for the bundle with this build id. */
function cachedDataFor(id) {
  if (id === "") return undefined;
  let file;
  try {
    file = readFileSync(CODE_CACHE);
  } catch {
    return undefined; // no cache built: compile from source
  }
  const header = Buffer.from(`${id}\n`, "latin1");
  return file.length > header.length && file.subarray(0, header.length).equals(header) ? file.subarray(header.length) : undefined;
}

/**
 * Compiles and runs the bundle, as Node runs a CommonJS module, and gives its exports (main,
 * processIo), the compiled script (whose createCachedData() the build uses) and whether V8 took
 * its code from the cache. `useCache: false` compiles from source alone, as the build does
 * before it makes the cache.
 */
function loadCompiledCli({ useCache = true } = {}) {
  // The build keeps the bundle ASCII (non-ASCII in its regular expressions written as \u
  // escapes): read as Latin-1 it is a one-byte string, without a UTF-8 decoding of 600 kB.
  const source = readFileSync(BUNDLE, "latin1");
  const cachedData = useCache ? cachedDataFor(buildId(source)) : undefined;
  // Node's own wrapper for a CommonJS module, on the bundle's first line so that its line
  // numbers in a --debug trace are the file's.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return { cli: module.exports, script, fromCache: cachedData !== undefined && !script.cachedDataRejected };
}

module.exports = { BUNDLE, CODE_CACHE, buildId, loadCompiledCli };
