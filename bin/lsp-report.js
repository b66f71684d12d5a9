#!/usr/bin/env node
// The command itself: run main() and turn anything unexpected into one line and exit code 2.
import { main } from "../dist/cli/main.js";
import { processIo } from "../dist/cli/io.js";

const debug = process.argv.includes("--debug");
try {
  process.exitCode = await main(process.argv.slice(2), processIo());
} catch (error) {
  process.stderr.write(`lsp-report: internal error: ${debug && error?.stack ? error.stack : (error?.message ?? error)}\n`);
  process.exitCode = 2;
}
