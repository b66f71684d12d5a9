// The command's bundle, dist/bin/ (run by `npm run build` after tsc), made by esbuild:
//
// - dist/bin/lsp-report.cjs: the command (src/cli/main.ts and src/cli/io.ts) and the small
//   packages it always needs (chalk, fflate), in one CommonJS-shaped file, which
//   bin/compiled-cli.js compiles with a V8 code cache. Each lazy import() of the sources stays
//   lazy: esbuild keeps such a module's code in a function run on the first import().
// - dist/bin/lsp-report.v8cache: that cache, made by scripts/code-cache.mjs, which runs validate
//   of two fixtures through the bundle and keeps the bytecode of every function they ran.
// - dist/bin/worker.js and its chunks: the worker thread's entry (src/batch/worker.ts), an ES
//   module as piscina loads it, found by the pool as ./worker.js beside the command's bundle.
//
// Why: `lsp-report validate` of one file spent most of its start-up resolving, reading and
// compiling ~90 small modules of dist/ and the many files of the small packages it uses; a
// bundle is one file, and with the cache V8 compiles little of it (docs/benchmarks.md,
// "Start-up"). The other packages stay external and load from node_modules with require() when
// an input or a command needs them (zod, mammoth, parse5, word-extractor, piscina, and the HTML
// parser, commander and tinyglobby, which the usual validate of a text file or a .docx does not
// need): bundling them would add to the install for little gain, and test/startup-modules.test.ts
// sees each of them load, or not, in node's module cache. The library (dist/index.js) is not
// bundled: its users' own tools bundle it, if they want.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// esbuild is a development dependency, new in November 2026: a checkout installed before then
// has not got it yet.
const { build } = await import("esbuild").catch(() => {
  console.error("scripts/bundle-cli.mjs: esbuild is not installed: run npm ci (or npm install), then build again");
  process.exit(1);
});

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const { dependencies } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
/** Packages bundled into the command: the ones every run loads. */
const IN_COMMAND = new Set(["chalk", "fflate"]);
/** Packages bundled into the worker: what reading files often needs. */
const IN_WORKER = new Set(["htmlparser2", "domhandler", "fflate"]);

rmSync(new URL("../dist/bin/", import.meta.url), { recursive: true, force: true });

const [command] = (
  await build({
    absWorkingDir: ROOT,
    stdin: { contents: 'export { main } from "./src/cli/main.ts";\nexport { processIo } from "./src/cli/io.ts";\n', resolveDir: ROOT, sourcefile: "lsp-report-command.ts", loader: "ts" },
    outfile: "dist/bin/lsp-report.cjs",
    write: false,
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20.19",
    external: Object.keys(dependencies).filter((name) => !IN_COMMAND.has(name)),
    // A script compiled by vm.Script has no loader for import(): an external package's import()
    // becomes require(), as esbuild does for a target without import().
    supported: { "dynamic-import": false },
    // The sources find their neighbours (the worker, package.json) from their own URL.
    define: { "import.meta.url": "importMetaUrlOfBundle" },
    banner: { js: 'const importMetaUrlOfBundle = require("node:url").pathToFileURL(__filename).href;' },
    logLevel: "warning",
  })
).outputFiles;
// The bundle is kept ASCII, so that bin/compiled-cli.js can read it as Latin-1 (a one-byte
// string, no UTF-8 decoding): esbuild escapes other characters in strings and names but leaves
// them in regular expression literals (their .source would change), where a \uXXXX escape
// matches the same. A template literal's raw text would change too: none may hold one.
const ascii = command.text
  .split("\n")
  .map((line) => {
    if (!/[\u0080-\uffff]/.test(line)) return line;
    if (line.includes("`")) throw new Error(`scripts/bundle-cli.mjs: a non-ASCII character in a line with a template literal, which a \\u escape would change:\n${line}`);
    return line.replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
  })
  .join("\n");
// The build id ties the code cache to this very text: V8 itself checks only the length.
const id = createHash("sha256").update(ascii).digest("hex").slice(0, 16);
mkdirSync(new URL("../dist/bin/", import.meta.url), { recursive: true });
writeFileSync(command.path, `// lsp-report build ${id}\n${ascii}`);

await build({
  absWorkingDir: ROOT,
  entryPoints: ["src/batch/worker.ts"],
  outdir: "dist/bin",
  // Chunks beside the entry, each lazy import() a chunk of its own.
  entryNames: "[name]",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20.19",
  external: Object.keys(dependencies).filter((name) => !IN_WORKER.has(name)),
  banner: { js: 'import { createRequire as createRequireForBundle } from "node:module"; const require = createRequireForBundle(import.meta.url);' },
  logLevel: "warning",
});

// The code cache, made in a process of its own started as the command is, by plain node: V8
// accepts a cache only under the flags it was made with.
const cache = spawnSync(process.execPath, [fileURLToPath(new URL("code-cache.mjs", import.meta.url))], { cwd: ROOT, stdio: "inherit" });
if (cache.status !== 0) {
  console.error(`scripts/bundle-cli.mjs: the code cache was not made (scripts/code-cache.mjs exited ${cache.status ?? cache.signal})`);
  process.exit(1);
}
