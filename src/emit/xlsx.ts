/**
 * Records and findings → an Excel workbook (spreadsheetml.ts): one sheet per record kind with
 * exactly the CSV's columns and values (recordRows/csvColumns), and a findings sheet. The header
 * row is bold, frozen and filtered; RAG cells keep their label and are filled in Word's RAG
 * colours; figures are numbers, with the text as written in the `_raw` column beside them.
 */
import { writeWorkbook, type CellStyle, type CellValue, type SheetSpec, type StyledCell } from "./spreadsheetml.js";
import { csvColumns, RECORD_KINDS, recordRows, type CsvRow } from "./csv.js";
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
const HEADER_FILL = "D9E1F2";

/**
 * Text Excel can store: XML 1.0 forbids most control characters (a stray \u000b from Word would
 * make Excel offer to repair the file), and a cell holds at most 32,767 characters.
 */
export function excelText(text: string): string {
  // eslint-disable-next-line no-control-regex -- these are the characters XML 1.0 forbids
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
  return clean.length > EXCEL_CELL_LIMIT ? `${clean.slice(0, EXCEL_CELL_LIMIT - 1)}…` : clean;
}

/** Wide enough for the header and typical values, capped so long prose does not push the sheet away. */
function columnWidth(column: string, rows: CsvRow[]): number {
  const longest = rows.slice(0, 500).reduce((max, row) => Math.max(max, String(row[column] ?? "").length), column.length);
  return Math.min(60, Math.max(8, longest + 2));
}

const HEADER: CellStyle = { bold: true, fill: HEADER_FILL };

function cell(column: string, value: CellValue): StyledCell {
  const text = typeof value === "string" ? excelText(value) : value;
  if (RATING_COLUMNS.has(column) && (value === "Red" || value === "Amber" || value === "Green")) return { value: text, style: { fill: RAG_FILL[value], bold: true, color: RAG_TEXT } };
  if (column === "severity" && typeof value === "string" && SEVERITY_FILL[value]) return { value: text, style: { fill: SEVERITY_FILL[value] } };
  // null leaves the cell empty, as the CSV leaves it blank.
  return { value: text };
}

function sheetOf(name: string, columns: readonly string[], rows: CsvRow[]): SheetSpec {
  return {
    name,
    widths: columns.map((column) => columnWidth(column, rows)),
    rows: [columns.map((column) => ({ value: column, style: HEADER })), ...rows.map((row) => columns.map((column) => cell(column, row[column] ?? null)))],
  };
}

/** The sheets: one per record kind, and the findings unless `findings` is null. */
export function workbookSheets(reports: Report[], findings: ReportFinding[] | null = []): SheetSpec[] {
  const sheets = RECORD_KINDS.map((kind) => sheetOf(kind, csvColumns(kind), recordRows(reports, kind)));
  if (findings) sheets.push(sheetOf(FINDINGS_SHEET, FINDING_COLUMNS, findings.map(findingRow)));
  return sheets;
}

/**
 * The .xlsx file's bytes. `findings` null means validation was not run: the findings sheet is
 * left out rather than left empty, because an empty one would read as "nothing wrong".
 */
export function workbookBytes(reports: Report[], findings: ReportFinding[] | null = []): Uint8Array {
  return writeWorkbook(workbookSheets(reports, findings), "lsp-report");
}
