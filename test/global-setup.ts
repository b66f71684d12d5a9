/**
 * Build src → dist once before the tests: worker threads (convert, and load over many files)
 * run compiled JavaScript, dist/batch/worker.js, and end-to-end tests spawn bin/lsp-report.js,
 * which imports the bundle in dist/bin/. Vitest runs the TypeScript sources, so without this
 * dist/ could be stale.
 *
 * A type error fails the run here, before any test: tsc still emits JavaScript when types are
 * wrong, so the workers would otherwise run code that `npm run build` refuses, and vitest itself
 * never checks types.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

export default function setup(): void {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  try {
    execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: "pipe" });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    const output = `${String(stdout ?? "")}${String(stderr ?? "")}`.trim() || String(error);
    throw new Error(`global-setup: tsc -p tsconfig.build.json failed, so dist/ may not match src/; fix these first:\n${output}`, { cause: error });
  }
  if (!existsSync(new URL("../dist/batch/worker.js", import.meta.url))) throw new Error("global-setup: dist/batch/worker.js was not built");
  // The command's bundle, which bin/lsp-report.js runs (the second half of `npm run build`).
  try {
    execFileSync(process.execPath, ["scripts/bundle-cli.mjs"], { cwd: root, stdio: "pipe" });
  } catch (error) {
    const { stderr } = error as { stderr?: Buffer };
    throw new Error(`global-setup: scripts/bundle-cli.mjs failed, so bin/lsp-report.js cannot run:\n${String(stderr ?? error).trim()}`, { cause: error });
  }
}
