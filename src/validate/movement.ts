/**
 * How an indicator's result moved: against the previous quarter's result for the same
 * indicator when that quarter of the same year is among the inputs, else against its baseline.
 * Cumulative year-to-date counts are compared as year-end projections, so Q1 and Q2 stand level.
 */
import type { Indicator } from "../schema/records.js";
import type { ReportSummary, UpdateSummary } from "./rule.js";
import { indicatorKey } from "../model/indicator-key.js";
import type { Polarity } from "../schema/config.js";
import type { ResolvedConfig } from "./config.js";
import { figure } from "./figures.js";
import { yearEndFigure } from "./judge.js";
import { sameUnit, unitAsMeant } from "./units.js";
import { polarityOf, type PolarityVerdict } from "./polarity.js";

export interface Movement {
  indicator: Indicator;
  change: "better" | "worse" | "same";
  /** The change as a fraction of the earlier figure (positive = better). */
  relative: number;
  against: "previous quarter" | "baseline";
  polarity: PolarityVerdict;
  /** "NI 152 from 11.4% (baseline) to 10.9%" */
  text: string;
}

export interface Update {
  report: ReportSummary;
  priority: UpdateSummary;
}

/** Updates by reference and year, to find the quarter before one. */
export function updatesByPriority(reports: ReportSummary[]): Map<string, Update[]> {
  const index = new Map<string, Update[]>();
  for (const report of reports) {
    for (const priority of report.priorities) {
      const key = `${priority.reference}|${priority.year}`;
      index.set(key, [...(index.get(key) ?? []), { report, priority }]);
    }
  }
  return index;
}

/** The latest update of the same priority and year before this one's quarter. */
export function previousUpdate(index: Map<string, Update[]>, priority: UpdateSummary): Update | undefined {
  const earlier = (index.get(`${priority.reference}|${priority.year}`) ?? []).filter((update) => update.priority.quarter < priority.quarter);
  return earlier.sort((a, b) => b.priority.quarter - a.priority.quarter)[0];
}

export function sameIndicator(a: Indicator, b: Indicator): boolean {
  return indicatorKey(a.ref, a.measure) === indicatorKey(b.ref, b.measure);
}

const SAME = 0.001;

function compare(earlier: number, later: number, polarity: Polarity): { change: Movement["change"]; relative: number } {
  const raw = earlier === 0 ? Math.sign(later) : (later - earlier) / Math.abs(earlier);
  const relative = polarity === "higher" ? raw : -raw;
  return { change: Math.abs(relative) < SAME ? "same" : relative > 0 ? "better" : "worse", relative };
}

export function movementOf(indicator: Indicator, priority: UpdateSummary, previous: Update | undefined, config: ResolvedConfig): Movement | null {
  const now = yearEndFigure(indicator, priority, config, undefined, false);
  if (!now) return null;
  const polarity = polarityOf(indicator, priority, config);
  if (!polarity) return null;
  const before = previous?.priority.indicators.find((candidate) => sameIndicator(candidate, indicator));
  const then = before ? yearEndFigure(before, previous!.priority, config, undefined, false) : null;
  if (before && then && sameUnit(unitAsMeant(before.result, before), unitAsMeant(indicator.result, indicator))) {
    const { change, relative } = compare(then.value, now.value, polarity.polarity);
    return { indicator, change, relative, against: "previous quarter", polarity, text: `from ${then.text} in Q${previous!.priority.quarter} to ${now.text} in Q${priority.quarter}` };
  }
  const baseline = indicator.baseline;
  if (baseline.value === null || !sameUnit(baseline, unitAsMeant(indicator.result, indicator))) return null;
  const { change, relative } = compare(baseline.value, now.value, polarity.polarity);
  return { indicator, change, relative, against: "baseline", polarity, text: `from ${figure(baseline)} (baseline) to ${now.text}` };
}
