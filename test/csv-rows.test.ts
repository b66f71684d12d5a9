/**
 * stringifyRows writes CSV rows itself (convert pays for every field of every row) and must give
 * the bytes csv-stringify gives with the options it used to be called with: quoting, doubled
 * quotes, booleans as true/false, null as nothing, the formula guard, the header and the byte
 * order mark. csvOfUpdate, which convert uses, writes the same rows without making row objects,
 * and must give stringifyRows' bytes for the rows recordRows makes.
 */
import { readFile } from "node:fs/promises";
import fc from "fast-check";
import { stringify } from "csv-stringify/sync";
import { describe, expect, it } from "vitest";
import { csvColumns, csvHeader, csvOfUpdate, emitCsv, neutraliseCell, RECORD_KINDS, recordRows, stringifyRows, type CsvRow, type RecordKind } from "../src/emit/csv.js";
import { parseBytes, type Report } from "../src/index.js";
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

/** The rows of one update of a report, as convert wrote them before csvOfUpdate: row objects, then stringifyRows. */
function throughRowObjects(report: Report, kind: RecordKind, update: number): string {
  const rows = recordRows([{ ...report, priorities: [report.priorities[update]!] }], kind);
  return rows.length > 0 ? stringifyRows(rows, csvColumns(kind), { header: false }) : "";
}

const FIXTURES = [
  "fixtures/seeds/000_ebda395ebee889b1.txt",
  "fixtures/seeds/001_6f959b4cb1bc6ca1.txt",
  "fixtures/docx/q2-2008-09.docx",
  "fixtures/docx/q4-2008-09.docx",
  "fixtures/html/q2-2008-09.html",
  "fixtures/doc/q4-2008-09.doc",
];
const fixtureReports = await Promise.all(FIXTURES.map(async (path) => parseBytes(await readFile(path), path)));

/**
 * A copy of the report with every string replaced, in order, by the texts given (taken round
 * again if there are fewer), and every field that may be null set to null where `nulls` says so.
 */
function rewritten(report: Report, texts: string[], nulls: boolean[]): Report {
  let nextText = 0;
  let nextNull = 0;
  const visit = (value: unknown, key: string): unknown => {
    if (typeof value === "string") {
      // Kinds and enums stay as the schema has them; free text is what the CSV must guard.
      if (["format", "kind", "status", "side", "unit", "timescale_kind", "comparator", "qualifier"].includes(key)) return value;
      return texts.length > 0 ? texts[nextText++ % texts.length] : value;
    }
    if (Array.isArray(value)) return value.map((item) => visit(item, key));
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, visit(item, name)]));
    }
    return value;
  };
  const copy = visit(report, "") as Report;
  for (const priority of copy.priorities) {
    for (const indicator of priority.indicators) {
      if (nulls[nextNull++ % nulls.length]) indicator.rag = null;
      if (nulls[nextNull++ % nulls.length]) indicator.forecast = null;
      if (nulls[nextNull++ % nulls.length]) indicator.measure = null;
      if (nulls[nextNull++ % nulls.length]) indicator.targets = [];
    }
    if (nulls[nextNull++ % nulls.length]) priority.theme = null;
  }
  return copy;
}

describe("csvOfUpdate", () => {
  it("gives the bytes of row objects through stringifyRows, for every update and kind of every fixture", () => {
    let rows = 0;
    for (const report of fixtureReports) {
      expect(report.priorities.length, report.source.path).toBeGreaterThan(0);
      report.priorities.forEach((update, index) => {
        for (const kind of RECORD_KINDS) {
          const made = csvOfUpdate(report, update, kind);
          expect(made.text, `${report.source.path} update ${index + 1} ${kind}`).toBe(throughRowObjects(report, kind, index));
          rows += made.rows;
        }
      });
    }
    expect(rows).toBeGreaterThan(500);
  });

  it("gives the same bytes whatever the texts hold (commas, quotes, line breaks, formula starts) and wherever values are missing", async () => {
    const q2 = fixtureReports[2]!;
    await checkProperty(
      fc.property(fc.array(text, { minLength: 1, maxLength: 40 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }), (texts, nulls) => {
        const report = rewritten(q2, texts, nulls);
        report.priorities.forEach((update, index) => {
          for (const kind of RECORD_KINDS) expect(csvOfUpdate(report, update, kind).text).toBe(throughRowObjects(report, kind, index));
        });
      }),
      { numRuns: 100 },
    );
  });

  it("counts the rows it writes, and emitCsv is the header and every update's rows", () => {
    const report = fixtureReports[0]!;
    for (const kind of RECORD_KINDS) {
      const made = report.priorities.map((update) => csvOfUpdate(report, update, kind));
      expect(made.reduce((sum, part) => sum + part.rows, 0)).toBe(recordRows([report], kind).length);
      expect(emitCsv([report], kind, { bom: true })).toBe(stringifyRows(recordRows([report], kind), csvColumns(kind), { bom: true }));
    }
  });
});

describe("csvColumns", () => {
  // Files from many runs and versions are stacked in a spreadsheet: the columns are a contract.
  it("keeps each kind's columns, in their order", () => {
    const update = ["source", "format", "reference", "theme", "year", "quarter"];
    const value = (prefix: string) => ["raw", "value", "unit", "status", "period"].map((part) => `${prefix}_${part}`);
    expect(csvColumns("priorities")).toEqual([
      "source", "format", "reference", "reference_raw", "theme", "year", "quarter", "title", "lead_officer", "organisation",
      "overall_rating", "direction_of_travel", "indicators", "actions", "contributors", "assessment", "location",
    ]);
    expect(csvColumns("indicators")).toEqual([
      ...update, "ref", "measure", "definition", ...value("baseline"), "target_year", ...value("target"), "other_targets",
      "result_kind", ...value("result"), "result_provisional", "rag", "rag_raw", "rag_fill", "forecast_value", "data_quality", "comments", "location",
    ]);
    expect(csvColumns("actions")).toEqual([...update, "progress", "risks", "actions", "officer", "timescale", "due", "timescale_kind", "other", "location"]);
    expect(csvColumns("contributors")).toEqual([...update, "side", "name", "organisation", "rationale", "engagement", "location"]);
    for (const kind of RECORD_KINDS) for (const row of recordRows(fixtureReports, kind)) expect(Object.keys(row)).toEqual(csvColumns(kind));
  });
});
