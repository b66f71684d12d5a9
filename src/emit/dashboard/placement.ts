/**
 * Which update, and which indicator in it, a finding is about. The engine may say the source,
 * the reference, the quarter, the line, the PI Ref: every field given narrows the choice, and a
 * finding that still fits more than one priority (or none) is listed apart rather than guessed.
 */
import { indicatorKey, sameIndicatorRef, type ReportFinding } from "./findings.js";
import type { DashboardModel, PlacedFinding, PriorityView, Update } from "./model.js";

/** The updates a finding can be about, narrowed by every field it gives. */
function candidates(finding: ReportFinding, updates: Update[]): Update[] {
  return updates.filter(
    (update) =>
      (!finding.reference || update.priority.reference === finding.reference) &&
      (!finding.source || update.report.source.path === finding.source) &&
      (!finding.year || update.period.year === finding.year) &&
      (finding.quarter == null || update.period.quarter === finding.quarter) &&
      (!finding.location?.line || !finding.source || sameLineRange(update, finding.location.line)),
  );
}

/** A text file holds several updates: a line number tells which one when the reference does not. */
function sameLineRange(update: Update, line: number): boolean {
  const start = update.priority.location.line;
  if (start === undefined) return true;
  const starts = update.report.priorities.map((priority) => priority.location.line ?? 0).filter((begin) => begin > start);
  const end = starts.length > 0 ? Math.min(...starts) : Infinity;
  return line >= start && line < end;
}

export function placeFinding(model: DashboardModel, views: Map<string, PriorityView>, updates: Update[], finding: ReportFinding): void {
  const matches = finding.reference || finding.source ? candidates(finding, updates) : [];
  const references = new Set(matches.map((update) => update.priority.reference));
  const [reference, ...others] = references;
  const view = reference !== undefined && others.length === 0 ? views.get(reference) : undefined;
  if (!view) {
    model.otherFindings.push({ finding, period: null });
    return;
  }
  const [only] = matches;
  const period = only && matches.length === 1 ? only.period : null;
  const placed: PlacedFinding = { finding, period };
  const indicator = finding.indicator
    ? view.indicators.find(
        (candidate) =>
          sameIndicatorRef(candidate.ref, finding.indicator!) &&
          (!finding.measure || indicatorKey("", candidate.measure) === indicatorKey("", finding.measure)),
      )
    : undefined;
  (indicator ? indicator.findings : view.findings).push(placed);
}
