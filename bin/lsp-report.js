#!/usr/bin/env node
// The command itself: run main() and turn anything unexpected into one line and exit code 2.
// It runs the bundle of the command (dist/bin/lsp-report.cjs, built by scripts/bundle-cli.mjs)
// with the code cache made for it at build time (bin/compiled-cli.js): one file to load, and
// little to compile, instead of a hundred modules to find, read and compile.
const { loadCompiledCli } = require("./compiled-cli.js");

const debug = process.argv.includes("--debug");

function fail(error) {
  process.stderr.write(`lsp-report: internal error: ${debug && error?.stack ? error.stack : (error?.message ?? error)}\n`);
  process.exitCode = 2;
}

try {
  const { main, processIo } = loadCompiledCli().cli;
  main(process.argv.slice(2), processIo()).then((code) => {
    process.exitCode = code;
  }, fail);
} catch (error) {
  fail(error);
}
