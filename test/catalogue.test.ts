/**
 * The bundled indicator catalogue: the whole National Indicator Set (198 indicators, NI 1 to 199
 * without NI 31) with title, polarity and cumulative, the found texts that confirm each entry's
 * title, polarity or cumulative flag (`checked`, by a key of `sources`), the one indicator withdrawn before the set ended, and how
 * the validator reads it (null = the source leaves it open, so the next signal decides).
 * Spot checks quote the public texts found for the indicator; each says where it was read.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
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
    // Audit Commission: "Effective from April 2008 to March 2011"; the ending announced on 14 October 2010.
    expect(national.setEnded).toMatchObject({ announced: "2010-10-14", collectionsStoppedBy: "2011-03-31", source: "audit-commission-nis" });
  });

  it.each(Object.entries(NIS))("%s: polarity higher, lower or null, cumulative true, false or null", (_, entry) => {
    const polarities = entry.measures ? Object.values(entry.measures).map((measure) => measure.polarity) : [entry.polarity];
    for (const polarity of polarities) expect(["higher", "lower", null]).toContain(polarity);
    expect([true, false, null]).toContain(entry.cumulative);
    // A null polarity is a decision not to guess: the entry says why.
    if (entry.polarity === null) expect(entry.note?.length).toBeGreaterThan(10);
  });

  it("has the shape its readers expect: every entry, every check of a source, every withdrawal", () => {
    const Check = z.strictObject({ source: z.string(), confirms: z.array(z.enum(["title", "polarity", "cumulative"])).min(1), found: z.string().optional() });
    const Setting = z.strictObject({ polarity: z.enum(["higher", "lower"]).nullable().optional() });
    const Entry = z.strictObject({
      title: z.string().min(3),
      polarity: z.enum(["higher", "lower"]).nullable().optional(),
      cumulative: z.boolean().nullable(),
      note: z.string().optional(),
      checked: z.array(Check).optional(),
      withdrawn: z.strictObject({ from: z.string().regex(/^20(08|09|10)-(0[1-9]|1[0-2])$/), source: z.string(), says: z.string().min(10) }).optional(),
      measures: z.record(z.string(), Setting).optional(),
    });
    for (const [ref, entry] of Object.entries(national.indicators)) expect(Entry.safeParse(entry).success, ref).toBe(true);
  });

  it("names, for every check and every withdrawal, a source that the file lists with where to read it", () => {
    const sources = national.sources as Record<string, string>;
    for (const [key, text] of Object.entries(sources)) expect(text, key).toMatch(/https?:\/\/|fixtures\/seeds\/|test\/catalogue\.test\.ts/);
    const named = Object.entries(NIS).flatMap(([ref, entry]) => [...(entry.checked ?? []).map((check) => [ref, check.source]), ...(entry.withdrawn ? [[ref, entry.withdrawn.source]] : [])]);
    const unknown = named.filter(([, source]) => !(source! in sources));
    expect(unknown).toEqual([]);
    // Every source is used, by an entry or by the set's end.
    const used = new Set([...named.map(([, source]) => source), national.setEnded.source, "handbook-2008", "clg-nis-page", "updated-definitions-2009", "ks3-tests-end"]);
    expect(Object.keys(sources).filter((key) => !used.has(key))).toEqual([]);
  });

  it("marks NI 24 withdrawn from 2009/10 as the Leeds Quarter 4 update says, NI 14 from 2010/11, and no other indicator", () => {
    const withdrawn = Object.entries(NIS).filter(([, entry]) => entry.withdrawn !== undefined).map(([ref]) => ref);
    expect(withdrawn).toEqual(["NI 14", "NI 24"]);
    expect(NIS["NI 24"]?.withdrawn).toMatchObject({ from: "2009-04", source: "leeds-seeds" });
    // The update itself, 2008/09 Quarter 4: the NI 24 row says so in its Baseline cell.
    const q4 = readFileSync(new URL("../fixtures/seeds/001_6f959b4cb1bc6ca1.txt", import.meta.url), "utf8");
    const row = q4.split(/\r?\n/).find((line) => line.startsWith("NI 24\t"));
    expect(row).toMatch(/This NI has been deleted from the national suite/);
    expect(NIS["NI 24"]?.withdrawn?.says).toContain("This NI has been deleted from the national suite");
    // A contact-centre supplier after the Budget of March 2010: "it has been decided to remove National
    // Indicator 14"; esd-toolkit: the 2009/10 figure was still due on the Hub by 30 April 2010.
    expect(NIS["NI 14"]?.withdrawn).toMatchObject({ from: "2010-04", source: "rostrvm-ni14" });
    expect(NIS["NI 14"]?.withdrawn?.says).toContain("it has been decided to remove National Indicator 14");
    expect(national.withdrawn).toMatch(/Two are marked: NI 24.*and NI 14/);
  });

  it("says of the indicators built on Key Stage 3 tests that their fate was not found, instead of guessing", () => {
    for (const ref of ["NI 74", "NI 77", "NI 83", "NI 95", "NI 96"]) {
      expect(NIS[ref]?.withdrawn, ref).toBeUndefined();
      expect(NIS[ref]?.note, ref).toMatch(/Key Stage 3 test.*not marked withdrawn/);
    }
    // progress from Key Stage 3 to Key Stage 4 starts from the same results
    for (const ref of ["NI 97", "NI 98"]) expect(NIS[ref]?.note, ref).toMatch(/from Key Stage 3 results.*not marked withdrawn/);
  });

  it("knows most polarities, and leaves open those whose title could mislead", () => {
    const open = Object.entries(NIS).filter(([, entry]) => !entry.measures && entry.polarity === null).map(([ref]) => ref);
    // NI 113 'Prevalence of Chlamydia' is measured by screening take-up; NI 178 has two measures
    // of opposite direction.
    expect(open).toEqual(expect.arrayContaining(["NI 113", "NI 178", "NI 48"]));
    expect(open.length).toBeLessThan(25);
  });
});

describe("confirmed from found texts", () => {
  const confirmed = (what: "title" | "polarity" | "cumulative") => Object.entries(NIS).filter(([, entry]) => entry.checked?.some((check) => check.confirms.includes(what))).map(([ref]) => ref);

  it("says how many titles, polarities and cumulative flags a found text confirms, and the file says the same", () => {
    expect(confirmed("title")).toHaveLength(97);
    expect(confirmed("polarity")).toHaveLength(56);
    expect(confirmed("cumulative")).toHaveLength(52);
    expect(national.titles).toMatch(/\(97 of 198\)/);
    expect(national.polarity).toMatch(/\(56 of 198:/);
    expect(national.cumulative).toMatch(/\(52 of 198\)/);
  });

  it("confirms a cumulative flag only where the source says how the figure is made, and the flag agrees with it", () => {
    const sources = national.sources as Record<string, string>;
    for (const ref of confirmed("cumulative")) {
      const entry = NIS[ref]!;
      const said = entry.checked!.filter((check) => check.confirms.includes("cumulative")).map((check) => sources[check.source]!).join(" ");
      // A share of a population or cohort (or a number against its size), a gap, an average score, a
      // self-assessment score or a count on one date (the last night of the month, the last day of the
      // quarter) is read as it stands; a count over the year accumulates, so a year-to-date figure is projected.
      if (entry.cumulative === true) expect(said, ref).toMatch(/over (one|a) year|in the year|each year|end of year projection/i);
      else {
        expect(entry.cumulative, ref).toBe(false);
        expect(said, ref).toMatch(/per ?cent|%|proportion|gap|average .*score|score .*between 0 and 100|total possible score|against the size of|last (day|night) of the (quarter|month)/i);
      }
    }
    // Safer Stockton Partnership, March 2010, NI 15: "Between April 2009 and February 2010 there have been
    // 82 offences of MSVC, which is an end of year projection of 89"
    expect(NIS["NI 15"]?.cumulative).toBe(true);
    expect(NIS["NI 15"]?.checked?.find((check) => check.source === "stockton-ni15-2010")?.confirms).toContain("cumulative");
    // data4nr's copy of data.gov.uk, NI 154: "Number of net increases in dwelling stock over one year"
    expect(NIS["NI 154"]?.cumulative).toBe(true);
    expect(NIS["NI 154"]?.checked?.find((check) => check.source === "data4nr-ni154")?.confirms).toContain("cumulative");
    // DCMS: "Libaries (used for NI9) measures the percentage of adults in a LA who have used a public
    // library service in the past 12 months"
    expect(NIS["NI 9"]?.checked?.find((check) => check.source === "london-ni9-11")?.confirms).toContain("cumulative");
    // DCSF on NI 51: "The indicator measures Local Authorities' self-assessment ... against four questions,
    // each with a 1-4 rating. This generates a total possible score of 16."
    expect(NIS["NI 51"]?.checked?.find((check) => check.source === "dcsf-ni51")?.confirms).toContain("cumulative");
    // DCSF on NI 54: "an overall national score on parental experience (between 0 and 100)"
    expect(NIS["NI 54"]?.checked?.find((check) => check.source === "dcsf-ni54")?.confirms).toContain("cumulative");
    // DCSF, Tellus4: "NI 69: Percentage of children who have experienced bullying"
    expect(NIS["NI 69"]?.checked?.find((check) => check.source === "tellus4")?.confirms).toContain("cumulative");
    // a council's report: "Number of households living in temporary accommodation last night of the month (NI 156
    // & SDL 009-00)"; DCLG counts households in temporary accommodation "on the last day of the quarter"
    expect(NIS["NI 156"]?.cumulative).toBe(false);
    expect(NIS["NI 156"]?.checked?.find((check) => check.source === "maidstone-ni156")?.confirms).toEqual(["title", "cumulative"]);
    // a council's 'Residual household waste per household': "the actual amount (in kilograms) of residual household
    // waste collected from each household ... over a year"
    expect(NIS["NI 191"]?.checked?.find((check) => check.source === "pendle-residual-waste")?.confirms).toContain("cumulative");
  });

  it("confirms every NI title the Leeds updates give, against the updates themselves", () => {
    const seeds = ["000_ebda395ebee889b1.txt", "001_6f959b4cb1bc6ca1.txt"].map((name) => readFileSync(new URL(`../fixtures/seeds/${name}`, import.meta.url), "utf8")).join("\n");
    const inSeeds = new Set([...seeds.matchAll(/^NI ?(\d+)\t[^\t]{8,}/gm)].map(([, number]) => `NI ${number}`));
    const byLeeds = Object.entries(NIS).filter(([, entry]) => entry.checked?.some((check) => check.source === "leeds-seeds" && check.confirms.includes("title"))).map(([ref]) => ref);
    expect([...inSeeds].sort()).toEqual([...byLeeds].sort());
  });

  it.each([
    // data.gov.uk, NI 058: "Good performance will be typified by a low number" (the SDQ score)
    ["NI 58", "lower", "data-gov-ni058"],
    // LG Inform metric 100, "previously reported as NI 65": "Good performance is generally low"
    ["NI 65", "lower", "esd-metric-100"],
    // a council's Place Survey findings: NI 23 is the share who see a lack of respect as a problem
    ["NI 23", "lower", "place-survey-2008-9"],
    // data.gov.uk, NI 040: "Good performance is typified by an increase"
    ["NI 40", "higher", "data-gov-ni040"],
    // a London borough's LAA annex: "NI 32 ... Polarity Low"
    ["NI 32", "lower", "lbh-laa-annex-2010"],
    // Defra's NI 195 manual: each element reported as the % of sites graded below B
    ["NI 195", "lower", "defra-ni195"],
    // a council's choice of LAA targets: its earlier target on NI 17 was "to achieve a 3% reduction
    // in the average level of concern from 29% to 26%"
    ["NI 17", "lower", "laa-targets-docslib"],
    // data4nr, NI 154: "Good performance is typified by an increase in numbers of net additional homes."
    ["NI 154", "higher", "data4nr-ni154"],
    // data.gov.uk via the ODI's certificate, NI 049a: "Good performance is typified by a lower rate."
    ["NI 49", "lower", "odi-ni049"],
    // a council's 2010/11 Quarter 4 report: "NI130 Self Directed Support – Achieved 50.31% against a
    // target of 50%, an improvement from 8.62% in 2009/10"
    ["NI 130", "higher", "rotherham-asc-2010-11"],
    ["NI 125", "higher", "rotherham-asc-2010-11"],
    // Department of Health's FAQ on NI 149 and NI 150: PSA 16 aims at "increasing the proportion of
    // at-risk individuals in settled accommodation and in employment"
    ["NI 149", "higher", "dh-ni149-150-faq"],
    ["NI 150", "higher", "dh-ni149-150-faq"],
    // LG Inform metric 882, the 78-points Foundation Stage measure: "a high value is good"
    ["NI 72", "higher", "esd-metric-882"],
    // Defra's NI 188 guidance: a process indicator "which gauges progress", reported as a level 0-4
    ["NI 188", "higher", "defra-ni188"],
    // a council's 'Employer Skills Gaps' (the NI 174 measure): "The Council's aim is to reduce the gap in skills";
    // "Smaller values are best"
    ["NI 174", "lower", "cbeds-employer-skills-gaps"],
    // a council's 'condition of roads (non principal)': "our target of 98% for the number of non-principal roads
    // not requiring maintenance"; "3% of our non-principal roads required maintenance"
    ["NI 169", "lower", "cbeds-non-principal-roads"],
    // DECC: "National Indicator NI 186: per capita reduction in CO2 emissions in the LA area"
    ["NI 186", "higher", "decc-ni185"],
    // "National Indicator 197 - Improved Local Biodiversity ... monitored through the positive management of
    // local sites ... a means for assessing improvements in biodiversity"
    ["NI 197", "higher", "northants-ni197"],
    // data.gov.uk, NI 107e and NI 108: "Good performance is typified by higher percentages accompanied by
    // a narrowing of the attainment gap between minority ethnic pupils and all pupils."
    ["NI 107", "higher", "data-gov-ni107"],
    ["NI 108", "higher", "data-gov-ni108"],
    // DCMS's NI 9-11 baselines: the change needed "to record a statistically significant increase in
    // usage/participation" is measured from the baseline "against which progress will be measured"
    ["NI 9", "higher", "london-ni9-11"],
    ["NI 10", "higher", "london-ni9-11"],
    ["NI 11", "higher", "london-ni9-11"],
    // DCSF, the Tellus4 indicators: "NI 115: Reduce the proportion of young people frequently using illicit
    // drugs, alcohol or volatile substances"; "NI 110: More participation in positive activities"
    ["NI 115", "lower", "tellus4"],
    ["NI 110", "higher", "tellus4"],
    // infochimps' copy of data.gov.uk, NI 050: "Good performance typified by a high and increasing proportion
    // of children and young people in a local area giving responses which indicate good emotional wellbeing."
    ["NI 50", "higher", "infochimps-ni050"],
    // Children & Young People Now on National Indicator 62: authorities "met the target of no more than 16 per
    // cent of their looked-after children experiencing three or more placements"; the related target (NI 63's
    // measure) is "for 80 per cent of under-16s who have been in care for two-and-a-half years to have lived
    // in the same placement for at least two years"
    ["NI 62", "lower", "cypnow-ni62-63"],
    ["NI 63", "higher", "cypnow-ni62-63"],
    // the government's guide to NI 14 is called "Reducing avoidable contact: a guide to NI 14"
    ["NI 14", "lower", "cabinet-office-ni14-guide"],
    // a minister, 16 December 2008, on the alcohol admissions indicator: the aim is "to achieve a lower
    // rate of admission than predicted if current trends continue"
    ["NI 39", "lower", "hansard-ni39-2008"],
    // Salford's Local Area Agreement, 2009 refresh: "NI 75 / Achievement of 5 or more A*-C grades at GCSE
    // or equivalent including English and Maths (Threshold) / 38% (2007) / 43% / 44.5%"; "NI 87 / Secondary
    // school persistent absence rate / 8.4% (2006/7) / 7.5% / 6% / 5%"
    ["NI 75", "higher", "salford-laa-refresh-2009"],
    ["NI 87", "lower", "salford-laa-refresh-2009"],
    // Safer Stockton Partnership on NI 15, most serious violent crime: "This is an increase on previous years
    // ... and we will fail to meet the NI target to achieve this year of 76"
    ["NI 15", "lower", "stockton-ni15-2010"],
    // Lewisham's needs assessment: "NI 53 – Increase the prevalence of breastfeeding at 6-8 weeks from birth to
    // 72.5% by end 2011"; "NI 57 – Increase the % of 5-16 year olds participating in at least 2 hours per week
    // of high quality sport to 91% by March 2011"
    ["NI 53", "higher", "lewisham-jsna-obesity"],
    ["NI 57", "higher", "lewisham-jsna-obesity"],
  ] as const)("%s is %s is better, as %s says", (ref, polarity, source) => {
    expect(NIS[ref]?.polarity).toBe(polarity);
    expect(NIS[ref]?.checked?.find((check) => check.source === source)?.confirms).toContain("polarity");
  });

  it("titles NI 40 as data.gov.uk does, and keeps the earlier wording in its note", () => {
    expect(NIS["NI 40"]?.title).toBe("Number of drug users recorded as being in effective treatment");
    expect(NIS["NI 40"]?.note).toMatch(/recovering from drug addiction/);
  });

  it("leaves NI 48 open, since LG Inform reports it as a reduction where positive is better, and keeps what it was", () => {
    // LG Inform metric 125, "previously reported as NI 048": "A positive figure indicates improved performance"
    expect(NIS["NI 48"]?.polarity).toBeNull();
    expect(NIS["NI 48"]?.note).toMatch(/was 'lower'/);
    expect(NIS["NI 48"]?.note).toMatch(/A positive figure indicates improved performance/);
  });

  it("titles NI 99 as data4nr's copy of data.gov.uk does, and keeps the earlier wording in its note", () => {
    // data4nr: "NI 099 - Children in care reaching level 4 in English at Key Stage 2."
    expect(NIS["NI 99"]?.title).toBe("Children in care reaching level 4 in English at Key Stage 2");
    expect(NIS["NI 99"]?.note).toMatch(/'Looked after children reaching level 4 in English at Key Stage 2' before/);
    expect(NIS["NI 99"]?.checked?.find((check) => check.source === "data4nr-ni099")?.confirms).toContain("title");
  });

  it("keeps the found wording beside the title where the two differ", () => {
    // data.gov.uk via the ODI's certificate: "NI 063 - Stability of placement of looked after children: length of placement"
    expect(NIS["NI 63"]?.checked?.find((check) => check.source === "odi-ni063")?.found).toBe("Stability of placement of looked after children: length of placement");
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
    // BERR, 'Data for National Indicators 171 and 172': "171 - New business registration rate",
    // "172 - Percentage of small businesses in an area showing employment growth"
    ["NI 171", /^New business registration rate$/],
    ["NI 172", /^Percentage of small businesses in an area showing employment growth$/],
    // a council's choice of LAA targets: "NI 27 Understanding of local concerns about anti-social
    // behaviour and crime by the local council and police"
    ["NI 27", /^Understanding of local concerns about anti-social behaviour and crime by the local council and police$/],
    // data.gov.uk: "NI 112 - Under 18 conception rate"
    ["NI 112", /^Under 18 conception rate$/],
    // data.gov.uk: "NI 131 - Delayed transfers of care from hospitals"
    ["NI 131", /^Delayed transfers of care/],
    // data4nr: "NI 157b - Processing of planning applications as measured against targets for minor application types"
    ["NI 157", /^Processing of planning applications as measured against targets for 'major', 'minor' and 'other' application types$/],
    // the Active People Survey "provides the measurement for former National Indicator 8 (NI8) - adult
    // participation in sport and active recreation"
    ["NI 8", /^Adult participation in sport and active recreation$/],
    // data.gov.uk via the ODI's certificate: "NI 163 - Proportion of population aged 19-64 for males
    // and 19-59 for females qualified to at least Level 2 or higher"
    ["NI 163", /^Proportion of population aged 19-64 for males and 19-59 for females qualified to at least Level 2 or higher$/],
    // data.gov.uk via the ODI's certificate: "NI 184 Food establishments in the area which are broadly
    // compliant with food hygiene law"
    ["NI 184", /^Food establishments in the area which are broadly compliant with food hygiene law$/],
    // the UK Roads Liaison Group: the road-condition NIs "have been replaced by the following Single Data List data
    // topics ... Data Topic 130-01 – Principal roads where maintenance should be considered"
    ["NI 168", /^Principal roads where maintenance should be considered$/],
    // Defra: "NI188 Planning to Adapt to Climate Change: Indicator Guidance"
    ["NI 188", /^Planning to adapt to climate change$/],
    // data.gov.uk: "NI 087 - Secondary school persistent absence rate"; "NI 092 - Narrowing the gap
    // between the lowest achieving 20% in the Early Years Foundation Stage Profile and the rest"
    ["NI 87", /^Secondary school persistent absence rate$/],
    ["NI 92", /^Narrowing the gap between the lowest achieving 20% in the Early Years Foundation Stage Profile and the rest$/],
    // data4nr: "NI 079 - Achievement  of a Level 2 qualification by the age of 19"
    ["NI 79", /^Achievement of a Level 2 qualification by the age of 19$/],
    // data.gov.uk via the ODI's certificate: "NI 072 - Achievement of at least 78 points across the Early
    // Years Foundation Stage with at least 6 in each of the scales in Personal, Social and Emotional
    // Development and Communication, Language and Literacy."
    ["NI 72", /in Personal, Social and Emotional Development and Communication, Language and Literacy$/],
    // data.gov.uk: "NI 173 Flows on to Incapacity Benefits from employment"; "NI 102 - Achievement gap
    // between pupils eligible for free school meals and their peers achieving the expected level at Key
    // Stages 2 and 4"; HMRC on Surrey-i: "(formerly National Indicator 116): The proportion of children in poverty"
    ["NI 173", /^Flows on to incapacity benefits from employment$/i],
    ["NI 102", /^Achievement gap between pupils eligible for free school meals and their peers achieving the expected level at Key Stages 2 and 4$/],
    ["NI 116", /^Proportion of children in poverty$/],
    // DCMS: "Use of public libraries, Visits to museums and galleries and Engagement in the arts. This
    // workbook contains baselines for NI9, 10 and 11"
    ["NI 9", /^Use of public libraries$/],
    ["NI 10", /^Visits to museums and galleries$/],
    // School Food Trust: "NI 52 – take up of school lunches: Technical paper"
    ["NI 52", /^Take up of school lunches$/i],
    // data4nr: "NI 061 - Timeliness of placements of looked after children for adoption following an
    // agency decision that the child should be placed for adoption"
    ["NI 61", /^Timeliness of placements of looked after children for adoption following an agency decision that the child should be placed for adoption$/],
    // data.gov.uk: "NI 107e - Key Stage 2 attainment for Black and minority ethnic groups"; infochimps'
    // copy: "NI 108 - Key Stage 4 attainment for black and minority ethnic groups"
    ["NI 107", /^Key Stage 2 attainment for Black and minority ethnic groups$/],
    ["NI 108", /^Key Stage 4 attainment for black and minority ethnic groups$/i],
    // infochimps' copy of data.gov.uk: "NI 050 Emotional health of children"
    ["NI 50", /^Emotional health of children$/],
    // rostrvm, 2010: "National Indicator 14 (Avoidable contact: The proportion of customer contact that
    // is of low or no value to the customer)"; East Midlands Councils' metric template: "NI 2 % of people
    // who feel they belong to their neighbourhood"
    ["NI 14", /^Avoidable contact: the proportion of customer contact that is of low or no value to the customer$/i],
    ["NI 2", /^% of people who feel (that )?they belong to their neighbourhood$/],
    // Salford's Local Area Agreement, 2009 refresh: "NI 73 / Achievement at level 4 or above in both English
    // and Maths at Key Stage 2 (Threshold)", "NI 83 / Achievement at level 5 or above in Science at Key Stage 3"
    ["NI 73", /^Achievement at level 4 or above in both English and Maths at Key Stage 2 \(Threshold\)$/],
    ["NI 74", /^Achievement at level 5 or above in both English and Maths at Key Stage 3 \(Threshold\)$/],
    ["NI 83", /^Achievement at level 5 or above in Science at Key Stage 3$/],
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
