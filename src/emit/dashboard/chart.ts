/**
 * A small inline SVG of one indicator: the baseline, each quarter's result (and a forecast
 * written in the RAG column) against the dashed target line of its year. Drawn as plain shapes
 * with a <title> and <desc> that say the same in words, so it needs no script, no font and no
 * network, and a screen reader hears the figures.
 */
import type { Unit, Value } from "../../schema/records.js";
import { escapeHtml } from "./html.js";
import type { IndicatorView, Period } from "./model.js";

const WIDTH = 260;
const HEIGHT = 100;
const PLOT = { left: 6, right: WIDTH - 6, top: 16, bottom: HEIGHT - 18 };
/** Height of a 9px label above its baseline, for keeping labels off lines and each other. */
const TEXT_HEIGHT = 8;
/** Room on the right for a forecast's label ("fcst 1,800"), drawn beside the last quarter. */
const FORECAST_ROOM = 44;

export function formatFigure(value: number, unit: Unit | null, ratePer: number | null = null): string {
  const text = value.toLocaleString("en-GB", { maximumFractionDigits: 2 });
  if (unit === "percent") return `${text}%`;
  if (unit === "rate") return `${text} per ${(ratePer ?? 1000).toLocaleString("en-GB")}`;
  return text;
}

function figure(value: Value): string {
  return formatFigure(value.value!, value.unit, value.ratePer);
}

interface Slot {
  label: string;
  result?: Value;
  forecast?: Value;
  target?: Value;
}

function slotsOf(indicator: IndicatorView, periods: Period[]): Slot[] {
  const targetFor = (year: string) => indicator.targets.find((target) => target.year === year && target.value !== null);
  const slots: Slot[] = [];
  if (indicator.baseline.value !== null) slots.push({ label: "Base", result: undefined, target: undefined });
  // "Q2" is enough within one year; across years the year is needed too ("Q2 08/09").
  const years = new Set(periods.map((period) => period.year)).size;
  for (const period of periods) {
    const entry = indicator.results.get(period.key);
    slots.push({
      label: years > 1 ? `Q${period.quarter} ${period.year.replace(/^\d\d/, "")}` : `Q${period.quarter}`,
      result: entry?.result.value != null ? entry.result : undefined,
      forecast: entry?.forecast?.value != null ? entry.forecast : undefined,
      target: targetFor(period.year),
    });
  }
  return slots;
}

/** Why the picture would mislead, in words: units that do not match. */
export function unitMismatch(indicator: IndicatorView): string | null {
  const resultUnits = new Set([...indicator.results.values()].map((entry) => entry.result.unit).filter((unit) => unit !== null));
  const targetUnits = new Set(indicator.targets.map((target) => target.unit).filter((unit) => unit !== null));
  if (resultUnits.size === 0 || targetUnits.size === 0) return null;
  const same = [...resultUnits].every((unit) => targetUnits.has(unit));
  return same ? null : `results are written as ${[...resultUnits].join(", ")}, targets as ${[...targetUnits].join(", ")}`;
}

/** The chart, or null when there is no result and no target to draw. */
export function indicatorChart(indicator: IndicatorView, periods: Period[], id: string): string | null {
  const slots = slotsOf(indicator, periods);
  const hasBaseline = indicator.baseline.value !== null;
  const plotted = slots.flatMap((slot) => [slot.result, slot.forecast, slot.target].filter((value): value is Value => value !== undefined));
  if (plotted.length === 0) return null;
  const values = [...plotted.map((value) => value.value!), ...(hasBaseline ? [indicator.baseline.value!] : [])];
  let low = Math.min(...values);
  let high = Math.max(...values);
  const pad = (high - low || Math.abs(high) || 1) * 0.15;
  low -= pad;
  high += pad;
  const right = PLOT.right - (slots.some((slot) => slot.forecast) ? FORECAST_ROOM : 0);
  const x = (index: number) => PLOT.left + ((index + 0.5) * (right - PLOT.left)) / slots.length;
  const y = (value: number) => PLOT.bottom - ((value - low) / (high - low)) * (PLOT.bottom - PLOT.top);
  const half = (right - PLOT.left) / slots.length / 2;
  const n = (value: number) => value.toFixed(1);

  const parts: string[] = [];
  parts.push(`<line class="axis" x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}"/>`);
  slots.forEach((slot, index) => parts.push(`<text class="tick" x="${n(x(index))}" y="${HEIGHT - 5}" text-anchor="middle">${slot.label}</text>`));

  // One dashed segment per slot with a target, so a target that changes with the year steps.
  slots.forEach((slot, index) => {
    if (!slot.target) return;
    const level = n(y(slot.target.value!));
    parts.push(`<line class="target" x1="${n(x(index) - half)}" y1="${level}" x2="${n(x(index) + half)}" y2="${level}"/>`);
  });
  // The target's label goes under the start of its line, or over it when there is no room
  // below (the axis and its ticks) or a point of that quarter, with its own label written above
  // it, sits in the way.
  const firstTarget = slots.findIndex((slot) => slot.target);
  const first = slots[firstTarget];
  if (first?.target) {
    const target = first.target;
    const level = y(target.value!);
    const marks = [first.result, first.forecast].filter((value): value is Value => value !== undefined).map((value) => y(value.value!));
    // A label's box: its baseline less the text's height; a point's: its label above it down to the point.
    const clear = (baseline: number) => baseline - TEXT_HEIGHT >= PLOT.top - 12 && baseline <= PLOT.bottom - 2 && marks.every((mark) => baseline < mark - 15 || baseline - TEXT_HEIGHT > mark + 5);
    const below = level + 11;
    const above = level - 4;
    const at = clear(below) ? below : clear(above) ? above : below <= PLOT.bottom - 2 ? below : above;
    parts.push(`<text class="target-label" x="${n(x(firstTarget) - half + 2)}" y="${n(at)}">target ${escapeHtml(figure(target))}</text>`);
  }
  if (hasBaseline) {
    parts.push(`<circle class="baseline" cx="${n(x(0))}" cy="${n(y(indicator.baseline.value!))}" r="3.5"/>`);
    parts.push(`<text class="value" x="${n(x(0))}" y="${n(y(indicator.baseline.value!) - 6)}" text-anchor="middle">${escapeHtml(figure(indicator.baseline))}</text>`);
  }
  const points = slots.flatMap((slot, index) => (slot.result ? [{ index, value: slot.result }] : []));
  if (points.length > 1) parts.push(`<polyline class="result-line" points="${points.map((point) => `${n(x(point.index))},${n(y(point.value.value!))}`).join(" ")}"/>`);
  for (const point of points) {
    parts.push(`<circle class="result" cx="${n(x(point.index))}" cy="${n(y(point.value.value!))}" r="4"/>`);
    parts.push(`<text class="value" x="${n(x(point.index))}" y="${n(y(point.value.value!) - 7)}" text-anchor="middle">${escapeHtml(figure(point.value))}</text>`);
  }
  slots.forEach((slot, index) => {
    if (!slot.forecast) return;
    const cx = x(index) + 16;
    const cy = y(slot.forecast.value!);
    parts.push(`<path class="forecast" d="M${n(cx)} ${n(cy - 4.5)} ${n(cx + 4.5)} ${n(cy)} ${n(cx)} ${n(cy + 4.5)} ${n(cx - 4.5)} ${n(cy)}z"/>`);
    parts.push(`<text class="value" x="${n(cx + 6)}" y="${n(cy + 3)}">fcst ${escapeHtml(figure(slot.forecast))}</text>`);
  });

  const said = slots
    .map((slot) => {
      if (slot.label === "Base") return `baseline ${figure(indicator.baseline)}`;
      const bits = [slot.result ? `result ${figure(slot.result)}` : "no result", slot.target ? `target ${figure(slot.target)}` : null, slot.forecast ? `forecast ${figure(slot.forecast)}` : null];
      return `${slot.label}: ${bits.filter(Boolean).join(", ")}`;
    })
    .join("; ");
  const name = `${indicator.ref}${indicator.measure ? ` (${indicator.measure})` : ""}`;
  return `<svg class="chart" id="${id}" role="img" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" aria-labelledby="${id}-t ${id}-d">`
    + `<title id="${id}-t">${escapeHtml(name)}: results against target</title><desc id="${id}-d">${escapeHtml(said)}</desc>${parts.join("")}</svg>`;
}
