/** Findings as flat rows, for findings.csv (convert --validate) and the workbook's findings sheet. */
import { locationText } from "../../model/location.js";
import type { ReportFinding } from "../dashboard/findings.js";

/**
 * What a spreadsheet user filters and reads, then where the finding is: `place` in the
 * document's own terms (`TP-1d › NI 187 › RAG Rating "Amber"`, as validate's other formats show
 * it), `column` the header of the cell's column as written (to filter every finding on "RAG
 * Rating"), and `location` the cell counted out ("table 38 row 2 cell 7", "line 204 cell 7").
 */
export const FINDING_COLUMNS = ["source", "reference", "year", "quarter", "indicator", "measure", "rule", "severity", "message", "place", "column", "location"] as const;

export type FindingRow = Record<(typeof FINDING_COLUMNS)[number], string | number | null>;

export function findingRow(finding: ReportFinding): FindingRow {
  return {
    source: finding.source ?? null,
    reference: finding.reference ?? null,
    year: finding.year ?? null,
    quarter: finding.quarter ?? null,
    indicator: finding.indicator ?? null,
    measure: finding.measure ?? null,
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    place: finding.place ?? null,
    column: finding.location?.column ?? null,
    location: locationText(finding.location),
  };
}
