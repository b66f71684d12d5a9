/**
 * The record types of lsp-report, defined once. TypeScript types are inferred from these
 * schemas and the JSON Schema in `schemas/` is generated from them (`lsp-report schema`).
 * The output shape is a public contract: rename nothing, only add.
 */
import { z } from "zod";

import { SCHEMA_VERSION } from "./version.js";

export { SCHEMA_VERSION };

export const Location = z
  .object({
    line: z.number().int().positive().optional().describe("1-based line in a text file"),
    table: z.number().int().positive().optional().describe("1-based table in a Word or HTML document"),
    row: z.number().int().positive().optional().describe("1-based row within the table"),
    paragraph: z.number().int().positive().optional().describe("1-based paragraph outside tables"),
    cell: z.number().int().positive().optional().describe("1-based grid column of the cell within its row, counted after the spans of the cells before it"),
    column: z.string().optional().describe("The header of the cell's column as written, e.g. 'RAG Rating'"),
    anchor: z
      .number()
      .int()
      .nonnegative()
      .optional()
      .describe(".docx only: the 0-based ordinal of the cell's first paragraph among every <w:p> start tag of the main document part, to find the cell again"),
  })
  .describe("Where the record (or the cell of one of its fields) was read from, for messages");

export const Cells = z
  .record(z.string(), Location)
  .describe("Where each field was read from: the cell of its column, by field name (e.g. rag, result, leadOfficer)");

export const Rating = z.enum(["Red", "Amber", "Green"]);
export const Unit = z.enum(["percent", "number", "rate"]);

export const ValueStatus = z
  .enum([
    "reported", // a figure is given
    "blank", // the cell is empty
    "not-applicable", // N/A
    "to-be-determined", // To be determined
    "to-be-set", // Baseline and targets to be taken from / set by a survey
    "new-indicator", // New indicator
    "annual", // Annual reporting, Annually Reported
    "not-yet-reported", // Due to be reported in January 2009
    "awaiting-data", // Awaiting DWP data update
    "withdrawn", // This NI has been deleted from the national suite
    "described", // words with no figure, such as a change on baseline
    "unparsed", // text that says none of the above
  ])
  .describe("What the text holds: a figure, or why there is none yet");

export const Change = z
  .object({
    direction: z.enum(["increase", "reduction"]),
    amount: z.number(),
    unit: z.enum(["percent", "percentage points", "number"]),
    relativeTo: z.string().nullable().describe("what the change is measured against, e.g. baseline"),
    by: z.string().nullable().describe("the year the change is due by, e.g. 2010/11"),
  })
  .describe("A target written as a change, e.g. 'Increase of 4.1 percentage points on baseline by 2010/11'");

export const EarlierFigure = z.object({
  value: z.number(),
  unit: Unit.nullable(),
  period: z.string().nullable(),
});

const valueShape = {
  raw: z.string().describe("The text exactly as written (clean of markup)"),
  value: z.number().nullable().describe("The figure, only where it is certain"),
  unit: Unit.nullable().describe("percent (%), rate (per N population), number (a whole count); null when no unit is written on a decimal"),
  ratePer: z.number().nullable().describe("For a rate, the population base (1000 for 'per 1,000 population')"),
  status: ValueStatus,
  comparator: z.enum(["at-least", "at-most"]).nullable().describe("'At least 3,400' / 'no more than 1800'"),
  qualifier: z.string().nullable().describe("Words beside the figure that are not a period: 'LPSA2 Stretch Target', 'after year 1', 'SAP < 35'"),
  period: z.string().nullable().describe("The period the figure refers to: '2006/07', 'March 2008', 'Q2 2007/08'"),
  latestQuarter: z.number().int().min(1).max(4).nullable().describe("'10.9% (Qtr 3)': the latest quarter available"),
  provisional: z.boolean(),
  expected: z.string().nullable().describe("When a figure is promised: 'Due to be reported in January 2009' gives 2009-01"),
  change: Change.nullable(),
  earlier: z.array(EarlierFigure).describe("Further figures in the same cell, e.g. '258 (2006/07) 440 (2007/08)' keeps 258 here and 440 as value"),
  note: z.string().nullable().describe("A source or remark in brackets: '(Taken from the Office of the Third Sector Survey - Autumn 2008)'"),
};

export const Value = z.object(valueShape).describe("A figure as people write it, raw text always kept");

export const Target = z.object({
  year: z.string().describe("Financial year, e.g. 2008/09"),
  ...valueShape,
  location: Location.optional().describe("The target's cell"),
});

export const ResultKind = z.enum(["year-to-date", "year-end"]);
export const Result = z.object({ kind: ResultKind, ...valueShape });

export const Indicator = z.object({
  ref: z.string().describe("PI Ref as written, without a trailing colon: 'NI 141', 'LKI HAS4'"),
  measure: z.string().nullable().describe("When one PI Ref has several rows, what this row measures, e.g. 'SAP > 65'"),
  definition: z.string(),
  comments: z.string(),
  baseline: Value,
  targets: z.array(Target),
  result: Result,
  rag: Rating.nullable().describe("The PI's RAG rating; null when blank or when the RAG column holds a forecast"),
  ragRaw: z.string().describe("The RAG cell as written"),
  ragFill: z.string().nullable().describe("The RAG cell's shading as hex, in Word and HTML documents"),
  ragFromFill: z.boolean().describe("True when the rating was read from the cell's colour alone"),
  forecast: Value.nullable().describe("A number written in the RAG column: a year-end forecast"),
  hasRagColumn: z.boolean().describe("Whether the PI table has a RAG column (the Q4 layout has none)"),
  dataQuality: z.string(),
  location: Location,
  cells: Cells.optional().describe("The cell of each field: ref, definition, comments, baseline, result, rag, dataQuality (targets carry their own)"),
});

export const TimescaleKind = z.enum([
  "date",
  "month",
  "quarter",
  "year",
  "range",
  "ongoing",
  "see-next-steps",
  "as-above",
  "multiple",
  "blank",
  "unparsed",
]);

export const Timescale = z.object({
  raw: z.string(),
  due: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable()
    .describe("The last day the action is due, where certain (UK day/month order)"),
  kind: TimescaleKind,
  dates: z.array(z.string()).describe("Every date the text names, when it names several"),
  ongoing: z.boolean(),
});

export const Action = z.object({
  progress: z.string().describe("Improvement priority progress / Progress as at …"),
  risks: z.string().describe("Risk / Challenges"),
  actions: z.string().describe("Key Actions (Q2) / Next Steps / Future Milestones (Q4)"),
  officer: z.string().describe("Contributory Officer"),
  timescale: Timescale,
  other: z.string().describe("Other Information"),
  progressHeading: z.string().describe("The progress column's header as written, e.g. 'Improvement priority progress on NI6'"),
  location: Location,
  cells: Cells.optional().describe("The cell of each field: progress, risks, actions, officer, timescale, other"),
});

export const Contributor = z.object({
  side: z.enum(["internal", "external"]),
  name: z.string(),
  organisation: z.string().describe("Directorate for internal contributors, organisation for external ones"),
  rationale: z.string().nullable().describe("Rationale for inclusion / exclusion (alternative layout)"),
  engagement: z.string().nullable().describe("How will contributor be engaged (alternative layout)"),
  location: Location,
  cells: Cells.optional().describe("The cell of each field: name, organisation, rationale, engagement"),
});

export const Unrecognised = z.object({
  kind: z.enum(["table", "rows", "paragraph", "column"]).describe("column: a header cell of a recognised table that names no known field, so its column is not read"),
  text: z.string().describe("The unrecognised content, cells separated by ' | ' and rows by newlines; for a column, the table and the header as written"),
  location: Location,
});

export const Priority = z.object({
  reference: z.string().describe("Theme code + outcome number + priority letter, e.g. HM-1a"),
  referenceRaw: z.string().describe("The reference as written in the heading, e.g. 'HM1a' or 'TP-Id'; '' when the heading has none"),
  themeCode: z.string().nullable(),
  theme: z.string().nullable().describe("Theme name: from the heading, or from the reference's code when the heading is a placeholder"),
  headingTheme: z.string().describe("The theme words of the heading as written"),
  themePlaceholder: z.boolean().describe("True when the heading still says the template's 'Leeds Strategic Plan Theme'"),
  year: z.string().describe("Financial year of the update, e.g. 2008/09"),
  quarter: z.number().int().min(1).max(4),
  title: z.string(),
  leadOfficer: z.string(),
  organisation: z.string(),
  overallRating: Rating.nullable(),
  overallRatingRaw: z.string(),
  overallRatingFill: z.string().nullable(),
  directionOfTravel: z.enum(["improving", "no change", "worsening"]).nullable(),
  directionRaw: z.string(),
  hasDirectionColumn: z.boolean().describe("Whether the Improvement Priority table has a Direction of Travel column"),
  assessment: z.string(),
  indicators: z.array(Indicator),
  actions: z.array(Action),
  contributors: z.array(Contributor),
  unrecognised: z.array(Unrecognised),
  location: Location,
  cells: Cells.optional().describe(
    "The cell of each field: heading, title, leadOfficer, organisation, overallRating, direction (Improvement Priority table), assessment",
  ),
});

export const Notice = z.object({
  code: z.string(),
  message: z.string(),
  location: Location.optional(),
  text: z.string().optional().describe("What the notice is about, as written: e.g. the inserted or deleted text of a tracked change"),
  change: z.enum(["insertion", "deletion"]).optional().describe("For a tracked change: whether the text was inserted or deleted"),
});

export const SourceFormat = z.enum(["docx", "doc", "html", "text"]);

export const Report = z.object({
  source: z.object({ path: z.string(), format: SourceFormat }),
  priorities: z.array(Priority),
  unrecognised: z.array(Unrecognised).describe("Content before the first update heading that matched nothing"),
  notices: z.array(Notice).describe("What the reader noticed about the document, e.g. unaccepted tracked changes"),
});

export const Output = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    reports: z.array(Report),
  })
  .describe("lsp-report parse output");

export type Location = z.infer<typeof Location>;
export type Cells = z.infer<typeof Cells>;
export type Rating = z.infer<typeof Rating>;
export type Unit = z.infer<typeof Unit>;
export type ValueStatus = z.infer<typeof ValueStatus>;
export type Value = z.infer<typeof Value>;
export type Target = z.infer<typeof Target>;
export type Result = z.infer<typeof Result>;
export type Indicator = z.infer<typeof Indicator>;
export type Timescale = z.infer<typeof Timescale>;
export type TimescaleKind = z.infer<typeof TimescaleKind>;
export type Action = z.infer<typeof Action>;
export type Contributor = z.infer<typeof Contributor>;
export type Unrecognised = z.infer<typeof Unrecognised>;
export type Priority = z.infer<typeof Priority>;
export type Notice = z.infer<typeof Notice>;
export type Report = z.infer<typeof Report>;
export type Output = z.infer<typeof Output>;
export type Change = z.infer<typeof Change>;
export type EarlierFigure = z.infer<typeof EarlierFigure>;
