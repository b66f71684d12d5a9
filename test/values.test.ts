/**
 * Values as people write them (docs/domain.md "Values as people write them"), and every baseline,
 * target, result and RAG-column figure in the two seed documents. Expectations are what a
 * person reads in the text; fields not named in a row are the empty defaults.
 */
import { describe, expect, it } from "vitest";
import { parseResult, parseTarget, parseValue } from "../src/parse/values.js";
import { Value as ValueSchema, type Value } from "../src/schema/records.js";

const EMPTY: Omit<Value, "raw" | "status"> = {
  value: null, unit: null, ratePer: null, comparator: null, qualifier: null, period: null,
  latestQuarter: null, provisional: false, expected: null, change: null, earlier: [], note: null,
};

/** A reported figure, with whatever else the text says. */
const figure = (raw: string, value: number, unit: Value["unit"], more: Partial<Value> = {}): [string, Value] => [
  raw,
  { ...EMPTY, raw: raw.trim(), status: "reported", value, unit, ...more },
];

/** No figure, and why. */
const none = (raw: string, status: Value["status"], more: Partial<Value> = {}): [string, Value] => [
  raw,
  { ...EMPTY, raw: raw.trim(), status, ...more },
];

const per1000 = { ratePer: 1000 };

describe("parseValue: plain figures", () => {
  it.each([
    // Units: % is percent; a whole count is a number; a decimal with no unit written has none.
    figure("70.91%", 70.91, "percent"),
    figure("65.90%", 65.9, "percent"),
    figure("66%", 66, "percent"),
    figure("3%", 3, "percent"),
    figure("3.35%", 3.35, "percent"),
    figure("11.1%", 11.1, "percent"),
    figure("29.8%", 29.8, "percent"),
    figure("15.0%", 15, "percent"),
    figure("10.0%", 10, "percent"),
    figure("5.0%", 5, "percent"),
    figure("6.64%", 6.64, "percent"),
    figure("5.86%", 5.86, "percent"),
    figure("4.89%", 4.89, "percent"),
    figure("6.63%", 6.63, "percent"),
    figure("35.05%", 35.05, "percent"),
    figure("37.44%", 37.44, "percent"),
    figure("38.22%", 38.22, "percent"),
    figure("35.75%", 35.75, "percent"),
    figure("27.8%", 27.8, "percent"),
    figure("7.5%", 7.5, "percent"),
    figure("10.8%", 10.8, "percent"),
    figure("10.4%", 10.4, "percent"),
    figure("29.2%", 29.2, "percent"),
    figure("28.4%", 28.4, "percent"),
    figure("70%", 70, "percent"),
    figure("21.7%", 21.7, "percent"),
    figure("17.2%", 17.2, "percent"),
    figure("72.7%", 72.7, "percent"),
    figure("18.46", 18.46, null),
    figure("21.71", 21.71, null),
    figure("15.00", 15, null),
    figure("724", 724, "number"),
    figure("1320", 1320, "number"),
    figure("1448", 1448, "number"),
    figure("1800", 1800, "number"),
    figure("300", 300, "number"),
    figure("355", 355, "number"),
    figure("3,327", 3327, "number"),
    figure("1,234,567", 1234567, "number"), // every thousands separator, not only the first
    figure("-2.5%", -2.5, "percent"),
    figure("  724\t", 724, "number"),
    figure("\u00a066%\u00a0", 66, "percent"),
    figure("70.91\u00a0%", 70.91, "percent"),
  ])("%j", (raw, expected) => {
    expect(parseValue(raw)).toEqual(expected);
  });
});

describe("parseValue: figures with periods, quarters, notes and qualifiers", () => {
  it.each([
    figure("3,327 (2006/07)", 3327, "number", { period: "2006/07" }),
    figure("2,076 (2004/05)", 2076, "number", { period: "2004/05" }),
    figure("1,142 2007/08", 1142, "number", { period: "2007/08" }),
    figure("4.00% (2007/08)", 4, "percent", { period: "2007/08" }),
    figure("58.61% (Q2 2007/08)", 58.61, "percent", { period: "Q2 2007/08" }),
    figure("22.81% (March 2008)", 22.81, "percent", { period: "March 2008" }),
    figure("11.4% (2007)", 11.4, "percent", { period: "2007" }),
    figure("30.4% (2007)", 30.4, "percent", { period: "2007" }),
    figure("65.9% (2008)", 65.9, "percent", { period: "2008" }),
    figure("622 (2005)", 622, "number", { period: "2005" }),
    // Several figures in one cell: the latest is the value, the others are kept.
    figure("258 (2006/07) 440 (2007/08)", 440, "number", {
      period: "2007/08",
      earlier: [{ value: 258, unit: "number", period: "2006/07" }],
    }),
    figure("10.9% (Qtr 3)", 10.9, "percent", { latestQuarter: 3 }),
    figure("27.3% (Qtr 3)", 27.3, "percent", { latestQuarter: 3 }),
    figure("10.9% (Q3)", 10.9, "percent", { latestQuarter: 3 }),
    figure("10.9% (Quarter 3)", 10.9, "percent", { latestQuarter: 3 }),
    figure("19.9% (provisional)", 19.9, "percent", { provisional: true }),
    figure("73.7% (provisional)", 73.7, "percent", { provisional: true }),
    figure("17.2% (Taken from the Office of the Third Sector Survey - Autumn 2008)", 17.2, "percent", {
      note: "Taken from the Office of the Third Sector Survey - Autumn 2008",
    }),
    // NI 187 has one row per measure: the measure is a qualifier, not part of the period.
    figure("7.9% (2007/08) SAP < 35", 7.9, "percent", { period: "2007/08", qualifier: "SAP < 35" }),
    figure("34.59% SAP > 65", 34.59, "percent", { qualifier: "SAP > 65" }),
    figure("At least 3,400 after year 1", 3400, "number", { comparator: "at-least", qualifier: "after year 1" }),
    figure("no more than 1800", 1800, "number", { comparator: "at-most" }),
    figure("1,877- LPSA2 Stretch Target", 1877, "number", { qualifier: "LPSA2 Stretch Target" }),
    figure("573 - LPSA2 Stretch Target", 573, "number", { qualifier: "LPSA2 Stretch Target" }),
    figure("1,877 \u2013 LPSA2 Stretch Target", 1877, "number", { qualifier: "LPSA2 Stretch Target" }),
    figure("1,877\u00a0\u2014\u00a0LPSA2 Stretch Target", 1877, "number", { qualifier: "LPSA2 Stretch Target" }),
  ])("%j", (raw, expected) => {
    expect(parseValue(raw)).toEqual(expected);
  });
});

describe("parseValue: rates and changes on the baseline", () => {
  it.each([
    figure("(26.4 rate per 1,000 population)", 26.4, "rate", per1000),
    figure("(25.4 rate per 1,000 population)", 25.4, "rate", per1000),
    figure("(24.8 rate per 1,000 population)", 24.8, "rate", per1000),
    figure("(7.7 rate per 1,000 population)", 7.7, "rate", per1000),
    figure("(7.6 rate per 1,000 population)", 7.6, "rate", per1000),
    figure("27.0 per 1,000 population (2007/08)", 27, "rate", { ...per1000, period: "2007/08" }),
    figure("8.0 per 1,000 population (2007/08)", 8, "rate", { ...per1000, period: "2007/08" }),
    figure("8% reduction on baseline (7.4 rate per 1,000 population)", 7.4, "rate", {
      ...per1000,
      change: { direction: "reduction", amount: 8, unit: "percent", relativeTo: "baseline", by: null },
    }),
    none("Increase of 4.1 percentage points on baseline by 2010/11", "described", {
      change: { direction: "increase", amount: 4.1, unit: "percentage points", relativeTo: "baseline", by: "2010/11" },
    }),
    none("Increase of 4.1 percentage points on baseline by 2010/11 (measured by second OTS survey in Autumn 2010)", "described", {
      change: { direction: "increase", amount: 4.1, unit: "percentage points", relativeTo: "baseline", by: "2010/11" },
      note: "measured by second OTS survey in Autumn 2010",
    }),
  ])("%j", (raw, expected) => {
    expect(parseValue(raw)).toEqual(expected);
  });
});

describe("parseValue: no figure yet", () => {
  it.each([
    none("", "blank"),
    none("   \u00a0 ", "blank"),
    none("N/A", "not-applicable"),
    none("n/a", "not-applicable"),
    none("NA", "not-applicable"),
    none("To be determined", "to-be-determined"),
    none("TBD", "to-be-determined"),
    none("TBC", "to-be-determined"),
    none("New indicator", "new-indicator"),
    none("Annual reporting", "annual"),
    none("Annually Reported", "annual"),
    none("Reported annually", "annual"),
    none("Due to be reported in January 2009", "not-yet-reported", { expected: "2009-01" }),
    none("Due to be reported in November 2008", "not-yet-reported", { expected: "2008-11" }),
    none("Awaiting DWP data update", "awaiting-data"),
    // The survey year is not a figure; the sentence after it promises the figure for January 2009.
    none(
      "Baseline and targets to be taken from the 2008 Place Survey. This information will be available from January 2009.",
      "to-be-set",
      { expected: "2009-01" },
    ),
    none("Baseline and targets to be taken from the 2008 Place Survey\u2026", "to-be-set"),
    none("To be set by Office of the Third Sector Survey -Autumn 2008", "to-be-set"),
    none("Baseline and target to be set through Place Survey", "to-be-set"),
    none(
      "This NI has been deleted from the national suite - locally measures to monitor ASB victims satisfaction will be developed and reported on in 2009/10",
      "withdrawn",
    ),
    // Years, dates and money are never taken as the value.
    none("2008", "unparsed"),
    none("2007/08", "unparsed"),
    none("31/03/2009", "unparsed"),
    none("March 2009", "unparsed"),
    none("£250,000", "unparsed"),
    none("£1.2m investment", "unparsed"),
    none("£2,000 (2006/07) £3,000 (2007/08)", "unparsed"),
    none("Data not available for this period", "unparsed"),
  ])("%j", (raw, expected) => {
    expect(parseValue(raw)).toEqual(expected);
  });
});

describe("parseTarget and parseResult", () => {
  it("a target carries its financial year", () => {
    expect(parseTarget("66%", "2008/09")).toEqual({ year: "2008/09", ...parseValue("66%") });
    expect(parseTarget("", "2010/11")).toMatchObject({ year: "2010/11", status: "blank", raw: "" });
  });

  it("a result carries its kind", () => {
    expect(parseResult("724", "year-to-date")).toMatchObject({ kind: "year-to-date", value: 724, unit: "number" });
    expect(parseResult("18.46", "year-end")).toMatchObject({ kind: "year-end", value: 18.46, unit: null });
  });
});

describe("every parsed value satisfies the schema", () => {
  it.each(["70.91%", "258 (2006/07) 440 (2007/08)", "", "N/A", "8% reduction on baseline (7.4 rate per 1,000 population)", "anything at all (with) 12 numbers"])(
    "%j",
    (raw) => {
      expect(ValueSchema.safeParse(parseValue(raw)).success).toBe(true);
    },
  );
});
