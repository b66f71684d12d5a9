/**
 * One lsp-report.config.json, found the same way by every command that reads documents, gives
 * the same themes and the same findings in parse (JSON, CSV and workbook), validate, convert (CSV
 * and workbook) and report; a broken one stops each of them with exit code 2 and writes nothing.
 * `lsp-report config` shows what they use. The settings are chosen so each one visibly changes
 * something in the seeds (read from the documents, not from our own output):
 * - themes: TP renamed. The Q4 seed's TP-1a heading keeps the template's "Leeds Strategic Plan
 *   Theme", so its theme name comes from the code, and becomes the configured one.
 * - rules: theme-placeholder (a warning by default) raised to error; field-missing turned off.
 * - indicators: NI 187 (Q2, TP-1d: 3.35% against a 3% target) said to be higher-is-better, so
 *   the figures give Green where the catalogue's lower-is-better gives Red.
 * - tolerance: 15, which every judgement quotes ("tolerance 15%").
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import type { ValidateOutput } from "../src/schema/findings.js";
import { RULES } from "../src/validate/rules/index.js";
import { runCli } from "./helpers/cli.js";

const SEEDS = resolve(import.meta.dirname, "../fixtures/seeds");
const CONFIGURED_TP = "Thriving Places (configured)";
const CONFIG = {
  themes: { TP: CONFIGURED_TP },
  tolerance: 15,
  rules: { "theme-placeholder": "error", "field-missing": "off" },
  indicators: { "NI 187": { polarity: "higher" } },
};

/** A finding as every output can show it. */
interface Seen {
  severity: string;
  rule: string;
  reference: string;
  indicator: string;
  message: string;
  /** Where it is in the document's terms, and its column's header: validate's JSON, findings.csv and the findings sheet agree. */
  place: string;
  column: string;
}

const key = (finding: Seen) => [finding.severity, finding.rule, finding.reference, finding.indicator, finding.message, finding.place, finding.column].join(" | ");
const sorted = (findings: Seen[]) => findings.map(key).sort();

/** A folder holding reports/ (the two seeds) and, above it, lsp-report.config.json. */
function workspace(config: unknown = CONFIG): string {
  const folder = mkdtempSync(join(tmpdir(), "lsp-report-config-everywhere-"));
  cpSync(SEEDS, join(folder, "reports"), { recursive: true });
  writeFileSync(join(folder, "lsp-report.config.json"), typeof config === "string" ? config : JSON.stringify(config, null, 2));
  mkdirSync(join(folder, "work"));
  return folder;
}

/** A cell as text: the workbook holds only text and numbers. */
function cellText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string" || typeof value === "number") return String(value);
  throw new Error(`unexpected cell value ${JSON.stringify(value)}`);
}

async function sheetRows(path: string, name: string): Promise<Record<string, string>[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`${path} has no ${name} sheet`);
  const rows: Record<string, string>[] = [];
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((column, index) => [column, cellText(values[index])])));
  });
  return rows;
}

const fromRow = (row: Record<string, string>): Seen => ({ severity: row.severity!, rule: row.rule!, reference: row.reference ?? "", indicator: row.indicator ?? "", message: row.message!, place: row.place ?? "", column: row.column ?? "" });

/** A finding of validate's JSON as the other outputs can show it. */
const fromJson = (finding: ValidateOutput["files"][number]["findings"][number]): Seen => ({
  severity: finding.severity, rule: finding.rule, reference: finding.reference ?? "", indicator: finding.indicator ?? "", message: finding.message, place: finding.place ?? "", column: finding.location?.column ?? "",
});

function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[name]!);
}

/** The dashboard's findings: severity, rule and message of each list item. */
function dashboardFindings(html: string): string[] {
  return [...html.matchAll(/<li data-severity="([a-z]+)" data-rule="([a-z-]+)"><span[^>]*>[^<]*<\/span> (.*?) <span class="where">/g)].map((match) => `${match[1]} | ${match[2]} | ${unescapeHtml(match[3]!)}`).sort();
}

describe("one configuration, every command", () => {
  let folder: string;
  let cwd: string;
  let validated: Seen[];

  beforeAll(async () => {
    folder = workspace();
    // Run from a folder below the configuration: each command must find it upward.
    cwd = join(folder, "work");
    const run = await runCli(["validate", "../reports", "--format", "json"], { cwd });
    expect(run.stderr).toBe("");
    const output = JSON.parse(run.stdout) as ValidateOutput;
    validated = output.files.flatMap((file) => file.findings.map(fromJson));
  });

  it("validate places its findings (so the comparisons below include where each one is)", () => {
    expect(validated.filter((finding) => finding.place !== "").length).toBe(validated.length);
    expect(validated.find((finding) => finding.indicator === "NI 187")).toMatchObject({ place: 'TP-1d › NI 187 › RAG Rating "Amber"', column: "RAG Rating" });
  });

  it("validate applies every setting", () => {
    const placeholder = validated.filter((finding) => finding.rule === "theme-placeholder");
    expect(placeholder.map((finding) => [finding.reference, finding.severity])).toEqual([["TP-1a", "error"]]);
    expect(validated.filter((finding) => finding.rule === "field-missing")).toEqual([]);
    const ni187 = validated.filter((finding) => finding.indicator === "NI 187" && finding.rule === "rag-mismatch");
    expect(ni187).toHaveLength(1);
    expect(ni187[0]!.message).toContain("higher is better, from the configuration; tolerance 15%");
    expect(ni187[0]!.message).toContain("computed Green, rated Amber");
    expect(validated.some((finding) => finding.message.includes("tolerance 10%"))).toBe(false);
  });

  it("the same findings without the configuration differ (the check below is not vacuous)", async () => {
    const bare = mkdtempSync(join(tmpdir(), "lsp-report-no-config-"));
    cpSync(SEEDS, join(bare, "reports"), { recursive: true });
    const run = await runCli(["validate", "reports", "--format", "json"], { cwd: bare });
    const output = JSON.parse(run.stdout) as ValidateOutput;
    const plain = output.files.flatMap((file) => file.findings.map(fromJson));
    expect(plain.find((finding) => finding.rule === "theme-placeholder")?.severity).toBe("warning");
    expect(sorted(plain)).not.toEqual(sorted(validated));
  });

  it("parse: JSON and CSV carry the configured theme name", async () => {
    const json = await runCli(["parse", "../reports"], { cwd });
    expect(json.code).toBe(0);
    const priorities = (JSON.parse(json.stdout) as { reports: { priorities: { reference: string; theme: string }[] }[] }).reports.flatMap((report) => report.priorities);
    expect(priorities.find((priority) => priority.reference === "TP-1a")?.theme).toBe(CONFIGURED_TP);
    const csv = await runCli(["parse", "../reports", "--format", "csv", "--records", "priorities"], { cwd });
    const rows = parseCsv<{ reference: string; theme: string }>(csv.stdout, { columns: true });
    expect(rows.find((row) => row.reference === "TP-1a")?.theme).toBe(CONFIGURED_TP);
  });

  it("parse --format xlsx: the configured theme, and validate's findings in the findings sheet", async () => {
    const run = await runCli(["parse", "../reports", "--format", "xlsx", "-o", "records.xlsx"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const path = join(cwd, "records.xlsx");
    expect((await sheetRows(path, "priorities")).find((row) => row.reference === "TP-1a")?.theme).toBe(CONFIGURED_TP);
    expect(sorted((await sheetRows(path, "findings")).map(fromRow))).toEqual(sorted(validated));
  });

  it("convert --validate: the configured theme in priorities.csv, validate's findings in findings.csv", async () => {
    const run = await runCli(["convert", "../reports", "--out-dir", "csv", "--validate", "--jobs", "1", "--quiet"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const priorities = parseCsv<{ reference: string; theme: string }>(readFileSync(join(cwd, "csv", "priorities.csv"), "utf8"), { columns: true });
    expect(priorities.find((row) => row.reference === "TP-1a")?.theme).toBe(CONFIGURED_TP);
    const findings = parseCsv<Record<string, string>>(readFileSync(join(cwd, "csv", "findings.csv"), "utf8"), { columns: true });
    expect(sorted(findings.map(fromRow))).toEqual(sorted(validated));
  });

  it("convert --format xlsx --validate: the configured theme, and validate's findings", async () => {
    const run = await runCli(["convert", "../reports", "--out-dir", "xlsx", "--format", "xlsx", "--validate", "--jobs", "1", "--quiet"], { cwd });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const path = join(cwd, "xlsx", "workbook.xlsx");
    expect((await sheetRows(path, "priorities")).find((row) => row.reference === "TP-1a")?.theme).toBe(CONFIGURED_TP);
    expect(sorted((await sheetRows(path, "findings")).map(fromRow))).toEqual(sorted(validated));
  });

  it("report: the configured theme, and validate's findings on the dashboard", async () => {
    const run = await runCli(["report", "../reports"], { cwd, env: { SOURCE_DATE_EPOCH: "0" } });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(CONFIGURED_TP);
    expect(dashboardFindings(run.stdout)).toEqual(validated.map((finding) => `${finding.severity} | ${finding.rule} | ${finding.message}`).sort());
  });

  it("config prints what they used: the file, the settings as written, the defaults filled in", async () => {
    const run = await runCli(["config"], { cwd });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`lsp-report: configuration from ${join("..", "lsp-report.config.json")}\n`);
    const shown = JSON.parse(run.stdout) as { tolerance: number; themes: Record<string, string>; rules: Record<string, string>; indicators: unknown };
    expect(shown.tolerance).toBe(15);
    expect(shown.themes).toMatchObject({ TP: CONFIGURED_TP, HM: "Harmonious Communities" });
    expect(Object.keys(shown.rules).sort()).toEqual(RULES.map((rule) => rule.id).sort());
    expect(shown.rules).toMatchObject({ "theme-placeholder": "error", "field-missing": "off", "rag-mismatch": "error" });
    expect(shown.indicators).toEqual(CONFIG.indicators);
  });

  it("config's output, saved as the configuration, gives the same findings", async () => {
    const shown = (await runCli(["config"], { cwd })).stdout;
    const again = workspace(shown);
    const run = await runCli(["validate", "reports", "--format", "json"], { cwd: again });
    const output = JSON.parse(run.stdout) as ValidateOutput;
    expect(sorted(output.files.flatMap((file) => file.findings.map(fromJson)))).toEqual(sorted(validated));
  });

  it("config says when there is no configuration, and prints the defaults", async () => {
    const bare = mkdtempSync(join(tmpdir(), "lsp-report-no-config-"));
    const run = await runCli(["config"], { cwd: bare });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("no lsp-report.config.json in");
    expect(JSON.parse(run.stdout)).toMatchObject({ tolerance: 10, rules: { "theme-placeholder": "warning" } });
  });
});

describe("a broken configuration stops every command: one line, exit 2, nothing written", () => {
  const broken = { rules: { "rag-mismach": "off" } };
  const line = `lsp-report: ${join("..", "lsp-report.config.json")}: rules.rag-mismach: no such rule (did you mean rag-mismatch?); lsp-report rules lists them\n`;

  it.each([
    ["parse", ["parse", "../reports"]],
    ["parse --format csv", ["parse", "../reports", "--format", "csv"]],
    ["parse --format xlsx", ["parse", "../reports", "--format", "xlsx", "-o", "out.xlsx"]],
    ["validate", ["validate", "../reports"]],
    ["convert", ["convert", "../reports", "--out-dir", "out"]],
    ["convert --format xlsx", ["convert", "../reports", "--out-dir", "out", "--format", "xlsx"]],
    ["report", ["report", "../reports", "-o", "out.html"]],
    ["report --no-validate", ["report", "../reports", "--no-validate", "-o", "out.html"]],
    ["config", ["config"]],
  ])("%s", async (_, args) => {
    const cwd = join(workspace(broken), "work");
    const run = await runCli(args, { cwd });
    expect(run).toEqual({ code: 2, stdout: "", stderr: line });
    expect(["out", "out.xlsx", "out.html"].filter((name) => existsSync(join(cwd, name)))).toEqual([]);
  });

  it("--config names another file in every reading command, relative to the working folder", async () => {
    const cwd = join(workspace(broken), "work");
    writeFileSync(join(cwd, "good.json"), JSON.stringify(CONFIG));
    for (const args of [["parse", "../reports", "--format", "csv", "--records", "priorities"], ["validate", "../reports"], ["report", "../reports"], ["config"]]) {
      const run = await runCli([...args, "--config", "good.json"], { cwd });
      expect({ args, code: run.code === 2 ? 2 : "not 2" }).toEqual({ args, code: "not 2" });
      expect(run.stdout).toContain(args[0] === "validate" ? "theme-placeholder" : CONFIGURED_TP);
    }
  });
});
