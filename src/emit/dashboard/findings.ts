/**
 * The validation findings as the dashboard and the workbook need them. The emitters read only
 * these fields, so they accept whatever the validate engine returns as long as it has them;
 * `source` ties a finding to one input when the same reference appears in several.
 */
import { refKey } from "../../model/indicator-key.js";
import type { Location } from "../../schema/records.js";

export type Severity = "error" | "warning" | "info";

export interface ReportFinding {
  rule: string;
  severity: Severity;
  message: string;
  /** The improvement priority, e.g. HM-1a; absent for a finding about a whole file. */
  reference?: string | null;
  /** The PI Ref, e.g. "NI 187", when the finding concerns one indicator. */
  indicator?: string | null;
  /** When one PI Ref has several rows, which one, e.g. "SAP > 65". */
  measure?: string | null;
  location?: Location | null;
  /** Where the finding is in the document's terms, e.g. 'TP-1d › NI 187 › RAG Rating "Amber"'. */
  place?: string | null;
  /** The input the finding was made on (Report.source.path). */
  source?: string | null;
  year?: string | null;
  quarter?: number | null;
}

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Errors first, then warnings, then information; the engine's order is kept within each. */
export function bySeverity<T>(items: readonly T[], severityOf: (item: T) => string): T[] {
  const rank = (item: T) => {
    const index = SEVERITIES.indexOf(severityOf(item) as Severity);
    return index === -1 ? SEVERITIES.length : index;
  };
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
    .map(({ item }) => item);
}

export function severityCounts(findings: readonly ReportFinding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) if (finding.severity in counts) counts[finding.severity] += 1;
  return counts;
}

export { indicatorKey } from "../../model/indicator-key.js";

/** PI Refs are written with and without a colon or spaces ("NI 6:", "NI6"): compare them loosely. */
export function sameIndicatorRef(a: string, b: string): boolean {
  return refKey(a) === refKey(b);
}
