/**
 * `convert --validate`: findings as CSV rows for findings.csv. Each worker checks its own file
 * (the rules that look at one update or one file); the rules that compare inputs (duplicates,
 * quarter to quarter) run once in the main thread over slim copies of the reports, so the
 * batch never holds whole reports.
 */
import { stringifyRows } from "../emit/csv.js";
import { FINDING_COLUMNS, findingRow } from "../emit/findings/rows.js";
import type { Finding } from "../schema/findings.js";
import type { Report } from "../schema/records.js";
import type { Config } from "../schema/config.js";
import { validate } from "../validate/index.js";

export { FINDING_COLUMNS };

export interface ValidateTaskOptions {
  /** The configuration as written in lsp-report.config.json (plain JSON, so it crosses to workers). */
  config?: Config;
}

export function findingsCsv(findings: Finding[]): { text: string; rows: number } {
  const rows = findings.map(findingRow);
  return { text: rows.length > 0 ? stringifyRows(rows, [...FINDING_COLUMNS], { header: false }) : "", rows: rows.length };
}

/** The findings of one report by the rules that need no other input. */
export function findingRows(report: Report, options: ValidateTaskOptions): { text: string; rows: number } {
  return findingsCsv(validate([report], options.config, { scope: "single" }));
}

/**
 * What the rules across inputs need of a report: its updates and their indicators, without the
 * long texts (assessments, actions, contributors).
 */
export function slimReport(report: Report): Report {
  return {
    source: report.source,
    notices: [],
    unrecognised: [],
    priorities: report.priorities.map((priority) => ({ ...priority, assessment: "", actions: [], contributors: [], unrecognised: [] })),
  };
}

/** The findings of the rules that compare inputs, over the slim reports of the whole batch. */
export function crossInputFindings(reports: Report[], options: ValidateTaskOptions): { text: string; rows: number } {
  return findingsCsv(validate(reports, options.config, { scope: "across" }));
}
