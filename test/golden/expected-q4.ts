/**
 * fixtures/seeds/001_6f959b4cb1bc6ca1.txt: Leeds Strategic Plan 2008/09 Quarter 4, 7 updates.
 * Read by hand; line numbers refer to that text extraction.
 */
import type { ExpectedIndicator, ExpectedPriority } from "./types.js";

const HM = "Harmonious Communities";
const TP = "Thriving Places";

/**
 * A Q4 PI row: three targets (2008/09, 2009/10, 2010/11), a year-end result, no PI-level RAG
 * column (so no rating and no forecast).
 */
function pi(
  ref: string,
  baseline: number | null,
  target: number | null,
  target2010_11: number | null,
  result: number | null,
  measure: string | null = null,
): ExpectedIndicator {
  return {
    ref,
    measure,
    baseline,
    target,
    targetYears: ["2008/09", "2009/10", "2010/11"],
    target2010_11,
    result,
    resultKind: "year-end",
    rag: null,
    forecast: null,
  };
}

const common = { themePlaceholder: false, year: "2008/09", quarter: 4 } as const;

export const expected: ExpectedPriority[] = [
  {
    // lines 3-20: merged cells expanded into 9-column rows
    ...common,
    reference: "TP-1a",
    // the heading still says "Leeds Strategic Plan Theme": the theme comes from the TP code
    theme: TP,
    themePlaceholder: true,
    title: "Increase the number of decent homes",
    leadOfficer: "Paul Langford",
    organisation: "Leeds CC",
    overallRating: "Amber",
    directionOfTravel: "improving",
    assessmentStart: "A review of Council House decency needs ",
    indicators: [
      // "22.81% (March 2008)", 15.0% / 10.0% / 5.0%, "18.46"
      pi("NI 158", 22.81, 15, 5, 18.46),
    ],
    // lines 11-12 (9-column table) and 15 (5-column table)
    actions: 3,
    timescales: [
      "Performance is reported monthly to ALMOs/ BITMO. Actions are monitored by the Asset Management Steering Group, and DMT/ COG.",
      "",
      // line 15: the cell under this table's own "Timescale" header (4th of 5)
      "Work is being progressed to review/refresh the Private rented sector strategy and Private sector investment policy which will align with the current work to update the Housing Strategy, to be finalised in June/July 2009. Preparation work underway for the establishment of a Private Sector Board to provide a strategic steer for future activity, including funding priorities and future bids, programme development and delivery. First Board meeting scheduled for 5th May.",
    ],
    contributors: { internal: 3, external: 1 },
    firstInternal: { name: "Andrew Mason", organisation: "Environment and Neighbourhoods" },
    firstExternal: { name: "Simon Costigan, Clare Warren, Steve Hunt, Chris Simpson", organisation: "Leeds ALMOs" },
  },
  {
    // lines 22-53
    ...common,
    reference: "TP-1d",
    theme: TP,
    title: "Reduce the number of people who are not able to adequately heat their homes",
    leadOfficer: "Andrew Mason",
    organisation: "Leeds CC",
    overallRating: "Amber",
    directionOfTravel: "no change",
    assessmentStart: "A person is said to be in fuel poverty i",
    // "<35" is text, not markup
    assessmentIncludes: ["SAP rating <35 were improved"],
    indicators: [
      // "7.9% (2007/08) SAP < 35"; the next row has an empty PI Ref: "34.59% SAP > 65"
      pi("NI 187", 7.9, 6.64, 4.89, 6.63, "SAP < 35"),
      pi("NI 187", 34.59, 35.05, 38.22, 35.75, "SAP > 65"),
    ],
    // lines 37-41 and 44-45 (45: empty progress, next steps only)
    actions: 7,
    timescales: ["Quarter 2", "Ongoing", "Ongoing", "Ongoing", "Ongoing", "Oct-09", "Ongoing"],
    contributors: { internal: 6, external: 2 },
    firstInternal: { name: "Steve Carey", organisation: "Resources" },
    firstExternal: { name: "Christine Outram/Ian Cameron", organisation: "Primary Care Trust" },
  },
  {
    // lines 55-101
    ...common,
    reference: "TP-2a",
    theme: TP,
    title: "Creating safer environments by tackling crime",
    leadOfficer: "Neil Evans",
    organisation: "Leeds CC",
    overallRating: "Amber",
    // Direction of Travel column present but blank
    directionOfTravel: null,
    assessmentStart: "Overall, assessment of progress against ",
    indicators: [
      // "27.0 per 1,000 population (2007/08)", "(26.4 rate per 1,000 population)", …, "27.8%"
      pi("NI 16", 27, 26.4, 24.8, 27.8),
      // 2010/11: "8% reduction on baseline (7.4 rate per 1,000 population)"
      pi("NI 20", 8, 7.7, 7.4, 7.5),
      // "This NI has been deleted from the national suite …" in the Baseline column; the rest blank
      pi("NI 24", null, null, null, null),
    ],
    // lines 71-72 and 75-80
    actions: 8,
    timescales: [
      "Agreed action plan in place by 1 July 09. Monitored on a weekly basis.",
      "As above",
      "Project to run during 09/10. ALMO target hardening to be completed by May/June 09.",
      "During 09/10",
      "During Q1-Q2",
      "During 09/10",
      "During 09/10",
      "During 09/10",
    ],
    // alternative layout: lines 85-92 internal, "External Contributors" (93), lines 94-101 external
    contributors: { internal: 8, external: 8 },
    firstInternal: { name: "Simon Whitehead", organisation: "Environments & Neighbourhoods" },
    firstExternal: { name: "Mark Milson", organisation: "West Yorkshire Police" },
    // line 101: only "Safer Leeds Executive | Membership of Board"
    lastExternal: { name: "", organisation: "" },
  },
  {
    // lines 103-133
    ...common,
    reference: "TP-3a",
    theme: TP,
    title: "Reduce worklessness across the city with a focus on deprived areas",
    leadOfficer: "Stephen Boyle",
    organisation: "Leeds CC",
    overallRating: "Red",
    directionOfTravel: "worsening",
    assessmentStart: "The LSP service improvement priority to ",
    // two paragraphs (lines 111 and 113)
    assessmentIncludes: ["The Council with partners will continue to focus on the challenge of long term unemployment"],
    indicators: [
      // "11.4% (2007)", "10.9% (Qtr 3)"
      pi("NI 152", 11.4, 11.1, 10.4, 10.9),
      pi("NI 153", 30.4, 29.8, 28.4, 27.3),
    ],
    // lines 120-121 and 124-126
    actions: 5,
    timescales: [
      "See next steps column",
      "See next steps column",
      "See next steps column",
      "See next steps column",
      "See next steps column",
    ],
    // lines 131-133: organisation and officer only
    contributors: { internal: 2, external: 5 },
    firstInternal: { name: "Paul Stephens", organisation: "City Development" },
    firstExternal: { name: "Ian Hunter", organisation: "Job Centre Plus (Lead Organisation)" },
    lastExternal: { name: "Jane Williams", organisation: "NHS Leeds" },
  },
  {
    // lines 135-163
    ...common,
    reference: "HM-1a",
    theme: HM,
    title:
      "An increased number of local people engaged in activities to meet community needs and improve the quality of life for local residents",
    leadOfficer: "Stephen Boyle",
    organisation: "Leeds CC",
    overallRating: "Amber",
    directionOfTravel: "improving",
    assessmentStart: "Progress is largely being driven through",
    indicators: [
      // "65.9% (2008)", 2008/09 and 2009/10 targets blank, 70%, "65.90%"
      pi("NI 110", 65.9, null, 70, 65.9),
      // "N/A", "Baseline and target to be set through Place Survey", "19.9% (provisional)"
      pi("NI 6", null, null, null, 19.9),
    ],
    // lines 150-151 and 154-155
    actions: 4,
    timescales: ["See Next Steps column", "See Next Steps column", "See Next Steps column", "See Next Steps column"],
    // line 158: internal only
    contributors: { internal: 6, external: 5 },
    firstInternal: { name: "Mark Allman", organisation: "City Development" },
    firstExternal: { name: "Ann Pemberton/Jeanette Morris Boam", organisation: "VCFS" },
  },
  {
    // lines 165-196
    ...common,
    reference: "HM-2a",
    theme: HM,
    title:
      "Enable a robust and vibrant voluntary, community and faith sector to facilitate community activity and directly deliver services",
    leadOfficer: "Stephen Boyle",
    organisation: "Leeds CC",
    overallRating: "Amber",
    directionOfTravel: "improving",
    assessmentStart: "The VCFS Partnership Group was establish",
    indicators: [
      // "17.2% (Taken from the Office of the Third Sector Survey - Autumn 2008)", N/A, N/A, 21.7%, 17.2%
      pi("NI 7", 17.2, null, 21.7, 17.2),
    ],
    // line 180 and lines 183-186; every Timescale cell is empty
    actions: 5,
    timescales: ["", "", "", "", ""],
    contributors: { internal: 8, external: 5 },
    firstInternal: { name: "Sally Threlfall", organisation: "Children's Services" },
    firstExternal: { name: "Mark Milson", organisation: "West Yorkshire Police" },
  },
  {
    // lines 198-229
    ...common,
    reference: "HM-2b",
    theme: HM,
    title: "An increased sense of belonging and pride in local neighbourhoods that help build cohesive communities",
    leadOfficer: "Stephen Boyle",
    organisation: "Leeds CC",
    overallRating: "Amber",
    // Direction of Travel column present but blank
    directionOfTravel: null,
    assessmentStart: "Executive Board approved the Cohesion an",
    indicators: [
      // baseline "to be taken from the 2008 Place Survey", target "Increase of 4.1 percentage points …",
      // later targets blank, "73.7% (provisional)"
      pi("NI 1", null, null, null, 73.7),
    ],
    // lines 212-216 and 219
    actions: 6,
    timescales: [
      "See Next Steps column",
      "See Next Steps column",
      "See Next Steps column",
      "See Next Steps column",
      "See Next Steps column",
      "See Next Steps column",
    ],
    contributors: { internal: 8, external: 5 },
    firstInternal: { name: "Andrew Mason", organisation: "Environment & Neighbourhoods" },
    firstExternal: { name: "Mark Milson", organisation: "West Yorkshire Police" },
  },
];
