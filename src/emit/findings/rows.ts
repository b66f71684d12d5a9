/** Findings as flat rows, for findings.csv (convert --validate) and the workbook's findings sheet. */
import { locationText } from "../../model/location.js";
import type { ReportFinding } from "../dashboard/findings.js";

export const FINDING_COLUMNS = ["source", "reference", "year", "quarter", "indicator", "measure", "rule", "severity", "message", "location"] as const;

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
    location: locationText(finding.location),
  };
}
