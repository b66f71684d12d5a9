/** Findings as flat rows, for findings.csv (convert --validate) and the workbook's findings sheet. */
import type { Finding } from "../../schema/findings.js";
import { locationText } from "./summary.js";

export const FINDING_COLUMNS = ["source", "reference", "year", "quarter", "indicator", "measure", "rule", "severity", "message", "location"] as const;

export type FindingRow = Record<(typeof FINDING_COLUMNS)[number], string | number | null>;

export function findingRow(finding: Finding): FindingRow {
  return {
    source: finding.source,
    reference: finding.reference,
    year: finding.year,
    quarter: finding.quarter,
    indicator: finding.indicator,
    measure: finding.measure,
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    location: locationText(finding),
  };
}
