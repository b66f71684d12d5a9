#!/usr/bin/env node
// The command itself: run main() and turn anything unexpected into one line and exit code 2.
// It runs the bundle of the command (dist/bin/, built by scripts/bundle-cli.mjs): a few files
// to load instead of a hundred, which is most of a short run's time.
import { main } from "../dist/bin/main.js";
import { processIo } from "../dist/bin/io.js";

const debug = process.argv.includes("--debug");
try {
  process.exitCode = await main(process.argv.slice(2), processIo());
} catch (error) {
  process.stderr.write(`lsp-report: internal error: ${debug && error?.stack ? error.stack : (error?.message ?? error)}\n`);
  process.exitCode = 2;
}
