/**
 * The rating an indicator's own figures give (docs/domain.md "RAG ratings, and when one is right"): the target for the
 * report's year met or beaten → Green; missed by no more than the tolerance (a fraction of the
 * target) → Amber; missed by more → Red. Cumulative year-to-date counts are projected to year
 * end first (a forecast written in the RAG column is the officer's own projection and is used
 * as it is); rates and percentages are compared as they are.
 */
import type { FindingData } from "../schema/findings.js";
import type { Indicator, Rating, Target, Value } from "../schema/records.js";
import type { UpdateSummary } from "./rule.js";
import { knownCumulative } from "./catalogue.js";
import type { ResolvedConfig } from "./config.js";
import { figure, percent, unitName, withUnit } from "./figures.js";
import { polarityOf, polarityWords, type PolarityVerdict } from "./polarity.js";
import { sameUnit, unitAsMeant, unitLeftOff } from "./units.js";

export { sameUnit } from "./units.js";

/** The figure set against the target, and how it was arrived at. */
export interface Compared {
  value: number;
  basis: "result" | "forecast" | "projection";
  /** "724 year to date, projected to 1,448 at year end (× 4 / 2)" */
  text: string;
}

export type Judgement =
  | {
      ok: true;
      computed: Rating;
      /** How far the figure falls short of the target, as a fraction of it; negative when it beats it. */
      gap: number;
      target: Target;
      compared: Compared;
      polarity: PolarityVerdict;
      tolerance: number;
      /** "3.35% against target 3% is 11.7% worse (lower is better, from baseline 4.00%; tolerance 10%)" */
      explanation: string;
      data: FindingData;
    }
  | { ok: false; why: "withdrawn" | "no-target" | "no-result" | "unit-mismatch" | "polarity-unknown"; detail: string };

/** A figure as written, and as read when its unit was left off: "18.46 (read as 18.46%)". */
export function figureAsMeant(value: Value, indicator: Indicator): string {
  const meant = unitLeftOff(value, indicator);
  return meant && value.value !== null ? `${figure(value)} (read as ${withUnit(value.value, meant)})` : figure(value);
}

/** The report year's target with a figure, if any. */
export function ownTarget(indicator: Indicator, priority: UpdateSummary): Target | undefined {
  return indicator.targets.find((target) => target.year === priority.year);
}

export function isWithdrawn(indicator: Indicator): boolean {
  return [indicator.baseline, indicator.result, ...indicator.targets].some((value) => value.status === "withdrawn");
}

/** A definition that counts over the year: "…made in the year", "…between 1 April and 31 March". */
const COUNT_OVER_THE_YEAR = /\b(?:in|during) the (?:financial |reporting )?year\b|\bbetween 1(?:st)? april and 31(?:st)? march\b|\bcumulative\b/i;

/**
 * Whether a year-to-date result is a count that must be projected to year end: as the
 * configuration or the catalogue says, else when the definition counts over the year.
 */
export function isCumulative(indicator: Indicator, config: ResolvedConfig): boolean {
  const known = knownCumulative(indicator.ref, indicator.measure, config);
  if (known) return known.value;
  return indicator.result.unit === "number" && COUNT_OVER_THE_YEAR.test(indicator.definition);
}

/** The quarter a result's figure covers: its own "(Qtr 3)", else the report's quarter. */
function quarterOf(indicator: Indicator, priority: UpdateSummary): number {
  return indicator.result.latestQuarter ?? priority.quarter;
}

/** The result as the year-end figure it stands for; null when there is none. */
export function yearEndFigure(indicator: Indicator, priority: UpdateSummary, config: ResolvedConfig, target?: Target, useForecast = true): Compared | null {
  const { result, forecast } = indicator;
  if (useForecast && forecast && forecast.value !== null && (!target || sameUnit(unitAsMeant(forecast, indicator), target))) {
    const resultText = result.value !== null ? ` (result ${figureAsMeant(result, indicator)}${result.kind === "year-to-date" ? " year to date" : ""})` : "";
    return { value: forecast.value, basis: "forecast", text: `forecast ${figureAsMeant(forecast, indicator)}${resultText}` };
  }
  if (result.value === null) return null;
  // A year-to-date figure, or a year-end column holding an earlier quarter's ("2,700 (Qtr 3)").
  const quarter = quarterOf(indicator, priority);
  const partYear = result.kind === "year-to-date" || result.latestQuarter !== null;
  if (partYear && quarter < 4 && isCumulative(indicator, config)) {
    const projected = (result.value * 4) / quarter;
    const upTo = result.latestQuarter !== null ? ` to Qtr ${quarter}` : " year to date";
    return {
      value: projected,
      basis: "projection",
      text: `${figureAsMeant(result, indicator)}${upTo}, projected to ${withUnit(Math.round(projected * 100) / 100, unitAsMeant(result, indicator))} at year end (× 4 / ${quarter})`,
    };
  }
  return { value: result.value, basis: "result", text: figureAsMeant(result, indicator) };
}

/** The rating a gap earns under a tolerance. */
export function ratingFor(gap: number, tolerance: number): Rating {
  if (gap <= 1e-9) return "Green";
  return gap <= tolerance + 1e-9 ? "Amber" : "Red";
}

/** The gap between a figure and its target, as a fraction of the target (positive = worse). */
export function gapOf(value: number, target: number, polarity: PolarityVerdict["polarity"]): number {
  const shortfall = polarity === "higher" ? target - value : value - target;
  if (target === 0) return shortfall === 0 ? 0 : shortfall > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  return shortfall / Math.abs(target);
}

/**
 * A target written as a change on the baseline ("2% increase on baseline", "Increase of 4.1
 * percentage points on baseline") is a figure once the baseline is known, when it is due this
 * year (a change due "by 2010/11" is not this year's target). The figure takes the baseline's unit.
 */
export function targetFromChange(target: Target, baseline: Indicator["baseline"], year: string): Target | null {
  const change = target.change;
  if (!change || baseline.value === null || (change.relativeTo && !/baseline/i.test(change.relativeTo)) || (change.by && change.by !== year)) return null;
  const sign = change.direction === "increase" ? 1 : -1;
  let value: number;
  if (change.unit === "percentage points") {
    if (baseline.unit !== "percent") return null;
    value = baseline.value + sign * change.amount;
  } else if (change.unit === "percent") {
    value = baseline.value * (1 + (sign * change.amount) / 100);
  } else {
    value = baseline.value + sign * change.amount;
  }
  return { ...target, value: Math.round(value * 1e6) / 1e6, unit: baseline.unit, ratePer: baseline.ratePer };
}

export function judge(indicator: Indicator, priority: UpdateSummary, config: ResolvedConfig): Judgement {
  if (isWithdrawn(indicator)) return { ok: false, why: "withdrawn", detail: "the indicator has been withdrawn" };
  const written = ownTarget(indicator, priority);
  const derived = written && written.value === null ? targetFromChange(written, indicator.baseline, priority.year) : null;
  const target = derived ?? written;
  if (!target || target.value === null) {
    return { ok: false, why: "no-target", detail: target ? `no ${priority.year} target figure ("${target.raw || "blank"}")` : `no ${priority.year} target` };
  }
  const compared = yearEndFigure(indicator, priority, config, target);
  if (!compared) return { ok: false, why: "no-result", detail: `no result figure ("${indicator.result.raw || "blank"}")` };
  const like = compared.basis === "forecast" ? indicator.forecast! : indicator.result;
  if (!sameUnit(unitAsMeant(like, indicator), target)) {
    return { ok: false, why: "unit-mismatch", detail: `${compared.text} is ${unitName(like)} and target ${figure(target)} is ${unitName(target)}` };
  }
  const polarity = polarityOf(indicator, priority, config);
  if (!polarity) return { ok: false, why: "polarity-unknown", detail: "nothing says whether higher or lower is better" };

  const gap = gapOf(compared.value, target.value, polarity.polarity);
  const computed = ratingFor(gap, config.tolerance);
  const how = Math.abs(gap) <= 1e-9 ? "meets it" : `is ${Number.isFinite(gap) ? percent(gap) : "infinitely"} ${gap > 0 ? "worse" : "better"}`;
  const targetText = derived ? `${figure(target)} (${target.raw} ${figure(indicator.baseline)})` : figure(target);
  const explanation = `${compared.text} against target ${targetText} ${how} (${polarityWords(polarity.polarity)}, ${polarity.from}; tolerance ${percent(config.tolerance)})`;
  return {
    ok: true,
    computed,
    gap,
    target,
    compared,
    polarity,
    tolerance: config.tolerance,
    explanation,
    data: {
      compared: Math.round(compared.value * 1e6) / 1e6,
      basis: compared.basis,
      result: indicator.result.value,
      forecast: indicator.forecast?.value ?? null,
      target: target.value,
      targetYear: target.year,
      polarity: polarity.polarity,
      polarityFrom: polarity.from,
      gapPercent: Number.isFinite(gap) ? Math.round(gap * 1000) / 10 : null,
      tolerancePercent: Math.round(config.tolerance * 1000) / 10,
      computed,
      ...(unitLeftOff(like, indicator) ? { unitLeftOff: unitAsMeant(like, indicator).unit } : {}),
    },
  };
}
