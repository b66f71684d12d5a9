/**
 * Records and findings → an Excel workbook (write-excel-file): one sheet per record kind with
 * exactly the CSV's columns and values (recordRows/csvColumns), and a findings sheet. The header
 * row is bold, frozen and filtered; RAG cells keep their label and are filled in Word's RAG
 * colours; figures are numbers, with the text as written in the `_raw` column beside them.
 */
import type { Blob } from "node:buffer";
import type { Stream } from "node:stream";
import writeExcelFile, { type Cell, type Feature, type Sheet } from "write-excel-file/node";
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
const HEADER_FILL = "D9E1F2";

/**
 * Text Excel can store: XML 1.0 forbids most control characters (a stray \u000b from Word would
 * make Excel offer to repair the file), and a cell holds at most 32,767 characters.
 */
export function excelText(text: string): string {
  const clean = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");
  return clean.length > EXCEL_CELL_LIMIT ? `${clean.slice(0, EXCEL_CELL_LIMIT - 1)}…` : clean;
}

/** Wide enough for the header and typical values, capped so long prose does not push the sheet away. */
function columnWidth(column: string, rows: CsvRow[]): number {
  const longest = rows.slice(0, 500).reduce((max, row) => Math.max(max, String(row[column] ?? "").length), column.length);
  return Math.min(60, Math.max(8, longest + 2));
}

/** A1-style column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(column: number): string {
  let letters = "";
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

function cell(column: string, value: string | number | boolean | null): Cell {
  // null leaves the cell empty, as the CSV leaves it blank.
  if (value === null) return null;
  // Typed explicitly: a text starting with "=" stays text, never a formula.
  const typed: Cell = typeof value === "string" ? { value: excelText(value), type: String } : typeof value === "number" ? { value, type: Number } : { value, type: Boolean };
  if (RATING_COLUMNS.has(column) && (value === "Red" || value === "Amber" || value === "Green")) {
    return { ...typed, backgroundColor: `#${RAG_FILL[value]}`, fontWeight: "bold", textColor: `#${RAG_TEXT}` };
  }
  if (column === "severity" && typeof value === "string" && SEVERITY_FILL[value]) return { ...typed, backgroundColor: `#${SEVERITY_FILL[value]}` };
  return typed;
}

/** What write-excel-file/node accepts as a file's content (its FileContent, not exported). */
type FileContent = Stream | Buffer | Blob;

interface FilteredSheet extends Sheet<FileContent> {
  sheet: string;
  /** The filtered range: the header and every row, e.g. A1:P18. */
  filter: string;
}

function sheetOf(name: string, columns: readonly string[], rows: CsvRow[]): FilteredSheet {
  const header = columns.map((column): Cell => ({ value: column, type: String, fontWeight: "bold", backgroundColor: `#${HEADER_FILL}` }));
  const body = rows.map((row) => columns.map((column) => cell(column, row[column] ?? null)));
  return {
    sheet: name,
    data: [header, ...body],
    columns: columns.map((column) => ({ width: columnWidth(column, rows) })),
    stickyRowsCount: 1,
    filter: `A1:${columnLetters(columns.length)}${rows.length + 1}`,
  };
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The header's filter buttons, which write-excel-file does not write: an <autoFilter> in each
 * sheet, and in the workbook the hidden name `_xlnm._FilterDatabase` for each filtered range,
 * as Excel itself writes it. LibreOffice shows a sheet's filter buttons only when the workbook
 * names the range too.
 */
const headerFilter: Feature<FileContent> = {
  files: {
    transform: {
      "xl/worksheets/sheet{id}.xml": {
        // <autoFilter> comes right after <sheetData> in the order the schema (CT_Worksheet) requires.
        transform: (xml, options) => xml.replace("</sheetData>", `</sheetData><autoFilter ref="${(options as FilteredSheet).filter}"/>`),
      },
      "xl/workbook.xml": {
        transform: (xml, sheets) => {
          const names = sheets
            .map((options, index) => {
              const { sheet, filter } = options as FilteredSheet;
              const absolute = filter.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
              return `<definedName name="_xlnm._FilterDatabase" localSheetId="${index}" hidden="1">${escapeXml(`'${sheet.replace(/'/g, "''")}'!${absolute}`)}</definedName>`;
            })
            .join("");
          // write-excel-file leaves an empty <definedNames/> where the schema (CT_Workbook) puts it.
          const patched = xml.replace(/<definedNames\s*\/>|<definedNames><\/definedNames>/, `<definedNames>${names}</definedNames>`);
          if (patched === xml) throw new Error("xlsx: no empty <definedNames/> in xl/workbook.xml to name the filtered ranges in");
          return patched;
        },
      },
    },
  },
};

/** The sheets: one per record kind, and the findings unless `findings` is null. */
export function workbookSheets(reports: Report[], findings: ReportFinding[] | null = []): FilteredSheet[] {
  const sheets = RECORD_KINDS.map((kind) => sheetOf(kind, csvColumns(kind as RecordKind), recordRows(reports, kind)));
  if (findings) sheets.push(sheetOf(FINDINGS_SHEET, FINDING_COLUMNS, findings.map(findingRow)));
  return sheets;
}

/**
 * The .xlsx file's bytes. `findings` null means validation was not run: the findings sheet is
 * left out rather than left empty, because an empty one would read as "nothing wrong".
 */
export async function workbookBytes(reports: Report[], findings: ReportFinding[] | null = []): Promise<Uint8Array> {
  return writeExcelFile(workbookSheets(reports, findings), { features: [headerFilter] }).toBuffer();
}
