/**
 * Build src → dist once before the tests: worker threads (convert, and load over many files)
 * run compiled JavaScript, dist/batch/worker.js, and end-to-end tests spawn bin/lsp-report.js,
 * which imports dist/. Vitest runs the TypeScript sources, so without this dist/ could be stale.
 * A type error elsewhere does not stop the emit; only a missing worker fails the run.
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
    const output = String((error as { stdout?: Buffer }).stdout ?? "");
    process.stderr.write(`global-setup: tsc reported errors (dist/ emitted anyway):\n${output.slice(0, 2000)}\n`);
  }
  if (!existsSync(new URL("../dist/batch/worker.js", import.meta.url))) throw new Error("global-setup: dist/batch/worker.js was not built");
}
