// Preloaded with `node --import` by test/startup-modules.test.ts: appends to $LSP_MODULE_LOG the
// path of every file the process loads as a module, ES modules through a loader hook (run on the
// loader's own thread) and CommonJS ones from require's cache when the process exits.
import { appendFileSync } from "node:fs";
import { createRequire, register } from "node:module";

const log = process.env.LSP_MODULE_LOG;
if (log) {
  register("./module-probe-hooks.mjs", import.meta.url, { data: { log } });
  process.on("exit", () => appendFileSync(log, Object.keys(createRequire(import.meta.url).cache).join("\n") + "\n"));
}
