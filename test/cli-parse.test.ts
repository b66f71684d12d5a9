import { mkdtempSync, readFileSync, writeFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { expected as GOLDEN_Q2 } from "./golden/expected-q2.js";
import { expected as GOLDEN_Q4 } from "./golden/expected-q4.js";
import type { ExpectedPriority } from "./golden/types.js";

const Q2 = "fixtures/seeds/000_ebda395ebee889b1.txt";
const Q4 = "fixtures/seeds/001_6f959b4cb1bc6ca1.txt";

describe("lsp-report parse", () => {
  it("prints the records of a seed as JSON", async () => {
    const run = await runCli(["parse", Q2]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const output = JSON.parse(run.stdout);
    expect(output.schemaVersion).toBe("1");
    expect(output.reports).toHaveLength(1);
    expect(output.reports[0].source).toEqual({ path: Q2, format: "text" });
    expect(output.reports[0].priorities.map((p: { reference: string }) => p.reference)).toEqual([
      "HM-1a", "HM-1b", "HM-2a", "HM-2b", "HW-3b", "TP-1b", "TP-1c", "TP-1d", "TP-2b", "TP-3a",
    ]);
  });

  it("reads a folder recursively, in a stable order", async () => {
    const run = await runCli(["parse", "fixtures/seeds"]);
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout);
    expect(output.reports.map((r: { source: { path: string } }) => r.source.path)).toEqual([Q2, Q4]);
  });

  // Rows per update, from the golden expectations written by reading the seeds (test/golden/):
  // 17 updates, 29 indicator rows, 188 contributors, 93 actions.
  const perUpdate: Record<string, (update: ExpectedPriority) => number> = {
    priorities: () => 1,
    indicators: (update) => update.indicators.length,
    contributors: (update) => update.contributors.internal + update.contributors.external,
    actions: (update) => update.actions,
  };
  it.each([
    ["priorities", 17, ["source", "format", "reference", "theme", "year", "quarter", "title", "overall_rating"]],
    ["indicators", 29, ["source", "reference", "year", "quarter", "ref", "baseline_value", "target_value", "result_value", "rag", "forecast_value"]],
    ["contributors", 188, ["source", "reference", "year", "quarter", "side", "name", "organisation"]],
    ["actions", 93, ["source", "reference", "year", "quarter", "timescale", "due"]],
  ])("writes %s as CSV, %i rows, each update's own, with source, reference, year and quarter on every row", async (kind, rows, columns) => {
    const run = await runCli(["parse", Q2, Q4, "--format", "csv", "--records", kind]);
    expect(run.code).toBe(0);
    const records = parseCsv<Record<string, string>>(run.stdout, { columns: true });
    expect(records).toHaveLength(rows);
    expect(Object.keys(records[0]!)).toEqual(expect.arrayContaining(columns));
    for (const record of records) {
      expect(record.source).toMatch(/fixtures\/seeds\//);
      expect(record.reference).toMatch(/^[A-Z]{2}-\d[a-z]$/);
      expect(record.year).toBe("2008/09");
      expect(["2", "4"]).toContain(record.quarter);
    }
    const count = perUpdate[kind]!;
    const counted = (quarter: string, reference: string) => records.filter((record) => record.quarter === quarter && record.reference === reference).length;
    expect(GOLDEN_Q2.map((update) => [update.reference, counted("2", update.reference)])).toEqual(GOLDEN_Q2.map((update) => [update.reference, count(update)]));
    expect(GOLDEN_Q4.map((update) => [update.reference, counted("4", update.reference)])).toEqual(GOLDEN_Q4.map((update) => [update.reference, count(update)]));
  });

  it("reads standard input with -", async () => {
    const run = await runCli(["parse", "-", "--format", "csv", "--records", "priorities"], { stdin: readFileSync(Q4) });
    expect(run.code).toBe(0);
    const records = parseCsv<Record<string, string>>(run.stdout, { columns: true });
    expect(records.map((record) => record.reference)).toEqual(["TP-1a", "TP-1d", "TP-2a", "TP-3a", "HM-1a", "HM-2a", "HM-2b"]);
    expect(records[0]!.source).toBe("<stdin>");
  });

  it("keeps each reference as written beside its standard form, in parse's and convert's priorities.csv", async () => {
    // The Q4 seed's first heading, retyped as officers sometimes write it.
    const lines = readFileSync(Q4, "utf8").split("\n");
    expect(lines[2]).toMatch(/\tTP-1a$/);
    lines[2] = lines[2]!.replace(/TP-1a$/, "TP1a");
    const dir = mkdtempSync(join(tmpdir(), "lsp-reference-raw-"));
    writeFileSync(join(dir, "q4.txt"), lines.join("\n"));
    const parsed = await runCli(["parse", join(dir, "q4.txt"), "--format", "csv", "--records", "priorities"]);
    const converted = await runCli(["convert", join(dir, "q4.txt"), "--out-dir", join(dir, "out"), "--quiet", "--jobs", "1"]);
    expect([parsed.code, converted.code]).toEqual([0, 0]);
    for (const csv of [parsed.stdout, readFileSync(join(dir, "out", "priorities.csv"), "utf8")]) {
      const records = parseCsv<Record<string, string>>(csv, { columns: true });
      expect(Object.keys(records[0]!).slice(0, 4)).toEqual(["source", "format", "reference", "reference_raw"]);
      expect(records.map((record) => [record.reference, record.reference_raw])).toEqual([
        ["TP-1a", "TP1a"], ["TP-1d", "TP-1d"], ["TP-2a", "TP-2a"], ["TP-3a", "TP-3a"], ["HM-1a", "HM-1a"], ["HM-2a", "HM-2a"], ["HM-2b", "HM-2b"],
      ]);
    }
  });

  it("writes to a file with -o, and nothing else is left beside it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lsp-parse-"));
    const out = join(dir, "out", "indicators.csv");
    const run = await runCli(["parse", Q2, "--format", "csv", "-o", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    expect(readFileSync(out, "utf8")).toMatch(/^source,format,reference/);
    expect(readdirSync(join(dir, "out"))).toEqual(["indicators.csv"]);
  });

  it("starts CSV with a byte order mark when asked (--bom)", async () => {
    const run = await runCli(["parse", Q2, "--format", "csv", "--bom"]);
    expect(run.stdout.charCodeAt(0)).toBe(0xfeff);
  });

  it("reports a missing file in one line, exit 2, and still processes the other inputs", async () => {
    const run = await runCli(["parse", "no-such-file.txt", Q2]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("lsp-report: no-such-file.txt: no such file or folder\n");
    expect(JSON.parse(run.stdout).reports).toHaveLength(1);
  });

  it("says 'no performance update found' for a readable file with no update in it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lsp-parse-"));
    const notes = join(dir, "notes.txt");
    writeFileSync(notes, "Shopping list\nMilk\tBread\n");
    const run = await runCli(["parse", "notes.txt", resolve(Q4)], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("lsp-report: notes.txt: no performance update found\n");
    expect(JSON.parse(run.stdout).reports).toHaveLength(1);
  });

  it("rejects an unknown option with exit code 2 and no stack trace", async () => {
    const run = await runCli(["parse", Q2, "--frobnicate"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^lsp-report: unknown option '--frobnicate'/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("rejects an unknown CSV record kind, naming the choices", async () => {
    const run = await runCli(["parse", Q2, "--format", "csv", "--records", "people"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/priorities, indicators, actions, contributors/);
  });

  it("prints --version and --help with an example for every command", async () => {
    const version = await runCli(["--version"]);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
    for (const command of ["parse", "schema"]) {
      const help = await runCli([command, "--help"]);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/Examples:\n\s+\$ lsp-report /);
    }
  });

  it("prints the JSON Schema with `schema`", async () => {
    const run = await runCli(["schema"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).properties.schemaVersion).toBeDefined();
  });

  it("exits 2 with usage help when no command is given", async () => {
    const run = await runCli([]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Usage: lsp-report/);
  });
});
