// Makes dist/bin/lsp-report.v8cache (run by scripts/bundle-cli.mjs after the bundle is built):
// runs what an officer usually runs, validate of a text update and of a .docx, through the
// bundle compiled from source, then keeps V8's code cache of the bundle, which then holds the
// bytecode of every function those runs called. bin/compiled-cli.js reads it; it is headed by
// the build id of the bundle it was made for.
//
// The runs double as a smoke test of the bundle: anything but validate's exit code 1 on the Q2
// seed's known error (NI 187) fails the build. A copy of the sources without fixtures/ gets no
// cache (the command then compiles its bundle from source, as with a cache V8 refuses).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { BUNDLE, buildId, CODE_CACHE, loadCompiledCli } from "../bin/compiled-cli.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const INPUTS = ["fixtures/seeds/000_ebda395ebee889b1.txt", "fixtures/docx/q2-2008-09.docx"];

if (!INPUTS.every((input) => existsSync(join(ROOT, input)))) {
  console.error(`scripts/code-cache.mjs: ${INPUTS.join(" and ")} not found: no code cache made`);
  process.exit(0);
}
const { cli, script } = loadCompiledCli({ useCache: false });
const io = {
  stdout: () => {},
  stderr: () => {},
  readStdin: () => Promise.reject(new Error("no standard input when making the code cache")),
  cwd: ROOT,
  env: { NO_COLOR: "1" },
  stdoutIsTTY: false,
  stderrIsTTY: false,
};
for (const input of INPUTS) {
  const code = await cli.main(["validate", input], io);
  if (code !== 1) throw new Error(`lsp-report validate ${input} exited ${code} (expected 1: the Q2 seed's known error)`);
}
const id = buildId(readFileSync(BUNDLE, "latin1"));
writeFileSync(CODE_CACHE, Buffer.concat([Buffer.from(`${id}\n`, "latin1"), script.createCachedData()]));
