/**
 * A large text file is parsed as it is read and written an update at a time (issue 10: 10,000
 * copies of one update, 62 MB, took 1.3–2.3 GB when read whole). Here 1,000 copies of one seed
 * update (6.3 MB) go through the built command (parse, and convert, whose worker thread gets the
 * same cap) with the JavaScript heap capped at 64 MB: reading them whole needed about
 * 80 MB of heap for the blocks and records and 35 MB more for the JSON text, and ran out of
 * memory under this cap; read as a stream they need a few MB. How much memory the full 62 MB
 * file takes is measured by `npm run bench` (bench/bigtext.js), not asserted here.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Output } from "../../src/schema/records.js";

const COPIES = 1000;
const HEAP_MB = 64;
const Q2 = "fixtures/seeds/000_ebda395ebee889b1.txt";

/** The HW-3b update of the Q2 seed: from its heading line to the next update's heading. */
function oneUpdate(): string {
  const lines = readFileSync(Q2, "utf8").split("\n");
  const start = lines.findIndex((line) => line.startsWith("Health and Wellbeing 2008/09 Quarter 2 Performance Update"));
  const end = lines.findIndex((line, index) => index > start && line.includes("Performance Update"));
  return `${lines.slice(start, end).join("\n")}\n`;
}

const dir = mkdtempSync(join(tmpdir(), "lsp-large-text-"));
const input = join(dir, "large.txt");
let linesPerCopy = 0;

beforeAll(() => {
  const update = oneUpdate();
  linesPerCopy = update.split("\n").length - 1;
  writeFileSync(input, update.repeat(COPIES));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runCapped(command: string, ...args: string[]) {
  return spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, "bin/lsp-report.js", command, input, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024, timeout: 280_000 });
}
const parseCapped = (...args: string[]) => runCapped("parse", ...args);

describe(`a text file of ${COPIES.toLocaleString("en-GB")} updates, parsed with the heap capped at ${HEAP_MB} MB`, () => {
  it("is written whole as JSON with -o, every update read, at its own lines", () => {
    const out = join(dir, "large.json");
    const run = parseCapped("-o", out);
    expect(run.signal, "the command was killed or aborted").toBeNull();
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const { reports } = JSON.parse(readFileSync(out, "utf8")) as Output;
    expect(reports).toHaveLength(1);
    const updates = reports[0]!.priorities;
    expect(updates).toHaveLength(COPIES);
    expect(new Set(updates.map((update) => `${update.reference} ${update.overallRating} ${update.indicators.length}`))).toEqual(new Set(["HW-3b Amber 3"]));
    // The copies differ only in where they stand: each starts linesPerCopy lines after the one before.
    expect(updates.map((update) => update.location.line)).toEqual(updates.map((_, index) => 1 + index * linesPerCopy));
  });

  it("is converted to JSON by convert, whose worker writes it as it parses", () => {
    const run = runCapped("convert", "--out-dir", join(dir, "converted"), "--format", "json", "--jobs", "1", "--quiet");
    expect(run.signal, "the command was killed or aborted").toBeNull();
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const { reports } = JSON.parse(readFileSync(join(dir, "converted", "large.txt.json"), "utf8")) as Output;
    expect(reports.map((report) => report.priorities.length)).toEqual([COPIES]);
    expect(reports[0]!.priorities.at(-1)!.location.line).toBe(1 + (COPIES - 1) * linesPerCopy);
  });

  it("is converted to CSV by convert, whose worker keeps the rows' text and not the records", () => {
    const run = runCapped("convert", "--out-dir", join(dir, "sheets"), "--jobs", "1", "--quiet");
    expect(run.signal, "the command was killed or aborted").toBeNull();
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const priorities = readFileSync(join(dir, "sheets", "priorities.csv"), "utf8").split("\n");
    expect(priorities.filter((line) => line.startsWith(`${input},text,HW-3b,`))).toHaveLength(COPIES);
  });

  it("is written as CSV on standard output, one row per indicator (three an update)", () => {
    const run = parseCapped("--format", "csv", "--records", "indicators");
    expect(run.signal, "the command was killed or aborted").toBeNull();
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^source,format,reference,theme,year,quarter,ref,/);
    expect(lines.filter((line) => line.startsWith(`${input},text,HW-3b,`))).toHaveLength(3 * COPIES);
  });
});
