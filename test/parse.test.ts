import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ReadDocument } from "../src/model/blocks.js";
import { parseReport } from "../src/parse/index.js";
import { readText } from "../src/read/text.js";

const parseText = (text: string) => parseReport(readText(new TextEncoder().encode(text)), "test.txt");
const rows = (...lines: string[][]) => lines.map((cells) => cells.join("\t")).join("\n");

const HEADING = "Thriving Places 2008/09 Quarter 2 Performance Update\tReference\tTP-1c";
const PRIORITY = rows(["Improvement Priority", "Lead Officer", "Organisation", "Overall Progress Rating"], ["Reduce the number of homeless people", "Paul Langford", "Leeds C C", "Amber"]);

describe("record parser", () => {
  it.each([
    ["Harmonious Communities 2008/09 Quarter Two Performance Update", 2],
    ["Harmonious Communities 2008/09 Second Quarter Performance Update", 2],
    ["Harmonious Communities 2008/09 Quarter 2 (July - September) Performance Update", 2],
    ["Harmonious Communities 2009-10 Q3 Performance Report", 3],
  ])("reads the heading %s", (heading, quarter) => {
    const report = parseText([`${heading}\tReference\tHM-1a`, PRIORITY].join("\n"));
    expect(report.priorities.map((priority) => [priority.reference, priority.headingTheme, priority.quarter])).toEqual([["HM-1a", "Harmonious Communities", quarter]]);
  });

  it("reads a rating and a forecast written in one RAG cell", () => {
    const report = parseText([HEADING, PRIORITY, "", rows(["PI Ref", "Definition", "2008/09 Target", "Year to Date Performance", "RAG Rating"], ["NI 141", "x", "66%", "70.91%", "Green (72.7%)"])].join("\n"));
    expect(report.priorities[0]!.indicators[0]).toMatchObject({ rag: "Green", ragRaw: "Green (72.7%)", forecast: { value: 72.7, unit: "percent" } });
  });

  it("finds a heading's reference alone on a later line (a text export with one cell per line)", () => {
    const report = parseText(["Thriving Places 2008/09 Quarter 2 Performance Update", "Reference", "TP-1d", PRIORITY].join("\n"));
    expect(report.priorities.map((priority) => priority.reference)).toEqual(["TP-1d"]);
  });

  it("matches PI columns by header text whatever their order and wording", () => {
    const report = parseText(
      [
        HEADING,
        PRIORITY,
        "",
        rows(
          ["RAG", "Year to date", "Indicator", "PI Reference", "Target 2008/09", "Baseline", "Data quality"],
          ["", "724", "The number of homeless acceptances made in the year", "LKI HAS4", "1320", "1,142 2007/08", "No concerns with data"],
        ),
      ].join("\n"),
    );
    const [indicator] = report.priorities[0]!.indicators;
    expect(indicator!.ref).toBe("LKI HAS4");
    expect(indicator!.definition).toBe("The number of homeless acceptances made in the year");
    expect(indicator!.baseline).toMatchObject({ value: 1142, period: "2007/08" });
    expect(indicator!.targets).toMatchObject([{ year: "2008/09", value: 1320 }]);
    expect(indicator!.result).toMatchObject({ value: 724, kind: "year-to-date" });
    expect(indicator!.rag).toBeNull();
    expect(indicator!.location).toEqual({ line: 6 });
  });

  it("reads a bare 'Target' header as the report's own year", () => {
    const report = parseText([HEADING, PRIORITY, "", rows(["PI Ref", "Definition", "Baseline", "Target", "Year to Date Performance", "RAG Rating"], ["NI 141", "x", "58.61%", "66%", "70.91%", "Green"])].join("\n"));
    expect(report.priorities[0]!.indicators[0]!.targets).toMatchObject([{ year: "2008/09", value: 66, unit: "percent" }]);
    expect(report.priorities[0]!.indicators[0]!.rag).toBe("Green");
  });

  it("keeps a number written in the RAG column as a forecast, not a rating", () => {
    const report = parseText([HEADING, PRIORITY, "", rows(["PI Ref", "Definition", "2008/09 Target", "Year to Date Performance", "RAG Rating"], ["NI 141", "x", "66%", "70.91%", "72.7%"])].join("\n"));
    const [indicator] = report.priorities[0]!.indicators;
    expect(indicator!.rag).toBeNull();
    expect(indicator!.forecast).toMatchObject({ value: 72.7, unit: "percent" });
  });

  it("normalises ratings and directions written in any case and spacing", () => {
    const report = parseText(
      [
        HEADING,
        rows(["Improvement Priority", "Lead Officer", "Organisation", "Overall Progress Rating", "Direction of Travel"], ["Title", "Officer", "Leeds CC", "  GREEN ", "ê"]),
      ].join("\n"),
    );
    expect(report.priorities[0]).toMatchObject({ overallRating: "Green", overallRatingRaw: "GREEN", directionOfTravel: "worsening", directionRaw: "ê", hasDirectionColumn: true });
  });

  it("joins a PI row with an empty PI Ref and no figures to the indicator above", () => {
    const report = parseText(
      [HEADING, PRIORITY, "", rows(["PI Ref", "Definition", "Comments", "2008/09 Target", "Year to Date Performance"], ["NI 155", "Affordable homes", "First part of the comment", "300", ""], ["", "", "carried over a page break", "", ""])].join("\n"),
    );
    const indicators = report.priorities[0]!.indicators;
    expect(indicators).toHaveLength(1);
    expect(indicators[0]!.comments).toBe("First part of the comment\ncarried over a page break");
  });

  it("reads a PI row with an empty PI Ref and figures of its own as a further measure of the same PI", () => {
    const text = readFileSync("fixtures/seeds/001_6f959b4cb1bc6ca1.txt", "utf8");
    const report = parseText(text);
    const nI187 = report.priorities.find((priority) => priority.reference === "TP-1d")!.indicators;
    expect(nI187.map((indicator) => [indicator.ref, indicator.measure, indicator.result.value])).toEqual([
      ["NI 187", "SAP < 35", 6.63],
      ["NI 187", "SAP > 65", 35.75],
    ]);
  });

  it("keeps rows whose first cells are empty as actions of their own", () => {
    const report = parseText(
      [
        HEADING,
        PRIORITY,
        "",
        rows(["Improvement priority progress", "Risk / Challenges", "Key Actions", "Contributory Officer", "Timescale", "Other Information"], ["Progress", "Risk", "Action one", "SW", "Q4", ""], ["", "", "Action two", "SW", "Ongoing", ""]),
      ].join("\n"),
    );
    expect(report.priorities[0]!.actions.map((action) => [action.progress, action.actions, action.timescale.due])).toEqual([
      ["Progress", "Action one", "2009-03-31"],
      ["", "Action two", null],
    ]);
  });

  it("joins a progress cell cut by a page break to the action it continues (TP-3a Q2)", () => {
    const report = parseText(readFileSync("fixtures/seeds/000_ebda395ebee889b1.txt", "utf8"));
    const actions = report.priorities.find((priority) => priority.reference === "TP-3a")!.actions;
    const cut = actions.findIndex((action) => action.risks.startsWith("Difficulties in identifying freedoms"));
    expect(actions[cut]!.progress).toBe("");
    expect(actions[cut - 1]!.progress).toMatch(/back into work\. with employers to develop customised programmes\./);
    expect(actions[cut]).toMatchObject({ officer: "SB / IH / AC", timescale: { due: "2008-12-31" } });
  });

  it("maps cells under an empty header column (merged header cells) to the column on their left", () => {
    const report = parseText(
      [
        HEADING,
        PRIORITY,
        "",
        rows(["Progress as at 31st March 2009", "", "Next Steps / Future Milestones for Q1 & Q2 2009/10", "", "", "Risk / Challenges", "Timescale", "Contributory Officer"], ["Done", "", "Next", "more next", "", "Risky", "Oct-09", "AJ"]),
      ].join("\n"),
    );
    expect(report.priorities[0]!.actions[0]).toMatchObject({ progress: "Done", actions: "Next\nmore next", risks: "Risky", officer: "AJ", timescale: { due: "2009-10-31" } });
  });

  it("takes the theme from the reference's code when the heading is the template placeholder", () => {
    const report = parseText(readFileSync("fixtures/seeds/001_6f959b4cb1bc6ca1.txt", "utf8"));
    expect(report.priorities[0]).toMatchObject({ reference: "TP-1a", theme: "Thriving Places", themeCode: "TP", themePlaceholder: true, headingTheme: "Leeds Strategic Plan Theme" });
  });

  it("finds a reference that stands in the row after the heading", () => {
    const report = parseText(["Harmonious Communities 2008/09 Quarter 3 Performance Update", "Reference\tHM 2b", PRIORITY].join("\n"));
    expect(report.priorities[0]).toMatchObject({ reference: "HM-2b", quarter: 3, theme: "Harmonious Communities" });
    expect(report.priorities[0]!.title).toBe("Reduce the number of homeless people");
  });

  it("keeps a table that matches nothing as unrecognised, with its location", () => {
    const report = parseText([HEADING, PRIORITY, "", rows(["Budget line", "Amount"], ["Staff", "£40k"])].join("\n"));
    expect(report.priorities[0]!.unrecognised).toEqual([{ kind: "table", text: "Budget line | Amount\nStaff | £40k", location: { line: 5, cell: 1 } }]);
  });

  it("reads a colour-only RAG cell's rating from its fill", () => {
    const document: ReadDocument = {
      format: "docx",
      notices: [],
      blocks: [
        { kind: "paragraph", text: "Thriving Places 2008/09 Quarter 2 Performance Update Reference TP-1d", location: { paragraph: 1 } },
        {
          kind: "table",
          location: { table: 1 },
          rows: [
            { location: { table: 1, row: 1 }, cells: ["PI Ref", "Definition", "2008/09 Target", "Year to Date Performance", "RAG Rating"].map((text) => ({ lines: [{ text }] })) },
            {
              location: { table: 1, row: 2 },
              cells: [{ lines: [{ text: "NI 187" }] }, { lines: [{ text: "Fuel poverty" }] }, { lines: [{ text: "3%" }] }, { lines: [{ text: "3.35%" }] }, { lines: [], fill: "FFC000" }],
            },
          ],
        },
      ],
    };
    const [indicator] = parseReport(document, "x.docx").priorities[0]!.indicators;
    expect(indicator).toMatchObject({ rag: "Amber", ragFromFill: true, ragFill: "FFC000", location: { table: 1, row: 2 } });
  });

  it("gives both contributor layouts their sides", () => {
    const report = parseText(readFileSync("fixtures/seeds/001_6f959b4cb1bc6ca1.txt", "utf8"));
    const tp2a = report.priorities.find((priority) => priority.reference === "TP-2a")!;
    expect(tp2a.contributors[0]).toMatchObject({ side: "internal", name: "Simon Whitehead", organisation: "Environments & Neighbourhoods", rationale: "Chief Officer CS" });
    expect(tp2a.contributors.filter((contributor) => contributor.side === "external")[0]).toMatchObject({ name: "Mark Milson", organisation: "West Yorkshire Police" });
  });

  it("returns no priorities for text with no update heading, keeping what it saw", () => {
    const report = parseText("Minutes of the meeting\nItem\tOwner\n");
    expect(report.priorities).toEqual([]);
    expect(report.unrecognised.length).toBeGreaterThan(0);
  });
});
