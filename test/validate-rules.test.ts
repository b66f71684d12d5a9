/**
 * Every rule, on real updates: each is raised by a realistic edit of a seed update (or by the
 * seed as it stands, where the real document already has the problem) and not raised on the
 * same update without it. Expectations come from reading the documents: the line of the cell
 * edited, the PI Ref, and the figures a message must give.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBytes } from "../src/index.js";
import type { Finding } from "../src/schema/findings.js";
import type { Config } from "../src/schema/config.js";
import { RULES, validate } from "../src/validate/index.js";

const Q2_PATH = "fixtures/seeds/000_ebda395ebee889b1.txt";
const Q4_PATH = "fixtures/seeds/001_6f959b4cb1bc6ca1.txt";
const Q2 = readFileSync(Q2_PATH, "utf8");
const Q4 = readFileSync(Q4_PATH, "utf8");

interface Doc {
  name: string;
  text?: string;
  bytes?: Uint8Array;
}

const lines = (text: string) => text.split("\n");

/** Replace `from` with `to` on one line (1-based), as an officer editing that cell would. */
function edit(text: string, line: number, from: string, to: string): string {
  const all = lines(text);
  if (!all[line - 1]!.includes(from)) throw new Error(`line ${line} has no "${from}": ${all[line - 1]!.slice(0, 80)}`);
  all[line - 1] = all[line - 1]!.replace(from, to);
  return all.join("\n");
}

/** Set one cell (0-based) of one line (1-based). */
function setCell(text: string, line: number, cell: number, value: string): string {
  const all = lines(text);
  const cells = all[line - 1]!.split("\t");
  cells[cell] = value;
  all[line - 1] = cells.join("\t");
  return all.join("\n");
}

function replaceLine(text: string, line: number, replacement: string): string {
  const all = lines(text);
  all[line - 1] = replacement;
  return all.join("\n");
}

/** Lines `from`..`to` (1-based, inclusive): one update cut out of its quarterly file. */
function excerpt(text: string, from: number, to: number): string {
  return lines(text)
    .slice(from - 1, to)
    .join("\n");
}

async function check(docs: Doc[], config?: Config): Promise<Finding[]> {
  const reports = await Promise.all(docs.map((doc) => parseBytes(doc.bytes ?? Buffer.from(doc.text ?? "", "utf8"), doc.name)));
  return validate(reports, config);
}

const q2 = (text = Q2): Doc[] => [{ name: "q2.txt", text }];
const q4 = (text = Q4): Doc[] => [{ name: "q4.txt", text }];

/** TP-1d's Q2 update (lines 221–248) as the next quarter's: Quarter 3, with a new result and rating. */
function tp1dQuarter3(result: string, rating: string): string {
  let text = excerpt(Q2, 221, 248);
  text = edit(text, 1, "Quarter 2", "Quarter 3");
  return setCell(setCell(text, 14, 5, result), 14, 6, rating);
}

interface Case {
  rule: string;
  /** The update the finding is about. */
  reference: string;
  raised: { how: string; docs: () => Doc[]; config?: Config };
  clean: { how: string; docs: () => Doc[]; config?: Config };
  /**
   * What the raised finding must carry. Every case says where the finding points: `line` in a
   * text document, `location` in another (null for a finding about the whole file).
   */
  expected: { line?: number; cell?: number; location?: Record<string, number> | null; indicator?: string; message?: (string | RegExp)[] };
}

const CASES: Case[] = [
  {
    rule: "rag-invalid",
    reference: "HM-2a",
    raised: { how: "NI 7 rated 'Amber/Green'", docs: () => q2(edit(Q2, 77, "Amber", "Amber/Green")) },
    clean: { how: "NI 7 rated 'Amber' as written", docs: () => q2() },
    expected: { line: 77, indicator: "NI 7", message: ['"Amber/Green"'] },
  },
  {
    rule: "rag-missing",
    reference: "TP-1d",
    raised: { how: "NI 187's rating deleted", docs: () => q2(setCell(Q2, 234, 6, "")) },
    clean: { how: "NI 187 rated Amber as written", docs: () => q2() },
    expected: { line: 234, indicator: "NI 187", message: ["no RAG rating", "the figures give Red", "3.35% against target 3%"] },
  },
  {
    rule: "rag-mismatch",
    reference: "TP-1d",
    raised: { how: "the seed as written: NI 187 3.35% against 3% rated Amber", docs: () => q2() },
    clean: { how: "NI 187 rated Red", docs: () => q2(edit(Q2, 234, "Amber", "Red")) },
    expected: {
      line: 234,
      indicator: "NI 187",
      message: ["NI 187: 3.35% against target 3% is 11.7% worse (lower is better, from baseline 4.00%; tolerance 10%): computed Red, rated Amber"],
    },
  },
  {
    rule: "rag-without-data",
    reference: "TP-1b",
    raised: { how: "the seed: NI 154 rated Amber, result 'Annually Reported'", docs: () => q2() },
    clean: { how: "NI 154 with its result given", docs: () => q2(edit(Q2, 173, "Annually Reported", "1,700")) },
    expected: { line: 173, indicator: "NI 154", message: ["rated Amber", '"Annually Reported"'] },
  },
  {
    rule: "rag-colour-only",
    reference: "TP-1d",
    raised: { how: "the Word-style HTML rendering: NI 187's cell only shaded amber", docs: () => [{ name: "q2.html", bytes: readFileSync("fixtures/html/q2-2008-09.html") }] },
    clean: {
      how: "the same cell with 'Amber' written in it",
      docs: () => [{ name: "q2.html", text: edit(readFileSync("fixtures/html/q2-2008-09.html", "utf8"), 1258, "&nbsp;", "Amber") }],
    },
    // The 38th <table> of the page (TP-1d's PI table), NI 187's row (the second), its RAG Rating (the 7th column).
    expected: { location: { table: 38, row: 2, cell: 7 }, indicator: "NI 187", message: ["rated Amber by the cell's colour (#FFC000) alone"] },
  },
  {
    rule: "overall-rating-missing",
    reference: "HM-1a",
    raised: { how: "HM-1a's overall rating deleted", docs: () => q2(setCell(Q2, 5, 3, "")) },
    clean: { how: "HM-1a rated Amber overall", docs: () => q2() },
    expected: { line: 5, cell: 4 },
  },
  {
    rule: "overall-rating-mismatch",
    reference: "TP-3a",
    raised: { how: "the Q4 seed: TP-3a Red overall, NI 152 and NI 153 both beat their targets", docs: () => q4() },
    clean: { how: "TP-3a rated Amber overall", docs: () => q4(edit(Q4, 107, "\tRed\t", "\tAmber\t")) },
    expected: { line: 107, cell: 4, message: ["overall Red, but every indicator is Green", "10.9% against target 11.1%", "27.3% against target 29.8%"] },
  },
  {
    rule: "direction-mismatch",
    reference: "TP-3a",
    raised: { how: "the Q4 seed: TP-3a ↓ worsening while both indicators improved on their baselines", docs: () => q4() },
    clean: { how: "TP-3a's arrow ↑ improving", docs: () => q4(edit(Q4, 107, "↓", "↑")) },
    expected: { line: 107, cell: 5, message: ["↓ worsening", "every indicator improved", "from 11.4% (baseline) to 10.9%", "from 30.4% (baseline) to 27.3%"] },
  },
  {
    rule: "rating-trend-mismatch",
    reference: "TP-1d",
    raised: { how: "a Q3 update of TP-1d rated Green with a worse result (3.5%) than Q2's 3.35% rated Amber", docs: () => [...q2(), { name: "q3.txt", text: tp1dQuarter3("3.5%", "Green") }] },
    clean: { how: "the Q3 update rated Red with that worse result", docs: () => [...q2(), { name: "q3.txt", text: tp1dQuarter3("3.5%", "Red") }] },
    expected: { line: 14, indicator: "NI 187", message: ["rated Green, up from Amber in Q2", "worsened", "from 3.35% in Q2 to 3.5% in Q3"] },
  },
  {
    rule: "unit-mismatch",
    reference: "TP-2a",
    raised: { how: "the Q4 seed: NI 16's result 27.8% against a rate per 1,000", docs: () => q4() },
    clean: { how: "NI 16's result written as a rate", docs: () => q4(edit(Q4, 66, "27.8%", "27.8 per 1,000 population")) },
    expected: { line: 66, indicator: "NI 16", message: ["27.8% is a percentage", "26.4 per 1,000 is a rate per 1,000"] },
  },
  {
    rule: "unit-missing",
    reference: "TP-1a",
    raised: { how: "the Q4 seed: NI 158's year-end result 18.46 beside a baseline of 22.81% and targets of 15.0%, 10.0%, 5.0%", docs: () => q4() },
    clean: { how: "NI 158's result written 18.46%", docs: () => q4(edit(Q4, 9, "\t18.46\t", "\t18.46%\t")) },
    expected: { line: 9, indicator: "NI 158", message: ["18.46", "18.46%"] },
  },
  {
    rule: "timescale-in-text",
    reference: "HM-2a",
    raised: { how: "the Q4 seed: HM-2a's blank timescale beside next steps dated 'Q2'", docs: () => q4() },
    clean: { how: "those timescales written 'Q2 2009/10'", docs: () => q4([180, 183, 184, 185, 186].reduce((text, line) => setCell(text, line, 3, "Q2 2009/10"), Q4)) },
    expected: { line: 180, message: ["the timescale is blank", "30 September 2009"] },
  },
  {
    rule: "target-missing",
    reference: "TP-1d",
    raised: { how: "NI 187's 2008/09 target deleted", docs: () => q2(setCell(Q2, 234, 4, "")) },
    clean: { how: "NI 187's target 3% as written", docs: () => q2() },
    expected: { line: 234, indicator: "NI 187", message: ["no 2008/09 target"] },
  },
  {
    rule: "field-missing",
    reference: "HM-1a",
    raised: { how: "HM-1a's lead officer deleted", docs: () => q2(setCell(Q2, 5, 1, "")) },
    clean: { how: "HM-1a as written", docs: () => q2() },
    expected: { line: 5, cell: 2, message: ["the lead officer is blank"] },
  },
  {
    rule: "reference-invalid",
    reference: "TP-1a",
    raised: { how: "HM-1a's reference typed TP-1a under a Harmonious Communities heading", docs: () => q2(edit(Q2, 3, "HM-1a", "TP-1a")) },
    clean: { how: "the reference TP-1a under a Thriving Places heading", docs: () => q2(edit(Q2, 3, "HM-1a", "TP-1a").replace("Harmonious Communities 2008/09 Quarter 2 Performance Update\t\tReference\tTP-1a", "Thriving Places 2008/09 Quarter 2 Performance Update\t\tReference\tTP-1a")) },
    expected: { line: 3, message: ["has theme code TP (Thriving Places) but the heading says Harmonious Communities"] },
  },
  {
    rule: "theme-placeholder",
    reference: "TP-1a",
    raised: { how: "the Q4 seed: TP-1a's heading says 'Leeds Strategic Plan Theme'", docs: () => q4() },
    clean: { how: "the heading naming Thriving Places", docs: () => q4(edit(Q4, 3, "Leeds Strategic Plan Theme", "Thriving Places")) },
    expected: { line: 3, message: ['"Leeds Strategic Plan Theme"', "Thriving Places"] },
  },
  {
    rule: "period-mismatch",
    reference: "HM-1b",
    raised: { how: "HM-1b headed Quarter 1 in the Quarter 2 file", docs: () => q2(edit(Q2, 33, "Quarter 2", "Quarter 1")) },
    clean: { how: "the Q2 file as written", docs: () => q2() },
    expected: { line: 33, message: ["HM-1b is headed 2008/09 Quarter 1, but the other 9 updates in this file are 2008/09 Quarter 2"] },
  },
  {
    rule: "duplicate-reference",
    reference: "HM-1a",
    raised: { how: "HM-1b's reference typed HM-1a", docs: () => q2(edit(Q2, 33, "HM-1b", "HM-1a")) },
    clean: { how: "the Q2 and Q4 files together (HM-1a in two quarters)", docs: () => [...q2(), ...q4()] },
    expected: { line: 33, message: ["HM-1a 2008/09 Q2 appears twice: first at line 3 of this file"] },
  },
  {
    rule: "timescale-unparsed",
    reference: "TP-1a",
    raised: { how: "the Q4 seed: TP-1a's timescale says how performance is reported", docs: () => q4() },
    clean: { how: "that timescale written 'Q2 2009/10'", docs: () => q4(setCell(Q4, 11, 6, "Q2 2009/10")) },
    expected: { line: 11, message: ['"Performance is reported monthly'] },
  },
  {
    rule: "action-overdue",
    reference: "HM-2a",
    raised: { how: "an HM-2a action due Dec-08 in the Q4 update", docs: () => q4(setCell(Q4, 180, 3, "Dec-08")) },
    clean: { how: "the same action due Jun-09", docs: () => q4(setCell(Q4, 180, 3, "Jun-09")) },
    expected: { line: 180, message: ["due 31 December 2008", "before Quarter 4 2008/09 began on 1 January 2009"] },
  },
  {
    rule: "html-residue",
    reference: "TP-1d",
    raised: { how: "escaped markup pasted into NI 187's data quality", docs: () => q2(setCell(Q2, 234, 7, "No concerns with data &lt;br&gt;")) },
    clean: { how: "the seed, whose real <p> markup the reader removes", docs: () => q2() },
    expected: { line: 234, indicator: "NI 187", message: ['"<br>"'] },
  },
  {
    rule: "result-not-reported",
    reference: "HM-1a",
    raised: { how: "NI 110's Q4 year-end result deleted (no comments, and a baseline figure: no reason anywhere)", docs: () => q4(setCell(Q4, 146, 6, "")) },
    clean: { how: "NI 110's result 65.90% as written", docs: () => q4() },
    expected: { line: 146, indicator: "NI 110", message: ["the result cell is blank"] },
  },
  {
    rule: "result-pending",
    reference: "HW-3b",
    raised: { how: "the seed: NI 136 'Annual reporting'", docs: () => q2() },
    clean: { how: "NI 136's result given", docs: () => q2(edit(Q2, 138, "Annual reporting", "1,700")) },
    expected: { line: 138, indicator: "NI 136", message: ['"Annual reporting"'] },
  },
  {
    rule: "polarity-unknown",
    reference: "TP-1d",
    raised: { how: "NI 187 renamed to a local PI with no baseline", docs: () => q2(setCell(edit(Q2, 234, "NI 187", "LPI 99"), 234, 3, "")) },
    clean: { how: "NI 187 as written (its baseline tells)", docs: () => q2() },
    expected: { line: 234, indicator: "LPI 99", message: ["nothing says whether higher or lower is better"] },
  },
  {
    rule: "tracked-changes",
    reference: "HM-1a",
    raised: { how: "the .docx rendering with its tracked change", docs: () => [{ name: "q2.docx", bytes: readFileSync("fixtures/docx/q2-2008-09.docx") }] },
    clean: { how: "the text seed", docs: () => q2() },
    expected: { location: { paragraph: 2 }, message: ["2 unaccepted tracked changes in this update", 'deleted "Area Panels"', 'inserted "Area Committees"'] },
  },
  {
    rule: "rag-unjudged",
    reference: "HM-2a",
    raised: { how: "NI 7 given a result, rated Amber against a target due by 2010/11", docs: () => q2(setCell(Q2, 77, 5, "17.2%")) },
    clean: { how: "NI 7 with a result and a 2008/09 target figure", docs: () => q2(setCell(setCell(Q2, 77, 5, "17.2%"), 77, 4, "19%")) },
    expected: { line: 77, indicator: "NI 7", message: ["rated Amber, but the 2008/09 target", "gives no figure for the year"] },
  },
  {
    rule: "indicators-missing",
    reference: "TP-1d",
    raised: { how: "TP-1d's PI table deleted", docs: () => q2(replaceLine(replaceLine(Q2, 233, ""), 234, "")) },
    clean: { how: "TP-1d as written", docs: () => q2() },
    expected: { line: 221, message: ["TP-1d has no performance indicators"] },
  },
  {
    rule: "duplicate-indicator",
    reference: "TP-1d",
    raised: { how: "NI 187's row pasted twice", docs: () => q2(replaceLine(Q2, 235, lines(Q2)[233]!)) },
    clean: { how: "TP-1d as written", docs: () => q2() },
    expected: { line: 235, indicator: "NI 187", message: ["NI 187 appears twice in the PI table: first at line 234"] },
  },
  {
    rule: "heading-unrecognised",
    reference: "HM-1a",
    raised: { how: "HM-1b's heading without its quarter (its tables then follow HM-1a's)", docs: () => q2(edit(Q2, 33, "Quarter 2 ", "")) },
    clean: { how: "HM-1b's heading as written", docs: () => q2() },
    expected: { line: 33, message: ['"Harmonious Communities 2008/09 Performance Update | Reference | HM-1b"', "the update under it is not checked"] },
  },
  {
    rule: "tables-missing",
    reference: "TP-1d",
    raised: { how: "TP-1d as a text export that puts each cell on its own line", docs: () => [{ name: "tp-1d.txt", text: excerpt(Q2, 221, 248).replace(/\t+/g, "\n") }] },
    clean: { how: "TP-1d with its cells tab-separated", docs: () => [{ name: "tp-1d.txt", text: excerpt(Q2, 221, 248) }] },
    expected: { line: 1, message: ["none of TP-1d's tables was recognised"] },
  },
  {
    rule: "row-shifted",
    reference: "TP-1a",
    raised: { how: "the Q4 seed: the Private sector stock row's next steps under Risk / Challenges, a 70-word paragraph under Timescale", docs: () => q4() },
    clean: {
      how: "the same row with its cells put back under their headers",
      docs: () => {
        const [progress, , nextSteps, more] = lines(Q4)[14]!.split("\t");
        return q4(replaceLine(Q4, 15, [progress, `${nextSteps} ${more}`, "", "", ""].join("\t")));
      },
    },
    expected: { line: 15, cell: 2, message: ["shifted one column right from Next Steps", "Timescale holds 70 words of text, not a date"] },
  },
  {
    rule: "unrecognised-content",
    reference: "TP-1d",
    raised: {
      how: "TP-1d's PI table with headers of an unknown layout",
      docs: () => q2(replaceLine(Q2, 233, "Measure\tDescription\tNotes\tStart\tAim\tSo far\tStatus\tQuality")),
    },
    clean: { how: "TP-1d as written", docs: () => q2() },
    expected: { line: 233, message: ["no known layout", '"Measure", "Description", "Notes"'] },
  },
];

function ofRule(findings: Finding[], rule: string, reference: string, indicator?: string): Finding[] {
  return findings.filter((finding) => finding.rule === rule && (reference === "" || finding.reference === reference) && (!indicator || finding.indicator === indicator));
}

describe("rules on real updates", () => {
  describe.each(CASES)("$rule", ({ rule, reference, raised, clean, expected }) => {
    it(`is raised: ${raised.how}`, async () => {
      const found = ofRule(await check(raised.docs(), raised.config), rule, reference, expected.indicator);
      expect(found.length, `${rule} on ${reference}`).toBeGreaterThan(0);
      const finding = found[0];
      if (expected.line !== undefined) expect(finding!.location?.line, "line").toBe(expected.line);
      else if (expected.location === null) expect(finding!.location ?? null, "location").toBeNull();
      else if (expected.location) expect(finding!.location, "location").toMatchObject(expected.location);
      else throw new Error(`the ${rule} case must say where its finding points (line or location)`);
      if (expected.cell !== undefined) expect(finding!.location?.cell, "cell").toBe(expected.cell);
      expect(finding!.indicator ?? null, "indicator").toBe(expected.indicator ?? null);
      for (const part of expected.message ?? []) {
        expect(finding!.message).toEqual(typeof part === "string" ? expect.stringContaining(part) : expect.stringMatching(part));
      }
    });

    it(`is not raised: ${clean.how}`, async () => {
      expect(ofRule(await check(clean.docs(), clean.config), rule, reference, expected.indicator)).toEqual([]);
    });
  });

  it("tables-missing stands for the blank fields: no field-missing or overall-rating-missing beside it", async () => {
    const found = await check([{ name: "tp-1d.txt", text: excerpt(Q2, 221, 248).replace(/\t+/g, "\n") }]);
    expect(found.map((finding) => finding.rule).filter((rule) => rule.endsWith("-missing"))).toEqual(["tables-missing"]);
  });

  it("overall-rating-mismatch: Green overall with a Red indicator", async () => {
    const text = edit(edit(Q2, 225, "\tRed", "\tGreen"), 234, "Amber", "Red");
    const found = ofRule(await check(q2(text)), "overall-rating-mismatch", "TP-1d");
    expect(found.map((finding) => finding.message)).toEqual(["overall Green, but an indicator is Red: NI 187 rated Red"]);
  });

  it("overall-rating-mismatch: quiet on Red overall when the indicators are Amber (TP-1b Q2: a judgement, not a contradiction)", async () => {
    // Line 166: TP-1b rated Red overall; lines 173-174: NI 154 and NI 155 both rated Amber.
    expect(ofRule(await check(q2()), "overall-rating-mismatch", "TP-1b")).toEqual([]);
  });

  it("direction-mismatch: against the previous quarter's results when that quarter is given", async () => {
    // Q2 TP-3a gains results better than Q4's (NI 152 10.5% → 10.9%, NI 153 27.0% → 27.3%); Q4's arrow says improving.
    const q2Text = edit(edit(Q2, 292, "Awaiting DWP data update", "10.5%"), 293, "Awaiting DWP data update", "27.0%");
    const q4Text = edit(Q4, 107, "↓", "↑");
    const together = ofRule(await check([...q2(q2Text), ...q4(q4Text)]), "direction-mismatch", "TP-3a");
    expect(together).toHaveLength(1);
    expect(together[0]!.message).toContain("↑ improving, but every indicator worsened");
    expect(together[0]!.message).toContain("from 10.5% in Q2 to 10.9% in Q4");
    // Alone, the Q4 update is compared with its baselines, which it beats: no contradiction.
    expect(ofRule(await check(q4(q4Text)), "direction-mismatch", "TP-3a")).toEqual([]);
  });

  it("result-not-reported: a result still 'due to be reported' in a month that has passed", async () => {
    const text = edit(Q4, 116, "10.9% (Qtr 3)", "Due to be reported in January 2009");
    const found = ofRule(await check(q4(text)), "result-not-reported", "TP-3a");
    expect(found.map((finding) => finding.message)).toEqual(['NI 152: the result was due in January 2009 ("Due to be reported in January 2009"), which had passed by the end of Quarter 4 2008/09']);
    expect(ofRule(await check(q4(text)), "result-pending", "TP-3a")).toEqual([]);
  });

  it("rag-invalid: N/A or a dash in a RAG cell is as good as blank", async () => {
    for (const cell of ["N/A", "-"]) {
      const found = await check(q2(setCell(Q2, 234, 6, cell)));
      expect(ofRule(found, "rag-invalid", "TP-1d")).toEqual([]);
      expect(ofRule(found, "rag-missing", "TP-1d")).toHaveLength(1);
    }
  });

  it("rag-mismatch: a target written as a change on the baseline, due this year, is worked out and checked", async () => {
    // NI 187: baseline 4.00%, target "25% reduction on baseline" → 3%; 3.35% is 11.7% worse: Red, rated Amber.
    const found = ofRule(await check(q2(setCell(Q2, 234, 4, "25% reduction on baseline"))), "rag-mismatch", "TP-1d");
    expect(found.map((finding) => finding.message)).toEqual([
      "NI 187: 3.35% against target 3% (25% reduction on baseline 4.00%) is 11.7% worse (lower is better, from the wording of the target; tolerance 10%): computed Red, rated Amber",
    ]);
  });

  it("overall-rating-mismatch: at Q4 a cumulative count given to Qtr 3 is projected to year end", async () => {
    // TP-3a Q4 rated Green overall; NI 153 replaced by NI 154 (net additional homes, cumulative): 2,700 to Qtr 3 → 3,600 against 3,400.
    const text = replaceLine(edit(Q4, 107, "\tRed\t", "\tGreen\t"), 117, "NI 154\tNet additional homes provided\t3,200 (2007/08)\t3,400\t3,600\t3,800\t2,700 (Qtr 3)\tNo concerns with data");
    const found = await check(q4(text));
    // Unprojected, 2,700 would be 20.6% short of 3,400: Red, which would contradict the Green overall rating.
    expect(ofRule(found, "overall-rating-mismatch", "TP-3a")).toEqual([]);
  });

  it("rag-mismatch: a cumulative year-to-date count is projected to year end before judging", async () => {
    // LKI HAS4 (homeless acceptances, lower is better, cumulative): 724 at Q2 against 1320 for the year.
    const withoutForecast = setCell(Q2, 204, 6, "Green");
    const found = ofRule(await check(q2(withoutForecast)), "rag-mismatch", "TP-1c");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toBe(
      "LKI HAS4: 724 year to date, projected to 1,448 at year end (× 4 / 2) against target 1320 is 9.7% worse (lower is better, from the indicator catalogue; tolerance 10%): computed Amber, rated Green",
    );
    expect(found[0]!.data).toMatchObject({ basis: "projection", compared: 1448, target: 1320, computed: "Amber", rated: "Green" });
  });
});

describe("the rule registry", () => {
  it("has unique ids in kebab case", () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });

  it("has the ids the issue makes public", () => {
    const ids = RULES.map((rule) => rule.id);
    for (const id of [
      "rag-invalid", "rag-missing", "rag-mismatch", "rag-without-data", "overall-rating-missing", "overall-rating-mismatch", "direction-mismatch", "unit-mismatch", "target-missing",
      "field-missing", "reference-invalid", "theme-placeholder", "period-mismatch", "duplicate-reference", "timescale-unparsed", "action-overdue", "html-residue",
      "result-not-reported", "input-unreadable", "no-report-found",
    ]) {
      expect(ids).toContain(id);
    }
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))("%s has a one-line description and an explanation with an example", (_, rule) => {
    expect(rule.description).not.toMatch(/\n/);
    expect(rule.description.length).toBeGreaterThan(10);
    expect(rule.docs).toMatch(/\nExample: .+/);
    expect(["error", "warning", "info"]).toContain(rule.severity);
  });

  it("every rule that checks documents has a case above (the file rules are tested through the CLI)", () => {
    const tested = new Set(CASES.map((entry) => entry.rule));
    const untested = RULES.filter((rule) => rule.scope !== "file" && !tested.has(rule.id)).map((rule) => rule.id);
    expect(untested).toEqual([]);
  });

  it("turns a rule off, or changes its severity, from the configuration", async () => {
    const off = await check(q2(), { rules: { "rag-mismatch": "off" } });
    expect(off.filter((finding) => finding.rule === "rag-mismatch")).toEqual([]);
    const lowered = await check(q2(), { rules: { "rag-mismatch": "warning" } });
    expect(lowered.find((finding) => finding.rule === "rag-mismatch")?.severity).toBe("warning");
  });
});
