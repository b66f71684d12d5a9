/** Figures as messages show them: as the document wrote them where possible ("4.00%", "1,448"). */
import type { Value } from "../schema/records.js";

const FIGURE = /[-+]?\d[\d,]*(?:\.\d+)?\s*%?/;

/**
 * A number as `value.toLocaleString("en-GB", { maximumFractionDigits: 2 })` writes it ("1,448",
 * "72.73", "-0.5"), without it: the first use of Intl's number formatting costs ~20 ms of
 * start-up (ICU's locale data), as much as the whole validation of a file. ICU rounds the
 * shortest decimal that names the double (what String() gives), half away from zero; so does
 * this. Exponent forms, NaN and Infinity are left to Intl.
 */
function formatNumber(value: number): string {
  const digits = /^(\d+)(?:\.(\d+))?$/.exec(String(Math.abs(value)));
  if (!digits) return value.toLocaleString("en-GB", { maximumFractionDigits: 2 });
  const [, whole = "", fraction = ""] = digits;
  const hundredths = BigInt(whole + fraction.slice(0, 2).padEnd(2, "0")) + (fraction.charCodeAt(2) >= 53 ? 1n : 0n); // 53: "5"
  const rounded = hundredths.toString().padStart(3, "0");
  const units = rounded.slice(0, -2).replace(/\B(?=(\d{3})+$)/g, ",");
  const decimals = rounded.slice(-2).replace(/0+$/, "");
  return `${value < 0 || Object.is(value, -0) ? "-" : ""}${units}${decimals ? `.${decimals}` : ""}`;
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
