/**
 * Figures in messages are written without Intl (its first use costs start-up time), and must read
 * exactly as `toLocaleString("en-GB", { maximumFractionDigits: 2 })` would write them: the
 * expectation in every case is Intl's own output, for the hard cases (halves, carries into the
 * thousands, negative zero, exponent forms) and for any double fast-check draws.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { withUnit } from "../src/validate/figures.js";
import { checkProperty } from "./helpers/fast-check.js";

const intl = (value: number) => value.toLocaleString("en-GB", { maximumFractionDigits: 2 });

describe("figures in messages", () => {
  it.each([
    0, -0, 1, -1, 7, 12.5, 70.91, 66, 1448, 1000, 999.995, 999.994, 1234567.891, -1234.5,
    // Halves as the shortest decimal shows them, though the double lies below: ICU rounds them up.
    1.005, 2.675, 1.115, 0.125, 0.005, 0.015, -0.005, -2.675,
    // Rounding to zero keeps the sign; carries run through the units and the thousands.
    -0.001, -0.004, 0.994, 0.995, 9.999, 99999.999, 999999.996,
    0.1 + 0.2, 1 / 3, 2 / 3, 1e20, 123456789012345680000, 1e21, 1.5e-7, 1e-6, 0.000001234,
    Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
  ])("writes %d as Intl does", (value) => {
    expect(withUnit(value, null)).toBe(intl(value));
  });

  it("writes percentages and rates with the same figures", () => {
    expect(withUnit(72.725, { unit: "percent", ratePer: null })).toBe(`${intl(72.725)}%`);
    expect(withUnit(27.0049, { unit: "rate", ratePer: 1000 })).toBe(`${intl(27.0049)} per 1,000`);
  });

  it("writes any double as Intl does", async () => {
    await checkProperty(fc.property(fc.double(), (value) => withUnit(value, null) === intl(value)), { numRuns: 5000 });
    // The figures documents hold: a few digits either side of the point.
    const written = fc.tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 4 })).map(([digits, places]) => digits / 10 ** places);
    await checkProperty(fc.property(written, (value) => withUnit(value, null) === intl(value)), { numRuns: 5000 });
  });
});
