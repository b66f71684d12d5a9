/**
 * The production install (`npm install lsp-report`, or `npm ci --omit=dev`) stays at most 35 MB,
 * so every dependency has to earn its size. Measured without the network: the packages the
 * lockfile installs in production are the ones already in this checkout's node_modules, at the
 * same paths, so their disk usage is what a production install occupies on this machine
 * (counted as `du` counts, in allocated blocks: on 2026-11-28 `npm ci --omit=dev` made a
 * node_modules of 34,111,488 bytes by du, and this count, which leaves out only npm's own
 * bookkeeping, 34,062,336).
 */
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

describe("the production install", () => {
  it("is at most 35 MB", () => {
    const packages = productionPackages();
    const bytes = packages.reduce((sum, item) => sum + item.bytes, 0);
    const largest = [...packages].sort((a, b) => b.bytes - a.bytes).slice(0, 8).map((item) => `${item.path.replace(/^node_modules\//, "")} ${(item.bytes / 1e6).toFixed(1)} MB`);
    console.log(`production install: ${packages.length} packages, ${(bytes / 1e6).toFixed(1)} MB; largest: ${largest.join(", ")}`);
    expect(packages.length).toBeGreaterThan(10);
    expect(bytes, `${(bytes / 1e6).toFixed(1)} MB; largest: ${largest.join(", ")}`).toBeLessThanOrEqual(LIMIT_BYTES);
  });

  it("leaves the read-back and test tools out", () => {
    const production = new Set(productionPackages().map((item) => item.path));
    for (const tool of ["exceljs", "vitest", "typescript", "docx"]) expect(production.has(`node_modules/${tool}`), tool).toBe(false);
  });
});
