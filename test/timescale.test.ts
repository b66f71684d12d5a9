/**
 * Timescales (docs/domain.md "Timescales") and every timescale cell of the two seed documents, read
 * as a person would: `due` is the last day the action is due, UK day/month order. Cells reach
 * the parser with markup already removed by the reader ("<p>During 09/10</p>" → "During 09/10").
 */
import { describe, expect, it } from "vitest";
import { parseTimescale, quarterEnd, quarterStart } from "../src/parse/timescale.js";
import { Timescale as TimescaleSchema, type Timescale } from "../src/schema/records.js";

/** The seed documents: 000 is the 2008/09 Q2 update, 001 the 2008/09 Q4 update. */
const Q2 = { year: "2008/09", quarter: 2 };
const Q4 = { year: "2008/09", quarter: 4 };

type Report = typeof Q2;
type Row = [string, Report, Timescale];

/** A single certain due date. */
const due = (raw: string, report: Report, kind: Timescale["kind"], date: string, ongoing = false): Row => [
  raw,
  report,
  { raw: raw.trim(), due: date, kind, dates: [date], ongoing },
];

/** No single due date. */
const noDue = (raw: string, report: Report, kind: Timescale["kind"], more: Partial<Timescale> = {}): Row => [
  raw,
  report,
  { raw: raw.trim(), due: null, kind, dates: [], ongoing: false, ...more },
];

describe("quarterStart and quarterEnd", () => {
  it.each([
    ["2008/09", 1, "2008-04-01", "2008-06-30"],
    ["2008/09", 2, "2008-07-01", "2008-09-30"],
    ["2008/09", 3, "2008-10-01", "2008-12-31"],
    ["2008/09", 4, "2009-01-01", "2009-03-31"],
    ["2009/10", 2, "2009-07-01", "2009-09-30"],
    ["08/09", 4, "2009-01-01", "2009-03-31"],
  ])("%s Q%i runs %s to %s", (year, quarter, start, end) => {
    expect(quarterStart(year, quarter)).toBe(start);
    expect(quarterEnd(year, quarter)).toBe(end);
  });
});

describe("parseTimescale: the seed documents", () => {
  it.each<Row>([
    // 000: 2008/09 Quarter 2
    due("Q2 2009/10", Q2, "quarter", "2009-09-30"),
    due("Q1 2009/10", Q2, "quarter", "2009-06-30"),
    due("Q3 2009/10", Q2, "quarter", "2009-12-31"),
    due("Q2 2009/10 ongoing", Q2, "quarter", "2009-09-30", true),
    noDue("Ongoing", Q2, "ongoing", { ongoing: true }),
    noDue("ongoing", Q2, "ongoing", { ongoing: true }),
    // A bare quarter not yet past is the report's own year.
    due("Q4", Q2, "quarter", "2009-03-31"),
    due("Q3", Q2, "quarter", "2008-12-31"),
    due("Plan 1 - Q4", Q2, "quarter", "2009-03-31"),
    due("01/11/2009 - go live for new applicants for individualised budgets", Q2, "date", "2009-11-01"),
    due("Mar-11", Q2, "month", "2011-03-31"),
    due("Phase 2 to commence in January 2009", Q2, "month", "2009-01-31"),
    noDue("", Q2, "blank"),
    due("Mar-09", Q2, "month", "2009-03-31"),
    due("Jan-09", Q2, "month", "2009-01-31"),
    due("Dec-08", Q2, "month", "2008-12-31"),
    due("End of March 2009", Q2, "month", "2009-03-31"),
    // Two actions with their own deadlines: no single due date; "end of year" is the report's year end.
    noDue("TEAS - December 2008 Other action - end of year", Q2, "multiple", { dates: ["2008-12-31", "2009-03-31"] }),
    due("During 08/09", Q2, "year", "2009-03-31"),
    due("09-Dec-08", Q2, "date", "2008-12-09"),
    due("End of Jan 09", Q2, "month", "2009-01-31"),
    due("End of December 2008", Q2, "month", "2008-12-31"),
    due("Jan - March 2008/09", Q2, "range", "2009-03-31"),
    due("End March 2009", Q2, "month", "2009-03-31"),

    // 001: 2008/09 Quarter 4 (TP-1a's merged columns put other text under "Timescale")
    noDue(
      "Performance is reported monthly to ALMOs/ BITMO. Actions are monitored by the Asset Management Steering Group, and DMT/ COG.",
      Q4,
      "unparsed",
    ),
    noDue("", Q4, "blank"),
    // "June/July 2009" ends July 2009; "5th May" names no year, so it is no date.
    due(
      "Work is being progressed to review/refresh the Private rented sector strategy and Private sector investment policy which will align with the current work to update the Housing Strategy, to be finalised in June/July 2009. Preparation work underway for the establishment of a Private Sector Board to provide a strategic steer for future activity, including funding priorities and future bids, programme development and delivery. First Board meeting scheduled for 5th May.",
      Q4,
      "month",
      "2009-07-31",
    ),
    // A Q4 report's "Quarter 2" has passed this year: Q2 of the next.
    due("Quarter 2", Q4, "quarter", "2009-09-30"),
    noDue("Ongoing", Q4, "ongoing", { ongoing: true }),
    due("Oct-09", Q4, "month", "2009-10-31"),
    due("Agreed action plan in place by 1 July 09. Monitored on a weekly basis.", Q4, "date", "2009-07-01"),
    noDue("As above", Q4, "as-above"),
    // A milestone inside the year the project runs through does not end it sooner.
    [
      "Project to run during 09/10. ALMO target hardening to be completed by May/June 09.",
      Q4,
      {
        raw: "Project to run during 09/10. ALMO target hardening to be completed by May/June 09.",
        due: "2010-03-31",
        kind: "year",
        dates: ["2010-03-31", "2009-06-30"],
        ongoing: false,
      },
    ],
    due("During 09/10", Q4, "year", "2010-03-31"),
    due("During Q1-Q2", Q4, "range", "2009-09-30"),
    noDue("See next steps column", Q4, "see-next-steps"),
    noDue("See Next Steps column", Q4, "see-next-steps"),
  ])("%j", (raw, report, expected) => {
    expect(parseTimescale(raw, report)).toEqual(expected);
  });
});

describe("parseTimescale: further forms", () => {
  it.each<Row>([
    due("Q2", Q4, "quarter", "2009-09-30"),
    due("Q4", Q4, "quarter", "2009-03-31"),
    due("Q1", Q2, "quarter", "2009-06-30"),
    due("During Q1-Q2", Q2, "range", "2008-09-30"),
    due("Feb-09", Q2, "month", "2009-02-28"),
    due("Feb-08", Q2, "month", "2008-02-29"),
    due("Jan \u2013 March 2008/09", Q2, "range", "2009-03-31"),
    due("in place by 1 July\u00a009", Q2, "date", "2009-07-01"),
    due("  Ongoing until Mar-10 ", Q2, "month", "2010-03-31", true),
    noDue("SEE NEXT STEPS COLUMN", Q4, "see-next-steps"),
    noDue("  \u00a0", Q4, "blank"),
    noDue("31/02/2009", Q2, "unparsed"),
    noDue("When funding allows", Q2, "unparsed"),
  ])("%j", (raw, report, expected) => {
    expect(parseTimescale(raw, report)).toEqual(expected);
  });

  it("every result satisfies the schema", () => {
    for (const raw of ["Q4", "", "TEAS - December 2008 Other action - end of year", "Ongoing", "nonsense"]) {
      expect(TimescaleSchema.safeParse(parseTimescale(raw, Q2)).success).toBe(true);
    }
  });
});
