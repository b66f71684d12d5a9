/**
 * The RAG judgement (docs/domain.md "RAG ratings, and when one is right"): polarity from the
 * strongest signal, the tolerance band, cumulative projection, forecasts, and the cases where it
 * declines to judge. Indicators are built from cell texts as the documents write them.
 */
import { describe, expect, it } from "vitest";
import { parseResult, parseTarget, parseValue } from "../src/parse/values.js";
import type { Indicator, Priority } from "../src/schema/records.js";
import type { Config } from "../src/schema/config.js";
import { resolveConfig } from "../src/validate/config.js";
import { gapOf, judge, ratingFor } from "../src/validate/judge.js";
import { polarityOf } from "../src/validate/polarity.js";
import { sameTheme } from "../src/validate/rules/reference-invalid.js";

interface Cells {
  ref?: string;
  definition?: string;
  measure?: string | null;
  comments?: string;
  baseline?: string;
  targets?: Record<string, string>;
  result?: string;
  kind?: "year-to-date" | "year-end";
  rag?: string;
}

function indicator(cells: Cells): Indicator {
  const forecast = cells.rag && /\d/.test(cells.rag) ? parseValue(cells.rag) : null;
  return {
    ref: cells.ref ?? "LPI 1",
    measure: cells.measure ?? null,
    definition: cells.definition ?? "",
    comments: cells.comments ?? "",
    baseline: parseValue(cells.baseline ?? ""),
    targets: Object.entries(cells.targets ?? {}).map(([year, text]) => parseTarget(text, year)),
    result: parseResult(cells.result ?? "", cells.kind ?? "year-to-date"),
    rag: null,
    ragRaw: cells.rag ?? "",
    ragFill: null,
    ragFromFill: false,
    forecast,
    hasRagColumn: true,
    dataQuality: "",
    location: { line: 1 },
  };
}

const PRIORITY = { year: "2008/09", quarter: 2 } as Priority;
const Q4 = { year: "2008/09", quarter: 4 } as Priority;
const config = (settings: Config = {}) => resolveConfig(settings);

describe("polarity, strongest signal first", () => {
  it.each([
    ["the configuration beats the catalogue", { ref: "NI 187", measure: "SAP < 35" }, { indicators: { "NI 187": { measures: { "SAP < 35": { polarity: "higher" } } } } }, "higher", "from the configuration"],
    ["the catalogue, per measure (NI 187 SAP < 35)", { ref: "NI 187", measure: "SAP < 35", baseline: "7.9%", targets: { "2008/09": "9%" } }, {}, "lower", "from the indicator catalogue"],
    ["the catalogue, per measure (NI 187 SAP > 65)", { ref: "NI 187", measure: "SAP > 65" }, {}, "higher", "from the indicator catalogue"],
    ["the catalogue matches a ref written without its space or with a colon", { ref: "NI152:" }, {}, "lower", "from the indicator catalogue"],
    ["the comments", { comments: "Good performance is typified by an increase in numbers of net additional homes (DCLG view)", baseline: "500", targets: { "2008/09": "400" } }, {}, "higher", "from the comments"],
    ["the wording of the target", { targets: { "2008/09": "At least 3,400 after year 1" }, baseline: "3,500" }, {}, "higher", "from the wording of the target"],
    ["a reduction on baseline", { targets: { "2010/11": "8% reduction on baseline (7.4 rate per 1,000 population)" } }, {}, "lower", "from the wording of the target"],
    ["the trajectory of the yearly targets", { targets: { "2008/09": "15.0%", "2009/10": "10.0%", "2010/11": "5.0%" }, baseline: "1%" }, {}, "lower", "from the targets 15.0% → 10.0% → 5.0%"],
    ["baseline to target", { baseline: "4.00% (2007/08)", targets: { "2008/09": "3%" } }, {}, "lower", "from baseline 4.00%"],
  ] as const)("%s", (_, cells, settings, polarity, from) => {
    expect(polarityOf(indicator(cells as Cells), PRIORITY, config(settings as Config))).toEqual({ polarity, from });
  });

  it("says nothing when no signal decides: targets that go both ways, no baseline", () => {
    expect(polarityOf(indicator({ targets: { "2008/09": "10%", "2009/10": "12%", "2010/11": "11%" } }), PRIORITY, config())).toBeNull();
  });

  it("NI 187 without a measure is not guessed from the catalogue (its rows have opposite polarities)", () => {
    expect(polarityOf(indicator({ ref: "NI 187", baseline: "4.00% (2007/08)", targets: { "2008/09": "3%" } }), PRIORITY, config())?.from).toBe("from baseline 4.00%");
  });

  it("takes the strongest signal present when all disagree: each weaker one decides only once the stronger are gone", () => {
    // Six signals on one row, each pointing the other way from the one above it. Removing them
    // strongest first, the verdict must move down the list one step at a time: any two signals
    // consulted in the wrong order give a wrong verdict at some step.
    const signals = { configuration: true, catalogue: true, comments: true, wording: true, trajectory: true };
    const row = (present: typeof signals): Cells => ({
      ref: present.catalogue ? "NI 152" : "LPI 1", // NI 152 (out-of-work benefits): lower is better in the catalogue
      comments: present.comments ? "Good performance is typified by an increase in the rate" : "",
      baseline: "20%",
      targets: present.trajectory
        ? { "2008/09": present.wording ? "No more than 10%" : "10%", "2009/10": "11%", "2010/11": "12%" } // rising: higher
        : { "2008/09": present.wording ? "No more than 10%" : "10%" }, // 20% → 10%: lower from the baseline
    });
    const settings = (present: typeof signals): Config => (present.configuration ? { indicators: { [row(present).ref!]: { polarity: "higher" } } } : {});
    const verdict = (present: typeof signals) => polarityOf(indicator(row(present)), PRIORITY, config(settings(present)));

    const steps: [remove: keyof typeof signals | null, polarity: string, from: string][] = [
      [null, "higher", "from the configuration"],
      ["configuration", "lower", "from the indicator catalogue"],
      ["catalogue", "higher", "from the comments"],
      ["comments", "lower", "from the wording of the target"],
      ["wording", "higher", "from the targets 10% → 11% → 12%"],
      ["trajectory", "lower", "from baseline 20%"],
    ];
    const present = { ...signals };
    for (const [remove, polarity, from] of steps) {
      if (remove) present[remove] = false;
      expect({ removed: remove, verdict: verdict(present) }).toEqual({ removed: remove, verdict: { polarity, from } });
    }
  });
});

describe("the rating the figures give", () => {
  it.each([
    ["met exactly", 100, 100, "higher", "Green"],
    ["beaten", 110, 100, "higher", "Green"],
    ["missed by 10% (the default tolerance)", 90, 100, "higher", "Amber"],
    ["missed by 10.1%", 89.9, 100, "higher", "Red"],
    ["lower is better, 11.7% over (NI 187 in Q2)", 3.35, 3, "lower", "Red"],
    ["lower is better, 9.7% over (LKI HAS4 projected)", 1448, 1320, "lower", "Amber"],
  ] as const)("%s", (_, value, target, polarity, rating) => {
    expect(ratingFor(gapOf(value, target, polarity), 0.1)).toBe(rating);
  });

  it("a target of zero: anything worse is Red", () => {
    expect(ratingFor(gapOf(1, 0, "lower"), 0.1)).toBe("Red");
    expect(ratingFor(gapOf(0, 0, "lower"), 0.1)).toBe("Green");
  });

  it("gives the numbers, the polarity and where it came from, and the tolerance", () => {
    const judgement = judge(indicator({ ref: "NI 187", baseline: "4.00% (2007/08)", targets: { "2008/09": "3%" }, result: "3.35%" }), PRIORITY, config());
    expect(judgement).toMatchObject({ ok: true, computed: "Red", explanation: "3.35% against target 3% is 11.7% worse (lower is better, from baseline 4.00%; tolerance 10%)" });
  });

  it("a wider tolerance from the configuration turns the same figures Amber", () => {
    const judgement = judge(indicator({ ref: "NI 187", baseline: "4.00% (2007/08)", targets: { "2008/09": "3%" }, result: "3.35%" }), PRIORITY, config({ tolerance: 15 }));
    expect(judgement).toMatchObject({ ok: true, computed: "Amber" });
  });

  it("projects a cumulative year-to-date count to year end (724 at Q2 → 1,448)", () => {
    const judgement = judge(indicator({ ref: "LKI HAS4", baseline: "1,142 2007/08", targets: { "2008/09": "1320" }, result: "724" }), PRIORITY, config());
    expect(judgement).toMatchObject({ ok: true, computed: "Amber", compared: { basis: "projection", value: 1448 } });
  });

  it("projects a count the definition says is made over the year, for a PI not in the catalogue", () => {
    const cells = { ref: "LPI 7", definition: "The number of empty homes brought back into use during the year", baseline: "500 (2007/08)", targets: { "2008/09": "600" }, result: "280" };
    expect(judge(indicator(cells), PRIORITY, config())).toMatchObject({ ok: true, computed: "Amber", compared: { basis: "projection", value: 560 } });
    const stock = { ...cells, definition: "Number of empty homes in the city" };
    expect(judge(indicator(stock), PRIORITY, config())).toMatchObject({ ok: true, computed: "Red", compared: { basis: "result", value: 280 } });
  });

  it("projects a cumulative count given to an earlier quarter in a year-end column ('2,700 (Qtr 3)' at Q4)", () => {
    const judgement = judge(indicator({ ref: "NI 154", targets: { "2008/09": "3,400" }, result: "2,700 (Qtr 3)", kind: "year-end" }), Q4, config());
    expect(judgement).toMatchObject({ ok: true, computed: "Green", compared: { basis: "projection", value: 3600, text: "2,700 to Qtr 3, projected to 3,600 at year end (× 4 / 3)" } });
  });

  it("works out a target written as a change on the baseline, only when it is due this year", () => {
    const cells = { ref: "NI 4", baseline: "75%", result: "74%" };
    expect(judge(indicator({ ...cells, targets: { "2008/09": "2% increase on baseline" } }), PRIORITY, config())).toMatchObject({ ok: true, computed: "Amber", target: { value: 76.5, unit: "percent" } });
    expect(judge(indicator({ ...cells, targets: { "2008/09": "Increase of 4 percentage points on baseline" } }), PRIORITY, config())).toMatchObject({ ok: true, target: { value: 79 } });
    expect(judge(indicator({ ...cells, targets: { "2008/09": "Increase of 4.1 percentage points on baseline by 2010/11" } }), PRIORITY, config())).toMatchObject({ ok: false, why: "no-target" });
  });

  it("uses a forecast in the RAG column as the projection", () => {
    const judgement = judge(indicator({ ref: "LKI HAS4", targets: { "2008/09": "1320" }, result: "724", rag: "1300" }), PRIORITY, config());
    expect(judgement).toMatchObject({ ok: true, computed: "Green", compared: { basis: "forecast", value: 1300 } });
  });

  it("compares a rate or percentage as it is, without projecting", () => {
    const judgement = judge(indicator({ ref: "NI 141", targets: { "2008/09": "66%" }, result: "70.91%" }), PRIORITY, config());
    expect(judgement).toMatchObject({ ok: true, computed: "Green", compared: { basis: "result", value: 70.91 } });
  });

  it("does not project a year-end result, nor a cumulative count marked cumulative: false in the configuration", () => {
    const yearEnd = judge(indicator({ ref: "NI 154", targets: { "2008/09": "At least 3,400" }, result: "3,100", kind: "year-end" }), Q4, config());
    expect(yearEnd).toMatchObject({ ok: true, compared: { basis: "result", value: 3100 } });
    const notCumulative = judge(indicator({ ref: "LKI HAS4", targets: { "2008/09": "1320" }, result: "724" }), PRIORITY, config({ indicators: { "LKI HAS4": { cumulative: false } } }));
    expect(notCumulative).toMatchObject({ ok: true, computed: "Green", compared: { basis: "result", value: 724 } });
  });

  it.each([
    ["no target for the year", { targets: { "2010/11": "70%" }, result: "65.9%" }, "no-target"],
    ["a target with no figure", { targets: { "2008/09": "To be determined" }, result: "65.9%" }, "no-target"],
    ["no result figure", { targets: { "2008/09": "11.1%" }, result: "Awaiting DWP data update" }, "no-result"],
    ["units that differ (NI 16: 27.8% against a rate per 1,000)", { ref: "NI 16", targets: { "2008/09": "(26.4 rate per 1,000 population)" }, result: "27.8%" }, "unit-mismatch"],
    ["a decimal with no unit whose baseline and targets disagree on their unit", { ref: "LPI 2", baseline: "27.0 per 1,000 population", targets: { "2008/09": "15.0%" }, result: "18.46" }, "unit-mismatch"],
    ["a decimal with no unit against a count (LSP-TP2b(ii): 21.71 against 573)", { ref: "LSP-TP2b(ii)", baseline: "622 (2005)", targets: { "2008/09": "573 - LPSA2 Stretch Target" }, result: "21.71" }, "unit-mismatch"],
    ["no polarity signal", { targets: { "2008/09": "12" }, result: "11" }, "polarity-unknown"],
    ["a withdrawn indicator", { baseline: "This NI has been deleted from the national suite", targets: { "2008/09": "5%" }, result: "4%" }, "withdrawn"],
  ] as const)("declines to judge: %s", (_, cells, why) => {
    expect(judge(indicator(cells as Cells), PRIORITY, config())).toMatchObject({ ok: false, why });
  });
});

describe("a figure written without its unit", () => {
  it("is read in the unit its baseline and targets agree on, and judged (NI 158 Q4: 18.46 beside 22.81% and 15.0% → 10.0% → 5.0%)", () => {
    const ni158 = indicator({ ref: "NI 158", baseline: "22.81% (March 2008)", targets: { "2008/09": "15.0%", "2009/10": "10.0%", "2010/11": "5.0%" }, result: "18.46", kind: "year-end" });
    const judgement = judge(ni158, { ...PRIORITY, quarter: 4 }, config());
    expect(judgement).toMatchObject({ ok: true, computed: "Red", data: { compared: 18.46, target: 15, unitLeftOff: "percent" } });
    expect(judgement.ok && judgement.explanation).toContain("18.46 (read as 18.46%)");
  });
});

describe("theme names written two ways", () => {
  it.each([
    ["Health & Well-being", "Health and Wellbeing", true],
    ["Enterprise & Economy", "Enterprise and the Economy", true],
    ["Cultural Life", "Culture", true],
    ["Thriving Places", "Harmonious Communities", false],
    ["Learning", "Transport", false],
  ] as const)("%s / %s: %s", (a, b, same) => {
    expect(sameTheme(a, b)).toBe(same);
  });
});
