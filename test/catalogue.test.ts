/**
 * The bundled indicator catalogue: the whole National Indicator Set (198 indicators, NI 1 to 199
 * without NI 31) with title, polarity and cumulative, its sources noted in the file, and how the
 * validator reads it (null = the source leaves it open, so the next signal decides).
 * Spot checks quote the public texts found for the indicator; each says where it was read.
 */
import { describe, expect, it } from "vitest";
import local from "../src/data/indicators.json" with { type: "json" };
import national from "../src/data/national-indicators.json" with { type: "json" };
import { resolveConfig } from "../src/validate/config.js";
import { catalogueEntry, catalogueRefs, knownCumulative, knownPolarity, type CatalogueEntry } from "../src/validate/catalogue.js";

const NIS = national.indicators as Record<string, CatalogueEntry>;
const config = resolveConfig();

describe("the National Indicator Set, whole", () => {
  const published = Array.from({ length: 199 }, (_, index) => index + 1).filter((number) => number !== 31);

  it("has every NI from 1 to 199 but 31, each with a title, and nothing else", () => {
    expect(published).toHaveLength(198);
    const missing = published.filter((number) => !NIS[`NI ${number}`]?.title.trim());
    expect(missing).toEqual([]);
    expect(Object.keys(NIS).sort()).toEqual(published.map((number) => `NI ${number}`).sort());
  });

  it("leaves out NI 31, dropped before the set was published, and says so", () => {
    // CLG, National Indicators page (2008): "One indicator (N31 on re-offending by registered sex
    // offenders) has been dropped. One new indicator on play (NI 199) has been added, leaving a
    // total of 198 national indicators."
    expect(NIS["NI 31"]).toBeUndefined();
    expect(catalogueEntry("NI 31")).toBeUndefined();
    expect(national.notInSet["NI 31"]).toMatch(/sex offenders/);
  });

  it("notes its source: the Handbook of Definitions, revised May 2008, its updates, and the set's end", () => {
    expect(national.source).toMatch(/Handbook of Definitions, revised edition May 2008/);
    expect(national.source).toMatch(/updated definitions \(February 2009\)/);
    expect(national.source).toMatch(/14 October 2010/);
    expect(national.references.length).toBeGreaterThan(0);
  });

  it.each(Object.entries(NIS))("%s: polarity higher, lower or null, cumulative true, false or null", (_, entry) => {
    const polarities = entry.measures ? Object.values(entry.measures).map((measure) => measure.polarity) : [entry.polarity];
    for (const polarity of polarities) expect(["higher", "lower", null]).toContain(polarity);
    expect([true, false, null]).toContain(entry.cumulative);
    // A null polarity is a decision not to guess: the entry says why.
    if (entry.polarity === null) expect(entry.note?.length).toBeGreaterThan(10);
  });

  it("marks a withdrawn indicator with when and on what authority, and only such indicators", () => {
    const withdrawn = Object.entries(NIS).filter(([, entry]) => entry.withdrawn !== undefined);
    for (const [, entry] of withdrawn) expect(entry.withdrawn).toMatch(/\d{4}.*\(.+\)/);
    expect(national.withdrawn).toMatch(/None is marked/);
    expect(withdrawn).toHaveLength(0);
  });

  it("knows most polarities, and leaves open those whose title could mislead", () => {
    const open = Object.entries(NIS).filter(([, entry]) => !entry.measures && entry.polarity === null).map(([ref]) => ref);
    // NI 113 'Prevalence of Chlamydia' is measured by screening take-up; NI 178 has two measures
    // of opposite direction; NI 65: a very low re-registration rate can be as worrying as a high one.
    expect(open).toEqual(expect.arrayContaining(["NI 65", "NI 113", "NI 178"]));
    expect(open.length).toBeLessThan(25);
  });
});

describe("spot checks against the texts found", () => {
  it.each([
    // standards.esd.org.uk metricType 5172: "Formally National Indicator 56 (NI 56)" … "a low value is good"
    ["NI 56", "lower", /Year 6/],
    // id.esd.org.uk metricType 46: "NI 192 Percentage of household waste sent for reuse, recycling and
    // composting" … "Polarity a high value is good"; Defra: "The Government expects local authorities
    // to maximise the percentage of waste reused, recycled and composted."
    ["NI 192", "higher", /^Percentage of household waste sent for reuse, recycling and composting$/],
    // Defra, NI 191-193: "the Government wishes to see a year on year reduction in the amount of residual waste"
    ["NI 191", "lower", /^Residual household waste per household$/],
    // Defra, NI 191-193: "divert an increasing proportion of waste away from landfill"
    ["NI 193", "lower", /municipal waste land ?filled/i],
    // infochimps, DCLG Floor Targets: "NI 117 - 16 to 18 year olds who are Not in Education, Training
    // or Employment (NEET)"; the Ealing equivalent says "Smaller values are best"
    ["NI 117", "lower", /not in education, employment or training \(NEET\)/],
    // DCSF Tellus4 release: "NI 199: Satisfaction with parks and play areas"
    ["NI 199", "higher", /satisfaction with parks and play areas/],
    // DCSF Tellus4 release: "NI 115: Reduce the proportion of young people frequently using illicit
    // drugs, alcohol or volatile substances"
    ["NI 115", "lower", /^Substance misuse by young people$/],
    // Central Bedfordshire's performance pages: "Time taken to process Housing Benefit, Council Tax
    // Benefit, new claims & change events - Days" … "Smaller values are best"
    ["NI 181", "lower", /^Time taken to process Housing Benefit\/Council Tax Benefit new claims and change events$/],
    // DECC: "National Indicator NI 185: CO2 reduction from local authority operations"; Carbon
    // Footprint: "NI 185 – Percentage CO2 reduction from LA operations": a reduction, so higher is better
    ["NI 185", "higher", /^CO2 reduction from Local Authority operations$/],
  ] as const)("%s is %s is better, titled as found", (ref, polarity, title) => {
    expect(NIS[ref]?.polarity).toBe(polarity);
    expect(NIS[ref]?.title).toMatch(title);
  });

  it.each([
    // Arts Council England: "NI 11 focuses on Engagement in the arts"
    ["NI 11", /^Engagement in the arts$/],
    // esd MetricTypeList 0.01: "NI 120 All-age all cause mortality rate"
    ["NI 120", /^All-age all cause mortality rate$/],
    // 1library, affordable housing monitoring: "N155 is the indicator for affordable housing. There is
    // also indicator NI 154 – total dwellings provided."
    ["NI 155", /affordable homes/],
    ["NI 154", /^Net additional homes provided$/],
    // DCSF Tellus4 release: "NI 69: Percentage of children who have experienced bullying"
    ["NI 69", /experienced bullying/],
  ] as const)("%s is titled as found", (ref, title) => {
    expect(NIS[ref]?.title).toMatch(title);
  });

  it("counts events over the year as cumulative and snapshots as not (docs/domain.md: 724 at Q2 against 1320 for the year)", () => {
    expect(NIS["NI 155"]?.cumulative).toBe(true); // affordable homes delivered in the year
    expect(NIS["NI 154"]?.cumulative).toBe(true);
    expect(NIS["NI 191"]?.cumulative).toBe(true); // kg a household a year: the year-to-date figure is part of it
    expect(NIS["NI 156"]?.cumulative).toBe(false); // households in temporary accommodation on a date
    expect(NIS["NI 192"]?.cumulative).toBe(false); // a percentage
  });
});

describe("how validate reads it", () => {
  it("knows an NI the fixtures never met, however the ref is written", () => {
    expect(knownPolarity("NI 193", null, config)).toEqual({ value: "lower", from: "catalogue" });
    expect(knownPolarity("ni193:", null, config)).toEqual({ value: "lower", from: "catalogue" });
    expect(knownCumulative("NI 33", null, config)).toEqual({ value: true, from: "catalogue" });
  });

  it("treats null as not known, so the comments, targets and baseline decide", () => {
    expect(knownPolarity("NI 113", null, config)).toBeNull();
    expect(knownCumulative("NI 40", null, config)).toBeNull();
    expect(knownPolarity("NI 40", null, config)).toEqual({ value: "higher", from: "catalogue" });
  });

  it("lets the configuration settle what the catalogue leaves open", () => {
    const configured = resolveConfig({ indicators: { "NI 113": { polarity: "higher" } } });
    expect(knownPolarity("NI 113", null, configured)).toEqual({ value: "higher", from: "configuration" });
  });

  it("keeps NI 187's two measures of opposite polarity, and no polarity for the PI as a whole", () => {
    expect(knownPolarity("NI 187", "SAP < 35", config)?.value).toBe("lower");
    expect(knownPolarity("NI 187", "SAP > 65", config)?.value).toBe("higher");
    expect(knownPolarity("NI 187", null, config)).toBeNull();
  });

  it("still has the local PIs of the seeds, after the National Indicators", () => {
    expect(Object.keys(local.indicators)).toEqual(["LKI HAS4", "LSP-TP2b(i)", "LSP-TP2b(ii)"]);
    expect(knownCumulative("LKI HAS4", null, config)).toEqual({ value: true, from: "catalogue" });
    expect(catalogueRefs()).toHaveLength(198 + 3);
  });
});
