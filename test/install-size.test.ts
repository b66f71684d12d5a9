/**
 * The production install (the packed lsp-report installed with its dependencies, or
 * `npm ci --omit=dev`) stays at most 35 MB, so every dependency has to earn its size. Measured
 * without the network: the packages the lockfile installs in production are the ones already in
 * this checkout's node_modules, at the same paths, and the package's own files are those
 * `npm pack` lists, so their disk usage is what the install occupies on this machine (counted as
 * `du` counts, in allocated blocks). On 2026-11-28 the tarball installed into an empty project
 * made a node_modules of 32,731,136 bytes by du; this count gave 32.6 MB (it leaves out folders).
 */
import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const LIMIT_BYTES = 35_000_000;
const root = join(import.meta.dirname, "..");

interface LockEntry {
  dev?: boolean;
  link?: boolean;
}

/** Disk usage of a folder as `du` counts it, leaving out nested node_modules (their packages are counted on their own). */
function diskUsage(path: string, seen: Set<string>): number {
  const stat = lstatSync(path);
  const key = `${stat.dev}:${stat.ino}`;
  if (seen.has(key)) return 0; // a hard link is stored once
  seen.add(key);
  let bytes = stat.blocks * 512;
  if (stat.isDirectory()) for (const name of readdirSync(path)) if (name !== "node_modules") bytes += diskUsage(join(path, name), seen);
  return bytes;
}

/** The packages a production install holds (npm's lockfile marks dev-only ones `dev`), with their disk usage. */
function productionPackages(): { path: string; bytes: number }[] {
  const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as { packages: Record<string, LockEntry> };
  const seen = new Set<string>();
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.startsWith("node_modules/") && !entry.dev && !entry.link)
    // An optional package for another platform (piscina's @napi-rs/nice-win32-…) is not installed here, nor in production.
    .filter(([path]) => existsSync(join(root, path)))
    .map(([path]) => ({ path, bytes: diskUsage(join(root, path), seen) }));
}

/** The files `npm pack` puts in the tarball (dist/ as the test run's global setup built it), with their disk usage. */
function ownFiles(): { path: string; bytes: number } {
  // --ignore-scripts: list the files without running prepack; the global setup has built dist/.
  const output = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  const [{ files }] = JSON.parse(output) as [{ files: { path: string }[] }];
  const seen = new Set<string>();
  return { path: "lsp-report", bytes: files.reduce((sum, file) => sum + diskUsage(join(root, file.path), seen), 0) };
}

describe("the production install", () => {
  it("is at most 35 MB", () => {
    const packages = [ownFiles(), ...productionPackages()];
    const bytes = packages.reduce((sum, item) => sum + item.bytes, 0);
    const largest = [...packages].sort((a, b) => b.bytes - a.bytes).slice(0, 8).map((item) => `${item.path.replace(/^node_modules\//, "")} ${(item.bytes / 1e6).toFixed(1)} MB`);
    console.log(`production install: lsp-report and ${packages.length - 1} packages, ${(bytes / 1e6).toFixed(1)} MB; largest: ${largest.join(", ")}`);
    expect(packages[0]!.bytes).toBeGreaterThan(100_000);
    expect(packages.length).toBeGreaterThan(10);
    expect(bytes, `${(bytes / 1e6).toFixed(1)} MB; largest: ${largest.join(", ")}`).toBeLessThanOrEqual(LIMIT_BYTES);
  });

  it("leaves the read-back and test tools out", () => {
    const production = new Set(productionPackages().map((item) => item.path));
    for (const tool of ["exceljs", "vitest", "typescript", "docx"]) expect(production.has(`node_modules/${tool}`), tool).toBe(false);
  });
});
