/**
 * The command's code cache (bin/compiled-cli.js; dist/bin/lsp-report.v8cache, made at build time
 * by scripts/code-cache.mjs): this Node takes the cache the build made, and a cache that does not
 * fit is passed over in silence, the bundle compiled from its source instead. What the officer
 * sees (standard output, standard error, exit code) is the same with the cache, without it, and
 * with any cache that does not fit: another build's, damaged, cut short, or made for other text.
 *
 * Each case runs in a copy of the command (bin/, dist/bin/lsp-report.cjs, package.json, and the
 * checkout's node_modules) in a temporary folder, in a child process started by plain node, as
 * the officer's shell starts it.
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const SEED = join(ROOT, "fixtures/seeds/000_ebda395ebee889b1.txt");
const DOCX = join(ROOT, "fixtures/docx/q2-2008-09.docx");

/** A copy of the command, with the cache file as `cache` leaves it (undefined: none). */
function commandCopy(cache: Buffer | undefined, changeBundle?: (path: string) => void): string {
  const copy = mkdtempSync(join(tmpdir(), "lsp-code-cache-"));
  cpSync(join(ROOT, "bin"), join(copy, "bin"), { recursive: true });
  copyFileSync(join(ROOT, "package.json"), join(copy, "package.json"));
  symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"), "dir");
  mkdirSync(join(copy, "dist", "bin"), { recursive: true });
  copyFileSync(join(ROOT, "dist/bin/lsp-report.cjs"), join(copy, "dist/bin/lsp-report.cjs"));
  changeBundle?.(join(copy, "dist/bin/lsp-report.cjs"));
  if (cache) writeFileSync(join(copy, "dist/bin/lsp-report.v8cache"), cache);
  return copy;
}

function run(command: string, args: string[]) {
  const child = spawnSync(process.execPath, [join(command, "bin/lsp-report.js"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** Whether V8 took the bundle's code from the cache, in a fresh process. */
function fromCache(command: string): boolean {
  const probe = `import { loadCompiledCli } from ${JSON.stringify(join(command, "bin/compiled-cli.js"))}; process.stdout.write(String(loadCompiledCli().fromCache));`;
  const child = spawnSync(process.execPath, ["--input-type=module", "-e", probe], { cwd: ROOT, encoding: "utf8" });
  expect(child.stderr).toBe("");
  return child.stdout === "true";
}

let cache: Buffer;
let header: Buffer;
const copies: string[] = [];

beforeAll(() => {
  cache = readFileSync(join(ROOT, "dist/bin/lsp-report.v8cache"));
  header = cache.subarray(0, cache.indexOf(0x0a) + 1);
  return () => {
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  };
});

describe("the command's code cache", () => {
  it("is made for the bundle beside it, and this Node takes it", () => {
    const bundle = readFileSync(join(ROOT, "dist/bin/lsp-report.cjs"), "utf8");
    // ASCII, as bin/compiled-cli.js reads it as Latin-1.
    expect(bundle).not.toMatch(/[\u0080-\uffff]/);
    expect(header.toString("latin1")).toMatch(/^[0-9a-f]{16}\n$/);
    expect(bundle.startsWith(`// lsp-report build ${header.toString("latin1")}`)).toBe(true);
    const command = commandCopy(cache);
    copies.push(command);
    expect(fromCache(command)).toBe(true);
  });

  const misfits: [string, () => string][] = [
    ["no cache at all", () => commandCopy(undefined)],
    ["another build's cache", () => commandCopy(Buffer.concat([Buffer.from("0123456789abcdef\n", "latin1"), cache.subarray(header.length)]))],
    ["a cache of bytes that are not V8's", () => commandCopy(Buffer.concat([header, Buffer.alloc(cache.length - header.length, 0x5a)]))],
    ["a cache cut short", () => commandCopy(cache.subarray(0, header.length + Math.floor((cache.length - header.length) / 2)))],
    ["a cache made for other text under the same build id (V8's own check)", () => commandCopy(cache, (bundle) => appendFileSync(bundle, "\n// changed after the cache was made\n"))],
  ];

  it.each(misfits)("with %s the bundle is compiled from source, and the officer sees the same", (_name, make) => {
    const reference = commandCopy(cache);
    const command = make();
    copies.push(reference, command);
    expect(fromCache(command)).toBe(false);
    for (const args of [["validate", SEED], ["validate", DOCX, "--format", "json"], ["validate", join(ROOT, "fixtures/no-such-file.txt")], ["--version"]]) {
      const expected = run(reference, args);
      expect(expected.code).not.toBeNull();
      expect(run(command, args)).toEqual(expected);
    }
  });
});
