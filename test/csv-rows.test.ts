/**
 * stringifyRows writes CSV rows itself (convert pays for every field of every row) and must give
 * the bytes csv-stringify gives with the options it used to be called with: quoting, doubled
 * quotes, booleans as true/false, null as nothing, the formula guard, the header and the byte
 * order mark.
 */
import fc from "fast-check";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { csvColumns, csvHeader, neutraliseCell, RECORD_KINDS, stringifyRows, type CsvRow } from "../src/emit/csv.js";
import { FINDING_COLUMNS } from "../src/batch/findings.js";
import { checkProperty } from "./helpers/fast-check.js";

const COLUMNS = ["source", "title", "value", "flag", "note"];

/** What stringifyRows gave when it handed every row to csv-stringify. */
function throughCsvStringify(rows: CsvRow[], columns: string[], options: { header?: boolean; bom?: boolean }): string {
  const safe = rows.map((row) => columns.map((column) => neutraliseCell(row[column] ?? null)));
  return stringify(safe, { header: options.header ?? true, columns, bom: options.bom ?? false, cast: { boolean: (value) => (value ? "true" : "false") } });
}

/** Texts with what CSV must guard: commas, quotes, line breaks of every kind, formula starts, Unicode. */
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom("a", " ", ",", '"', "\n", "\r", "\t", "=", "+", "-", "@", "'", ";", "é", "\u2028", "\ufeff", "1", ".") }),
  fc.string(),
  fc.constantFrom("", "-2.5", "=SUM(A1)", 'He said "no", twice', "line\r\nbreak"),
);
const cell = fc.oneof(text, fc.double(), fc.integer(), fc.boolean(), fc.constant(null));
const row = fc.record(Object.fromEntries(COLUMNS.map((column) => [column, cell])));

describe("stringifyRows", () => {
  it("gives csv-stringify's bytes for any rows, with and without header and byte order mark", async () => {
    await checkProperty(
      fc.property(fc.array(row, { maxLength: 6 }), fc.boolean(), fc.boolean(), (rows, header, bom) => {
        expect(stringifyRows(rows, COLUMNS, { header, bom })).toBe(throughCsvStringify(rows, COLUMNS, { header, bom }));
      }),
      { numRuns: 1000 },
    );
  });

  it("writes a missing column as an empty field, and no rows as the header alone (or nothing)", () => {
    const rows: CsvRow[] = [{ source: "a.docx", title: 'x,"y"' }];
    expect(stringifyRows(rows, COLUMNS)).toBe('source,title,value,flag,note\na.docx,"x,""y""",,,\n');
    expect(stringifyRows([], COLUMNS)).toBe("source,title,value,flag,note\n");
    expect(stringifyRows([], COLUMNS, { header: false })).toBe("");
    expect(stringifyRows([], COLUMNS, { header: false, bom: true })).toBe(throughCsvStringify([], COLUMNS, { header: false, bom: true }));
  });

  it("writes csv-stringify's header line for every kind's columns and for any column names", async () => {
    for (const columns of [...RECORD_KINDS.map((kind) => csvColumns(kind)), [...FINDING_COLUMNS]]) {
      for (const bom of [false, true]) expect(csvHeader(columns, bom)).toBe(stringify([], { header: true, columns, bom }));
    }
    await checkProperty(
      fc.property(fc.uniqueArray(text.filter((name) => name.length > 0 && !name.includes(".")), { minLength: 1, maxLength: 5 }), fc.boolean(), (columns, bom) => {
        expect(csvHeader(columns, bom)).toBe(stringify([], { header: true, columns, bom }));
      }),
      { numRuns: 500 },
    );
  });
});
