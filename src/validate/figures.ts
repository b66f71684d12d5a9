/** Figures as messages show them: as the document wrote them where possible ("4.00%", "1,448"). */
import type { Value } from "../schema/records.js";

const FIGURE = /[-+]?\d[\d,]*(?:\.\d+)?\s*%?/;

function formatNumber(value: number): string {
  return value.toLocaleString("en-GB", { maximumFractionDigits: 2 });
}

/** A number with the unit of `like`: 72.7 → "72.7%" when `like` is a percentage. */
export function withUnit(value: number, like: Pick<Value, "unit" | "ratePer"> | null): string {
  if (like?.unit === "percent") return `${formatNumber(value)}%`;
  if (like?.unit === "rate") return `${formatNumber(value)} per ${formatNumber(like.ratePer ?? 1000)}`;
  return formatNumber(value);
}

/** The figure of a value as written ("4.00%" from "4.00% (2007/08)"), else formatted. */
export function figure(value: Value): string {
  if (value.value === null) return value.raw;
  const written = FIGURE.exec(value.raw)?.[0]?.replace(/\s+/g, "");
  if (written && Number(written.replace(/[,%+]/g, "")) === value.value) {
    // "27.0 per 1,000", "70.91 per cent": the unit as lsp-report writes it; else the figure as written.
    if (value.unit === "rate" || (value.unit === "percent" && !written.endsWith("%"))) return withUnit(value.value, value);
    return written;
  }
  return withUnit(value.value, value);
}

/** "11.7%": a relative gap, always positive. */
export function percent(fraction: number): string {
  return `${formatNumber(Math.round(Math.abs(fraction) * 1000) / 10)}%`;
}

/** What the unit is called in a message. */
export function unitName(value: Pick<Value, "unit" | "ratePer">): string {
  if (value.unit === "percent") return "a percentage";
  if (value.unit === "rate") return `a rate per ${formatNumber(value.ratePer ?? 1000)}`;
  if (value.unit === "number") return "a count";
  return "a figure with no unit";
}
