import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { strFromU8, unzipSync } from "fflate";
import { parse as parseCsv } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { csvColumns, emitCsv, neutraliseCell, RECORD_KINDS, recordRows } from "../src/emit/csv.js";
import type { ReportFinding } from "../src/emit/dashboard/findings.js";
import { EXCEL_CELL_LIMIT, excelText, FINDING_COLUMNS, workbookBytes } from "../src/emit/xlsx.js";
import { runCli } from "./helpers/cli.js";
import { loadSeeds, Q2, Q4 } from "./browser/seeds.js";

const reports = await loadSeeds();
const findings: ReportFinding[] = [
  { rule: "pi-rating-contradicts-result", severity: "error", message: "NI 187: rated Amber, but 3.35% misses the 3% target", reference: "TP-1d", indicator: "NI 187", source: Q2, year: "2008/09", quarter: 2, location: { line: 230, cell: 7, column: "RAG Rating" }, place: 'TP-1d › NI 187 › RAG Rating "Amber"' },
  { rule: "overdue-action", severity: "warning", message: "=due before the quarter", reference: "TP-1d", indicator: "NI 187", measure: "SAP > 65", source: Q4, place: "=HYPERLINK(\"http://x\")" },
];

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

const bytes = workbookBytes(reports, findings);
const workbook = await readBack(bytes);

/** A cell as the CSV writes it: blank for empty, true/false, numbers in JavaScript's notation, text guarded against formulas. */
function asCsv(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return String(neutraliseCell(value));
  throw new Error(`unexpected cell value ${JSON.stringify(value)}`);
}

/** A sheet's filter range as exceljs reads it back from the <autoFilter ref>. */
function filterOf(sheet: ExcelJS.Worksheet): string {
  if (typeof sheet.autoFilter !== "string") throw new Error(`${sheet.name}: no filter range`);
  return sheet.autoFilter;
}

describe("xlsx workbook of both seeds", () => {
  it("has a sheet per record kind and a findings sheet", () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([...RECORD_KINDS, "findings"]);
  });

  it.each(RECORD_KINDS)("%s: the same values as the CSV output, cell by cell", (kind) => {
    const sheet = workbook.getWorksheet(kind)!;
    const csv = parseCsv(emitCsv(reports, kind), { relax_quotes: true });
    expect(sheet.rowCount).toBe(csv.length);
    expect(sheet.columnCount).toBe(csvColumns(kind).length);
    let cells = 0;
    csv.forEach((row, r) => {
      row.forEach((text, c) => {
        expect({ row: r + 1, column: csv[0]![c], value: asCsv(sheet.getRow(r + 1).getCell(c + 1).value) }).toEqual({ row: r + 1, column: csv[0]![c], value: text });
        cells++;
      });
    });
    expect(cells).toBeGreaterThan(100);
  });

  it.each([...RECORD_KINDS, "findings"])("%s: header row frozen and filtered", (kind) => {
    const sheet = workbook.getWorksheet(kind)!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const columns = kind === "findings" ? FINDING_COLUMNS.length : csvColumns(kind as (typeof RECORD_KINDS)[number]).length;
    const lastColumn = sheet.getRow(1).getCell(columns).address.replace(/\d+$/, "");
    expect(sheet.autoFilter).toBe(`A1:${lastColumn}${sheet.rowCount}`);
    // Every header cell is bold and tinted (the cells, not the row: a row's own style only
    // reaches cells typed in later, past the last column).
    const header = Array.from({ length: columns }, (_, index) => sheet.getRow(1).getCell(index + 1));
    expect(header.map((cell) => [cell.font?.bold, (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb])).toEqual(Array(columns).fill([true, "FFD9E1F2"]));
    expect(sheet.getRow(2).getCell(1).font?.bold).toBeFalsy();
  });

  it("stores figures as numbers with the text as written beside them", () => {
    const sheet = workbook.getWorksheet("indicators")!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    const at = (name: string) => header.indexOf(name) + 1;
    const ni141 = sheet.getRows(2, sheet.rowCount - 1)!.find((row) => row.getCell(at("ref")).value === "NI 141")!;
    expect(ni141.getCell(at("result_raw")).value).toBe("70.91%");
    expect(ni141.getCell(at("result_value")).value).toBe(70.91);
    expect(ni141.getCell(at("result_value")).type).toBe(ExcelJS.ValueType.Number);
    expect(at("result_value")).toBe(at("result_raw") + 1);
    expect(ni141.getCell(at("baseline_raw")).value).toBe("58.61% (Q2 2007/08)");
    expect(ni141.getCell(at("baseline_value")).value).toBe(58.61);
    expect(ni141.getCell(at("forecast_value")).value).toBe(72.7);
    expect(ni141.getCell(at("quarter")).value).toBe(2);
    expect(ni141.getCell(at("result_provisional")).value).toBe(false);
  });

  it("fills RAG cells in their colour and keeps their label", () => {
    const fillOf = (cell: ExcelJS.Cell) => (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    const priorities = workbook.getWorksheet("priorities")!;
    const header = (priorities.getRow(1).values as string[]).slice(1);
    const rating = header.indexOf("overall_rating") + 1;
    const reference = header.indexOf("reference") + 1;
    const seen: Record<string, string> = {};
    priorities.eachRow((row, number) => {
      if (number === 1) return;
      const cell = row.getCell(rating);
      seen[`${asCsv(row.getCell(reference).value)} Q${asCsv(row.getCell(header.indexOf("quarter") + 1).value)}`] = `${asCsv(cell.value)} ${fillOf(cell)}`;
    });
    expect(seen["TP-1b Q2"]).toBe("Red FFFF0000");
    expect(seen["TP-3a Q4"]).toBe("Red FFFF0000");
    expect(seen["HM-1a Q2"]).toBe("Amber FFFFC000");
    expect(Object.values(seen).filter((text) => text.startsWith("Amber"))).toHaveLength(14);
    expect(Object.values(seen).every((text) => /^(Red FFFF0000|Amber FFFFC000|Green FF00B050)$/.test(text))).toBe(true);

    const indicators = workbook.getWorksheet("indicators")!;
    const ragColumn = (indicators.getRow(1).values as string[]).indexOf("rag");
    const rated = indicators.getColumn(ragColumn).values.slice(2).filter(Boolean);
    // NI 7, NI 154, NI 155, NI 187, NI 152 and NI 153 are rated in Q2; Q4 has no PI-level RAG.
    expect(rated).toEqual(Array(6).fill("Amber"));
    indicators.getColumn(ragColumn).eachCell((cell, row) => {
      if (row === 1) return;
      if (cell.value === "Amber") expect(fillOf(cell)).toBe("FFFFC000");
      if (cell.value === null) expect(cell.fill).toBeUndefined();
    });
  });

  it("lists the findings, severity filled and labelled, text never a formula", () => {
    const sheet = workbook.getWorksheet("findings")!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual([...FINDING_COLUMNS]);
    const row = (number: number) => Object.fromEntries(FINDING_COLUMNS.map((column, index) => [column, sheet.getRow(number).getCell(index + 1).value]));
    expect(row(2)).toEqual({ source: Q2, reference: "TP-1d", year: "2008/09", quarter: 2, indicator: "NI 187", measure: null, rule: "pi-rating-contradicts-result", severity: "error", message: "NI 187: rated Amber, but 3.35% misses the 3% target", place: 'TP-1d › NI 187 › RAG Rating "Amber"', column: "RAG Rating", location: "line 230 cell 7" });
    expect(sheet.getRow(2).getCell(FINDING_COLUMNS.indexOf("quarter") + 1).type).toBe(ExcelJS.ValueType.Number);
    expect((sheet.getRow(2).getCell(FINDING_COLUMNS.indexOf("severity") + 1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFF4B6B6");
    expect(row(3).measure).toBe("SAP > 65");
    const message = sheet.getRow(3).getCell(FINDING_COLUMNS.indexOf("message") + 1);
    expect(message.value).toBe("=due before the quarter");
    expect(message.type).toBe(ExcelJS.ValueType.String);
    // A finding without a cell leaves place-related cells empty rather than inventing them.
    expect([row(3).place, row(3).column, row(3).location]).toEqual(['=HYPERLINK("http://x")', null, ""]);
    expect(sheet.getRow(3).getCell(FINDING_COLUMNS.indexOf("place") + 1).type).toBe(ExcelJS.ValueType.String);
  });

  it("names every filtered range _xlnm._FilterDatabase, which LibreOffice needs to show the filter", () => {
    const xml = strFromU8(unzipSync(bytes)["xl/workbook.xml"]!);
    const names = [...xml.matchAll(/<definedName name="_xlnm\._FilterDatabase" localSheetId="(\d+)" hidden="1">([^<]*)<\/definedName>/g)].map((match) => [Number(match[1]), match[2]]);
    const sheets = workbook.worksheets;
    expect(names).toEqual(sheets.map((sheet, index) => [index, `'${sheet.name}'!${filterOf(sheet).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")}`]));
    expect(names[0]).toEqual([0, "'priorities'!$A$1:$Q$18"]);
  });

  it("leaves the findings sheet out when validation was not run", async () => {
    const unvalidated = await readBack(workbookBytes(reports, null));
    expect(unvalidated.worksheets.map((sheet) => sheet.name)).toEqual([...RECORD_KINDS]);
  });

  it("writes only text Excel can store", () => {
    expect(excelText("a\u0000b\u000bc\td\ne")).toBe("abc\td\ne");
    expect(excelText("x".repeat(EXCEL_CELL_LIMIT + 10))).toHaveLength(EXCEL_CELL_LIMIT);
  });
});

describe("lsp-report parse --format xlsx", () => {
  it("writes the workbook to -o", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lsp-report-"));
    const run = await runCli(["parse", Q2, Q4, "--format", "xlsx", "-o", join(dir, "seeds.xlsx")]);
    expect(run).toMatchObject({ code: 0, stdout: "" });
    expect(readdirSync(dir)).toEqual(["seeds.xlsx"]);
    const written = await readBack(readFileSync(join(dir, "seeds.xlsx")));
    expect(written.getWorksheet("priorities")!.rowCount).toBe(18);
    expect(written.getWorksheet("indicators")!.rowCount).toBe(30);
  });

  it("convert --format xlsx puts workbook.xlsx in --out-dir, never inside the inputs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lsp-report-"));
    const run = await runCli(["convert", "fixtures/seeds", "--out-dir", join(dir, "out"), "--format", "xlsx", "--jobs", "1"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`Converted 2 files (17 updates) into ${join(dir, "out", "workbook.xlsx")}\n`);
    const written = await readBack(readFileSync(join(dir, "out", "workbook.xlsx")));
    expect(written.worksheets.map((sheet) => sheet.name)).toEqual([...RECORD_KINDS]);
    expect(written.getWorksheet("priorities")!.rowCount).toBe(18);
    const inside = await runCli(["convert", "fixtures/seeds", "--out-dir", "fixtures/seeds/out", "--format", "xlsx"]);
    expect(inside.code).toBe(2);
    expect(inside.stderr).toBe("lsp-report: --out-dir fixtures/seeds/out is inside the input folder fixtures/seeds: write the output outside the inputs\n");
  });

  it("refuses to write a workbook to standard output, with one line, exit 2", async () => {
    const run = await runCli(["parse", Q2, "--format", "xlsx"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("lsp-report: --format xlsx writes a binary workbook, which a terminal or pipe cannot show: name a file with -o, e.g. -o records.xlsx\n");
  });
});

/** LibreOffice, when installed (Debian: libreoffice-calc-nogui): the other program the workbook must open in. */
const soffice = process.env.SOFFICE_PATH ?? (process.env.PATH ?? "").split(delimiter).map((dir) => join(dir, "soffice")).find((path) => existsSync(path));
if (!soffice) console.warn("Skipping the LibreOffice check of the workbook: no soffice on PATH (apt-get install libreoffice-calc-nogui, or set SOFFICE_PATH).");

describe.skipIf(!soffice)("the workbook in LibreOffice", () => {
  const run = promisify(execFile);
  const dir = mkdtempSync(join(tmpdir(), "lsp-report-lo-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const input = join(dir, "seeds.xlsx");
  writeFileSync(input, bytes);
  /** Headless conversion with a profile of its own, so it neither waits for nor disturbs another LibreOffice. */
  const convert = (filter: string, outDir: string) =>
    run(soffice!, [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--norestore", "--convert-to", filter, "--outdir", outDir, input], { timeout: 120_000 });

  it("opens it and gives every sheet's values as the CSV output has them", async () => {
    // Every sheet to its own CSV (the last token, -1), UTF-8, figures in full rather than as shown.
    const { stdout } = await convert("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", join(dir, "csv"));
    for (const kind of RECORD_KINDS) {
      expect(stdout).toContain(`Writing sheet ${kind} ->`);
      const calc = parseCsv(readFileSync(join(dir, "csv", `seeds-${kind}.csv`), "utf8"), { relax_quotes: true });
      const csv = parseCsv(emitCsv(reports, kind), { relax_quotes: true });
      // Calc writes booleans as TRUE/FALSE; the CSV guards text that a spreadsheet would run as a formula.
      const asCsv = (text: string) => (text === "TRUE" ? "true" : text === "FALSE" ? "false" : String(neutraliseCell(text)));
      expect(calc.map((row) => row.map(asCsv)), kind).toEqual(csv);
    }
  }, 180_000);

  it("shows the header, RAG and severity fills", async () => {
    await convert("html", join(dir, "html"));
    const html = readFileSync(join(dir, "html", "seeds.html"), "utf8");
    const filled = (hex: string) => html.split(`bgcolor="#${hex}"`).length - 1;
    const rated = (rating: string) => recordRows(reports, "priorities").filter((row) => row.overall_rating === rating).length + recordRows(reports, "indicators").filter((row) => row.rag === rating).length;
    const headers = RECORD_KINDS.reduce<number>((sum, kind) => sum + csvColumns(kind).length, FINDING_COLUMNS.length);
    expect({ header: filled("D9E1F2"), red: filled("FF0000"), amber: filled("FFC000"), green: filled("00B050"), error: filled("F4B6B6"), warning: filled("FFE699") }).toEqual({
      header: headers,
      red: rated("Red"),
      amber: rated("Amber"),
      green: rated("Green"),
      error: 1,
      warning: 1,
    });
    expect(rated("Amber")).toBe(20);
  }, 180_000);

  it("keeps every sheet's filter when it reads the workbook (nothing dropped as unreadable)", async () => {
    await convert("xlsx:Calc MS Excel 2007 XML", join(dir, "xlsx"));
    const saved = unzipSync(readFileSync(join(dir, "xlsx", "seeds.xlsx")));
    const filters = Object.keys(saved)
      .filter((path) => /^xl\/worksheets\/sheet\d+\.xml$/.test(path))
      .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
      .map((path) => /<autoFilter ref="([^"]+)"/.exec(strFromU8(saved[path]!))?.[1] ?? null);
    expect(filters).toEqual(workbook.worksheets.map((sheet) => filterOf(sheet)));
  }, 180_000);
});
