/**
 * The property-test helper (test/helpers/fast-check.ts): a failure names the seed it ran with,
 * and a run with that seed meets the same inputs again, so FC_SEED reproduces what CI saw.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkProperty, propertySeed } from "./helpers/fast-check.js";

/** Fails on any string holding "7": the inputs tried, in order, and the counterexample. */
function failingRun(seed: number): { tried: string[]; counterexample: unknown } {
  const tried: string[] = [];
  const property = fc.property(fc.string({ minLength: 1, maxLength: 6 }), (text) => {
    tried.push(text);
    return !text.includes("7");
  });
  const details = fc.check(property, { seed, numRuns: 1000 });
  return { tried, counterexample: details.counterexample };
}

describe("seeded property tests", () => {
  it("name the seed in a failure, with the command that replays it", async () => {
    const error = await checkProperty(fc.property(fc.integer(), (n) => n !== n)).catch((caught: Error) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(`fast-check seed ${propertySeed}: replay with FC_SEED=${propertySeed} npx vitest run`);
    // fast-check's own report is kept below the hint, and shows the seed really was used.
    expect((error as Error).message).toMatch(/Counterexample/);
    expect((error as Error).message).toContain(`{ seed: ${propertySeed},`);
  });

  it("pass quietly when the property holds", async () => {
    await expect(checkProperty(fc.property(fc.integer(), (n) => n === n), { numRuns: 20 })).resolves.toBeUndefined();
  });

  it("meet the same inputs, and the same counterexample, when run again with the same seed", () => {
    const first = failingRun(propertySeed);
    const again = failingRun(propertySeed);
    expect(first.counterexample).not.toBeNull();
    expect(again.tried).toEqual(first.tried);
    expect(again.counterexample).toEqual(first.counterexample);
  });
});
