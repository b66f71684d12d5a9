/**
 * recogniseHeader skips most rows on cheap tests of their raw text (no contributors' wording, no
 * cell that could name a key column) and works out each distinct header row once per document.
 * Neither may change an answer: rows made of header wordings and data, in any case, spacing and
 * punctuation, are recognised exactly as by trying every table on every cell (sectionOf).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GridRow } from "../src/parse/grid.js";
import { headerMap, isExternalContributorsRow, normaliseHeader, recogniseHeader, sectionOf, type KnownHeaders } from "../src/parse/headers.js";
import { checkProperty } from "./helpers/fast-check.js";

/** Header wordings of every table (the seeds' own and other templates'), and data as cells hold it. */
const WORDS = [
  "PI Ref", "PI", "NI Ref", "KPI", "Performance Indicator", "Indicator", "Measure", "Reference", "Definition", "Description",
  "Comments", "Baseline", "Base line", "2008/09 Target", "Target", "Year to Date Performance", "Result to date", "Actual", "Outturn",
  "RAG Rating", "RAG", "Status", "Data Quality", "DQ", "Improvement priority progress", "Progress as at 31st March 2009", "Progress",
  "Achievements", "Update", "Progress Update", "Risk / Challenges", "Issues", "Key Actions", "Actions", "Planned Actions", "Milestones",
  "Next Steps / Future Milestones for Q1 & Q2 2009/10", "Future Milestones", "What will be done", "Contributory Officer", "Officer",
  "Action Owner", "Timescale", "Deadline", "Due Date", "By when", "Other Information", "Other", "Improvement Priority", "Priority",
  "Title", "Outcome", "Lead Officer", "Lead", "SRO", "Organisation", "Lead Agency", "Overall Progress Rating", "Overall RAG",
  "Direction of Travel", "DoT", "Trend", "Contributory Officers", "Directorate", "Contributing Organisations", "Partner Officer",
  "Internal Contributors", "External Contributors", "Rationale", "How will they be engaged", "So far",
  "NI 141", "Amber", "Green", "Red", "45%", "1,142 (2007/08)", "N/A", "Stephen Boyle", "Leeds C C", "March 2009", "", "",
  "\u212aey Actions", "\u0130nternal Contributors", "NI 110:", "PI 3", "KPI12", "NI", "PI:", "Pilot scheme", "Reference number",
];

/** A wording as someone might type it: any case, spaces of any kind around and inside, a colon or star after. */
const typed = fc
  .tuple(
    fc.constantFrom(...WORDS),
    fc.constantFrom("lower", "upper", "as is"),
    fc.constantFrom("", " ", "\u00a0", "\t", "\n "),
    fc.constantFrom(" ", "  ", "\u00a0", "\n"),
    fc.constantFrom("", ":", "*", " :", ": ", "\u00a0"),
  )
  .map(([word, casing, before, inside, after]) => {
    const cased = casing === "lower" ? word.toLowerCase() : casing === "upper" ? word.toUpperCase() : word;
    return `${before}${cased.replace(/ /g, inside)}${after}`;
  });

const rowOf = (cells: string[]): GridRow => ({
  cells,
  fills: cells.map(() => undefined),
  location: { table: 1, row: 1 },
  cellLocations: cells.map((_, index) => ({ table: 1, row: 1, cell: index + 1 })),
  block: 0,
  isParagraph: false,
});

const everyTable = { indicator: true, action: true, priority: true };

describe("recognising a header row", () => {
  it.each([
    ["no mapping", {}],
    ["headers mapped by the user", { "So far": "indicator.result", "lead agency": "action.officer", "NI 141": "indicator.ref" }],
  ])("gives the same section as trying every table on every cell (%s)", async (_, headers: Record<string, string>) => {
    const custom = headerMap(headers);
    await checkProperty(
      fc.property(fc.array(typed, { minLength: 1, maxLength: 9 }), (cells) => {
        const row = rowOf(cells);
        expect(recogniseHeader(row, custom, new Map())).toEqual(sectionOf(row, custom, true, everyTable));
      }),
      { numRuns: 2000 },
    );
  });

  it("knows the External Contributors row however it is typed, and no other row", async () => {
    await checkProperty(
      fc.property(fc.array(typed, { minLength: 1, maxLength: 4 }), (cells) => {
        const named = cells.map(normaliseHeader).filter((text) => text !== "");
        expect(isExternalContributorsRow(rowOf(cells))).toBe(named.length === 1 && /^external contributors?$/.test(named[0]!));
      }),
      { numRuns: 2000 },
    );
  });

  it("works out a repeated header row once, each row keeping its own header row", () => {
    const known: KnownHeaders = new Map();
    const cells = ["PI Ref", "Definition", "Baseline", "2008/09 Target", "RAG Rating"];
    const first = rowOf([...cells]);
    const second = { ...rowOf([...cells]), location: { table: 9, row: 1 } };
    const a = recogniseHeader(first, headerMap({}), known);
    const b = recogniseHeader(second, headerMap({}), known);
    expect(known.size).toBe(1);
    expect(a?.kind).toBe("indicators");
    expect(b).toEqual({ ...a, headerRow: second });
    expect(b?.headerRow).toBe(second);
    expect(recogniseHeader(rowOf(["PI Ref", "Definition", "Baseline", "Target", "RAG Rating"]), headerMap({}), known)?.kind).toBe("indicators");
    expect(known.size).toBe(2);
  });
});
