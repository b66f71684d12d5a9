/**
 * findings.csv (convert --validate) read back as a spreadsheet user reads it: where each finding
 * is, in the document's terms (`place`), the header of its column, and the cell counted out; text
 * that a spreadsheet would run as a formula is guarded there as everywhere.
 */
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { FINDING_COLUMNS, findingsCsv } from "../src/batch/findings.js";
import type { Finding } from "../src/schema/findings.js";

const base = { source: "q2.docx", reference: "TP-1d", indicator: "NI 187", measure: null, year: "2008/09", quarter: 2 } as const;
const findings: Finding[] = [
  { ...base, rule: "rag-mismatch", severity: "error", message: "NI 187: rated Amber, but the figures give Red", location: { table: 38, row: 2, cell: 7, column: "RAG Rating", anchor: 912 }, place: 'TP-1d › NI 187 › RAG Rating "Amber"' },
  { ...base, indicator: null, rule: "tracked-changes", severity: "warning", message: "1 unaccepted tracked change", location: { paragraph: 2 }, place: '-deleted "Area Panels"' },
  { ...base, reference: null, indicator: null, year: null, quarter: null, rule: "no-updates", severity: "warning", message: "no update found", location: null },
];

const rows = parseCsv<Record<string, string>>(`${FINDING_COLUMNS.join(",")}\n${findingsCsv(findings).text}`, { columns: true });

describe("findings.csv", () => {
  it("puts where a finding is after what it says: place, column header, cell", () => {
    expect(FINDING_COLUMNS.slice(FINDING_COLUMNS.indexOf("message"))).toEqual(["message", "place", "column", "location"]);
    expect(rows[0]).toMatchObject({ place: 'TP-1d › NI 187 › RAG Rating "Amber"', column: "RAG Rating", location: "table 38 row 2 cell 7" });
  });

  it("leaves them blank where the finding has none, and guards a place a spreadsheet would run", () => {
    expect(rows[1]).toMatchObject({ place: `'-deleted "Area Panels"`, column: "", location: "paragraph 2" });
    expect(rows[2]).toMatchObject({ place: "", column: "", location: "", message: "no update found" });
  });
});
