/**
 * fixtures/seeds/000_ebda395ebee889b1.txt: Leeds Strategic Plan 2008/09 Quarter 2, 10 updates.
 * Read by hand; line numbers refer to that text extraction.
 */
import type { Rating } from "../../src/schema/records.js";
import type { ExpectedIndicator, ExpectedPriority } from "./types.js";

const HM = "Harmonious Communities";
const HW = "Health and Wellbeing";
const TP = "Thriving Places";

/** A Q2 PI row: one target (2008/09), a year-to-date result, a RAG cell that may hold a forecast. */
function pi(
  ref: string,
  baseline: number | null,
  target: number | null,
  result: number | null,
  rag: Rating | null,
  forecast: number | null,
): ExpectedIndicator {
  return { ref, measure: null, baseline, target, targetYears: ["2008/09"], result, resultKind: "year-to-date", rag, forecast };
}

const common = { themePlaceholder: false, year: "2008/09", quarter: 2, directionOfTravel: null } as const;

export const expected: ExpectedPriority[] = [
  {
    // lines 3-31
    ...common,
    reference: "HM-1a",
    theme: HM,
    title:
      "An increased number of local people engaged in activities to meet community needs and improve the quality of life for local residents",
    leadOfficer: "Stephen Boyle",
    organisation: "Leeds C C",
    overallRating: "Amber",
    assessmentStart: "The VCFS Partnership Group was establish",
    indicators: [
      // no Baseline column; targets N/A; results "Due to be reported in November 2008 / January 2009"
      pi("NI 110", null, null, null, null, null),
      pi("NI 6", null, null, null, null, null),
    ],
    // lines 16-22: three progress entries, then four rows with only Key Actions
    actions: 7,
    timescales: ["Q2 2009/10", "Q2 2009/10", "Ongoing", "Ongoing", "Q4", "Q4", "Q1 2009/10"],
    contributors: { internal: 7, external: 4 },
    firstInternal: { name: "Martin Farrington", organisation: "City Development" },
    firstExternal: { name: "Jason Doherty", organisation: "Museums Libraries Archives Yorkshire" },
  },
  {
    // lines 33-64
    ...common,
    reference: "HM-1b",
    theme: HM,
    title:
      "An increase in the number of local people that are empowered to have a greater voice and influence over local decision making and a greater role in public service delivery",
    leadOfficer: "Stephen Boyle",
    organisation: "Leeds C C",
    overallRating: "Amber",
    assessmentStart: "Work has been undertaken with Government",
    indicators: [pi("NI 4", null, null, null, null, null)],
    // lines 44-47 and 50-51 (two tables)
    actions: 6,
    timescales: ["Q2 2009/10 ongoing", "Q4", "Q4", "Q4", "Q3 2009/10", "Plan 1 - Q4"],
    contributors: { internal: 11, external: 6 },
    firstInternal: { name: "Sally Threlfall", organisation: "Children's Services" },
    firstExternal: { name: "Mark Milson", organisation: "West Yorkshire Police" },
  },
  {
    // lines 66-96
    ...common,
    reference: "HM-2a",
    theme: HM,
    title:
      "Enable a robust and vibrant voluntary, community and faith sector to facilitate community activity and directly deliver services",
    leadOfficer: "Stephen Boyle",
    organisation: "Leeds C C",
    overallRating: "Amber",
    assessmentStart: "The VCFS Partnership Group was establish",
    indicators: [
      // baseline "To be set by …", target "Increase of 4.1 percentage points on baseline by 2010/11 …", result blank
      pi("NI 7", null, null, null, "Amber", null),
    ],
    // lines 80-84
    actions: 5,
    timescales: ["Q2 2009/10", "Q4", "ongoing", "ongoing", "Q4"],
    contributors: { internal: 10, external: 3 },
    firstInternal: { name: "Sally Threlfall", organisation: "Children's Services" },
    firstExternal: { name: "Mark Milson", organisation: "West Yorkshire Police" },
  },
  {
    // lines 98-125
    ...common,
    reference: "HM-2b",
    theme: HM,
    title: "AN increased sense of belonging and pride in local neighbourhoods that help build cohesive communities",
    leadOfficer: "Stephen Boyle",
    organisation: "Leeds C C",
    overallRating: "Amber",
    assessmentStart: "The baseline will be established by the ",
    indicators: [pi("NI 1", null, null, null, null, null)],
    // lines 110-115
    actions: 6,
    timescales: ["Q3", "Q3", "Q3", "Q3", "ongoing", "Q4"],
    contributors: { internal: 8, external: 5 },
    firstInternal: { name: "Andrew Mason", organisation: "Environment & Neighbourhoods" },
    firstExternal: { name: "Mark Milson", organisation: "West Yorkshire Police" },
  },
  {
    // lines 127-160
    ...common,
    reference: "HW-3b",
    theme: HW,
    title: "Increase the number of vulnerable people helped to live at home",
    leadOfficer: "John Lennon (Paul Broughton)",
    organisation: "Leeds City Council",
    overallRating: "Amber",
    assessmentStart: "Improvements in enablement services, day",
    indicators: [
      // "New indicator" / "To be determined" / "Annual reporting"
      pi("NI 136", null, null, null, null, null),
      pi("NI 139", null, null, null, null, null),
      // header says just "Target": the report's own year; RAG column holds 72.7% (a forecast)
      pi("NI 141", 58.61, 66, 70.91, null, 72.7),
    ],
    // lines 143-144 and 147-148 (148: progress and Other Information only)
    actions: 4,
    timescales: [
      "01/11/2009 - go live for new applicants for individualised budgets",
      "Mar-11",
      "Phase 2 to commence in January 2009",
      "",
    ],
    contributors: { internal: 10, external: 8 },
    firstInternal: { name: "Dennis Holmes", organisation: "Adult Social Care" },
    firstExternal: { name: "Christine Outram/Ian Cameron", organisation: "Primary Care Trust" },
  },
  {
    // lines 162-193
    ...common,
    reference: "TP-1b",
    theme: TP,
    title: "Increase the number of affordable homes",
    leadOfficer: "Paul Langford",
    organisation: "Leeds C",
    overallRating: "Red",
    assessmentStart: "The current delivery through the Leeds A",
    indicators: [
      // "3,327 (2006/07)", "At least 3,400 after year 1", "Annually Reported"
      pi("NI 154", 3327, 3400, null, "Amber", null),
      // "258 (2006/07) 440 (2007/08)": the latest figure
      pi("NI 155", 440, 300, null, "Amber", null),
    ],
    // lines 177-180 and 183-187
    actions: 9,
    timescales: ["Mar-09", "Mar-09", "Jan-09", "Mar-09", "Mar-09", "Ongoing", "Mar-09", "Mar-09", "Dec-08"],
    contributors: { internal: 4, external: 1 },
    firstInternal: { name: "Stephen Boyle", organisation: "Environment and Neighbourhoods" },
    firstExternal: { name: "Steve Williamson", organisation: "Leeds Housing Partnership" },
  },
  {
    // lines 195-219
    ...common,
    reference: "TP-1c",
    theme: TP,
    title: "Reduce the number of homeless people",
    leadOfficer: "Paul Langford",
    organisation: "Leeds C C",
    overallRating: "Amber",
    assessmentStart: "The government has placed an obligation ",
    indicators: [
      // "1,142 2007/08"; RAG column holds 1448 (= 724 x 4 / 2, a forecast)
      pi("LKI HAS4", 1142, 1320, 724, null, 1448),
    ],
    // lines 207-208 and 211-212
    actions: 4,
    timescales: [
      "End of March 2009",
      "End of March 2009",
      "TEAS - December 2008 Other action - end of year",
      "End of March 2009",
    ],
    // line 216: organisation without an officer still counts
    contributors: { internal: 5, external: 2 },
    firstInternal: { name: "Stephen Boyle", organisation: "Environments & Neighbourhoods" },
    firstExternal: {
      name: "Steve Williamson (Chair)",
      organisation: "Leeds Housing Partnership (including the Leeds ALMOs)",
    },
  },
  {
    // lines 221-247
    ...common,
    reference: "TP-1d",
    theme: TP,
    title: "Reduce the number of people who are not able to adequately heat their homes",
    leadOfficer: "Andrew Mason",
    organisation: "Leeds C C",
    overallRating: "Red",
    assessmentStart: "In the first half of the year, over 7,50",
    // two paragraphs (lines 229 and 231)
    assessmentIncludes: ["Although a number of positive steps have been taken", "the priority has been rated as Red."],
    indicators: [pi("NI 187", 4, 3, 3.35, "Amber", null)],
    // lines 237-239
    actions: 3,
    timescales: ["Mar-09", "Mar-09", "Mar-09"],
    contributors: { internal: 6, external: 2 },
    firstInternal: { name: "Steve Carey", organisation: "Resources" },
    firstExternal: { name: "Christine Outram/Ian Cameron", organisation: "Primary Care Trust" },
  },
  {
    // lines 249-279
    ...common,
    reference: "TP-2b",
    theme: TP,
    title: "Reducing and managing offending behaviour",
    leadOfficer: "Neil Evans",
    organisation: "",
    overallRating: "Amber",
    assessmentStart: "Overall progress is in line with expecta",
    indicators: [
      // every figure blank
      pi("NI 30", null, null, null, null, null),
      // "2,076 (2004/05)", "1,877- LPSA2 Stretch Target", 355, RAG column 1800 (a forecast)
      pi("LSP-TP2b(i)", 2076, 1877, 355, null, 1800),
      // "622 (2005)", "573 - LPSA2 Stretch Target", 21.71, RAG column 15.00 (a forecast)
      pi("LSP-TP2b(ii)", 622, 573, 21.71, null, 15),
    ],
    // lines 265-266 and 269
    actions: 3,
    timescales: ["During 08/09", "During 08/09", "During 08/09"],
    contributors: { internal: 8, external: 8 },
    firstInternal: { name: "Simon Whitehead", organisation: "Environments & Neighbourhoods" },
    firstExternal: { name: "Mark Milson/Alison Rose", organisation: "West Yorkshire Police" },
  },
  {
    // lines 281-311 (the file's last line has no newline)
    ...common,
    reference: "TP-3a",
    theme: TP,
    title: "Reduce worklessness across the city with a focus on deprived areas",
    leadOfficer: "Stephen Boyle",
    organisation: "Leeds C C",
    overallRating: "Amber",
    assessmentStart: "The LSP service improvement priority to ",
    // two paragraphs (lines 287 and 289)
    assessmentIncludes: ["It may well be that targets to reduce worklessness will have to be suspended"],
    indicators: [
      // no Baseline column; "Awaiting DWP data update"
      pi("NI 152", null, 11.1, null, "Amber", null),
      pi("NI 153", null, 29.8, null, "Amber", null),
    ],
    // lines 295-297 (header with an empty second column, straight after the PI table)
    // and 300-304 (301 starts "with employers to develop…": its own action)
    actions: 8,
    timescales: [
      "09-Dec-08",
      "End of Jan 09",
      "End of December 2008",
      "Jan - March 2008/09",
      "End of December 2008",
      "End March 2009",
      "End of December 2008",
      "End March 2009",
    ],
    // line 310-311: organisation and officer only
    contributors: { internal: 3, external: 5 },
    firstInternal: { name: "Paul Stephens", organisation: "City Development" },
    firstExternal: { name: "Ian Hunter", organisation: "Job Centre Plus (Lead Organisation)" },
    lastExternal: { name: "Jane Williams", organisation: "NHS Leeds" },
  },
];
