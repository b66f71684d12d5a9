/**
 * Records and findings → an Excel workbook (exceljs): one sheet per record kind with exactly the
 * CSV's columns and values (recordRows/csvColumns), and a findings sheet. The header row is
 * frozen and filtered; RAG cells keep their label and are filled in Word's RAG colours; figures
 * are numbers, with the text as written in the `_raw` column beside them.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { csvColumns, RECORD_KINDS, recordRows, type CsvRow, type RecordKind } from "./csv.js";
import { RAG_FILL, RAG_TEXT, SEVERITY_FILL } from "./dashboard/palette.js";
import type { ReportFinding } from "./dashboard/findings.js";
import { FINDING_COLUMNS, findingRow } from "./findings/rows.js";
import type { Report } from "../schema/records.js";

export const FINDINGS_SHEET = "findings";
/** The columns of findings.csv (convert --validate), so the sheet and the file read the same. */
export { FINDING_COLUMNS };

/** The columns whose cells are filled by their value. */
const RATING_COLUMNS = new Set(["overall_rating", "rag"]);
/** Excel refuses a cell longer than this and "repairs" the file by dropping it. */
export const EXCEL_CELL_LIMIT = 32_767;

type Cell = string | number | boolean | null;

/**
 * Text Excel can store: XML 1.0 forbids most control characters (a stray \u000b from Word would
 * make Excel offer to repair the file), and a cell holds at most 32,767 characters.
 */
export function excelText(text: string): string {
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
  return clean.length > EXCEL_CELL_LIMIT ? `${clean.slice(0, EXCEL_CELL_LIMIT - 1)}…` : clean;
}

function solid(hex: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: `FF${hex}` } };
}

/** Wide enough for the header and typical values, capped so long prose does not push the sheet away. */
function columnWidth(column: string, rows: CsvRow[]): number {
  const longest = rows.slice(0, 500).reduce((max, row) => Math.max(max, String(row[column] ?? "").length), column.length);
  return Math.min(60, Math.max(8, longest + 2));
}

function addSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly string[], rows: CsvRow[]): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", xSplit: 0, ySplit: 1, topLeftCell: "A2", activeCell: "A2" }] });
  sheet.columns = columns.map((column) => ({ header: column, key: column, width: columnWidth(column, rows) }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => (cell.fill = solid("D9E1F2")));
  for (const row of rows) {
    const values = columns.map((column): Cell => {
      const value = row[column] ?? null;
      return typeof value === "string" ? excelText(value) : value;
    });
    // null leaves the cell empty, as the CSV leaves it blank.
    const added = sheet.addRow(values.map((value) => (value === null ? undefined : value)));
    columns.forEach((column, index) => {
      const value = values[index];
      const cell = added.getCell(index + 1);
      if (RATING_COLUMNS.has(column) && (value === "Red" || value === "Amber" || value === "Green")) {
        cell.fill = solid(RAG_FILL[value]);
        cell.font = { bold: true, color: { argb: `FF${RAG_TEXT}` } };
      }
      if (column === "severity" && typeof value === "string" && SEVERITY_FILL[value]) cell.fill = solid(SEVERITY_FILL[value]);
    });
  }
  sheet.autoFilter = `A1:${sheet.getRow(rows.length + 1).getCell(columns.length).address}`;
}

/**
 * The workbook. `findings` null means validation was not run: the findings sheet is left out
 * rather than left empty, because an empty one would read as "nothing wrong".
 */
export function buildWorkbook(reports: Report[], findings: ReportFinding[] | null = []): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "lsp-report";
  for (const kind of RECORD_KINDS) addSheet(workbook, kind, csvColumns(kind as RecordKind), recordRows(reports, kind));
  if (findings) addSheet(workbook, FINDINGS_SHEET, FINDING_COLUMNS, findings.map(findingRow));
  return workbook;
}

/**
 * LibreOffice shows a sheet's filter buttons only when the workbook also names the filtered
 * range `_xlnm._FilterDatabase` (hidden, one per sheet), as Excel itself writes it; exceljs
 * writes the <autoFilter> alone (exceljs issue 2778), so Calc opened the sheets unfiltered.
 * The names are added to xl/workbook.xml after exceljs has written the file.
 */
export function addFilterDatabaseNames(bytes: Uint8Array, sheets: { name: string; range: string }[]): Uint8Array {
  if (sheets.length === 0) return bytes;
  const files = unzipSync(bytes);
  const path = "xl/workbook.xml";
  const xml = strFromU8(files[path]);
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const names = sheets
    .map(({ name, range }, index) => {
      const absolute = range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
      return `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${escape(`'${name.replace(/'/g, "''")}'!${absolute}`)}</definedName>`;
    })
    .join("");
  const patched = xml.includes("<definedNames>")
    ? xml.replace("<definedNames>", `<definedNames>${names}`)
    : xml.replace("</sheets>", `</sheets><definedNames>${names}</definedNames>`);
  if (patched === xml) throw new Error("xlsx: no <sheets> in xl/workbook.xml to name the filtered ranges after");
  files[path] = strToU8(patched);
  return zipSync(files, { level: 6 });
}

/** The .xlsx file's bytes. */
export async function workbookBytes(reports: Report[], findings: ReportFinding[] | null = []): Promise<Uint8Array> {
  const workbook = buildWorkbook(reports, findings);
  // exceljs declares its own Buffer type; in Node it is a real Buffer, which is a Uint8Array.
  const bytes = (await workbook.xlsx.writeBuffer()) as unknown as Uint8Array;
  return addFilterDatabaseNames(bytes, workbook.worksheets.map((sheet) => ({ name: sheet.name, range: sheet.autoFilter as string })));
}
