// The command's bundle, dist/bin/ (run by `npm run build` after tsc): src/cli/main.ts,
// src/cli/io.ts and the worker thread's entry, src/batch/worker.ts, bundled by esbuild into a few
// ES module files that share chunks, each lazy import() of the sources becoming a chunk of its
// own. Why: `lsp-report validate` of one file spent most of its start-up resolving, reading and
// compiling ~90 small modules of dist/ and the many files of the small packages it uses; a
// bundle loads a tenth as many files (docs/benchmarks.md, "Start-up").
//
// The small packages a command always or often needs are bundled with it (their code is
// duplicated from node_modules, a few hundred kB). The large ones, each loaded only for some
// inputs or commands, stay external and load from node_modules as before: bundling them would
// add megabytes to the install for no start-up gain. The library (dist/index.js, from tsc) is
// not bundled: its users' own tools bundle it, if they want.
//
// Every output file keeps esbuild's `// src/…` and `// node_modules/…` comments before each
// module's code: test/startup-modules.test.ts reads them to know which packages a run loaded.
import { readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

// esbuild is a development dependency, new in November 2026: a checkout installed before then
// has not got it yet.
const { build } = await import("esbuild").catch(() => {
  console.error("scripts/bundle-cli.mjs: esbuild is not installed: run npm ci (or npm install), then build again");
  process.exit(1);
});

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BUNDLED = new Set(["commander", "chalk", "htmlparser2", "domhandler", "tinyglobby", "fflate"]);

const { dependencies } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const external = Object.keys(dependencies).filter((name) => !BUNDLED.has(name));

rmSync(new URL("../dist/bin/", import.meta.url), { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: ["src/cli/main.ts", "src/cli/io.ts", "src/batch/worker.ts"],
  outdir: "dist/bin",
  // Chunks beside the entries: the pool finds the worker as ./worker.js next to its own chunk.
  entryNames: "[name]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  external,
  // commander is CommonJS: its require() of Node's modules needs a require in an ES module.
  banner: { js: 'import { createRequire as createRequireForBundle } from "node:module"; const require = createRequireForBundle(import.meta.url);' },
  logLevel: "warning",
});
