/**
 * Records to CSV, one row per record. Every row carries its source, reference, year and quarter
 * so that a CSV stands alone in a spreadsheet. Columns are fixed per record kind (the same for
 * every input), so files from many runs can be stacked.
 */
import { stringify } from "csv-stringify/sync";
import { locationText } from "../model/location.js";
import type { Action, Contributor, Indicator, Priority, Report, Value } from "../schema/records.js";

export const RECORD_KINDS = ["priorities", "indicators", "actions", "contributors"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

type Cell = string | number | boolean | null;
export type CsvRow = Record<string, Cell>;

function common(report: Report, priority: Priority) {
  return {
    source: report.source.path,
    format: report.source.format,
    reference: priority.reference,
    theme: priority.theme,
    year: priority.year,
    quarter: priority.quarter,
  };
}

function valueColumns(prefix: string, value: Value | null): CsvRow {
  return {
    [`${prefix}_raw`]: value?.raw ?? "",
    [`${prefix}_value`]: value?.value ?? null,
    [`${prefix}_unit`]: value?.unit ?? null,
    [`${prefix}_status`]: value?.status ?? null,
    [`${prefix}_period`]: value?.period ?? null,
  };
}

function priorityRow(report: Report, priority: Priority): CsvRow {
  const { source, format, reference, ...rest } = common(report, priority);
  return {
    source,
    format,
    reference,
    // As written in the heading ("HM1a", "TP-Id"), so an archive's irregular references stay findable.
    reference_raw: priority.referenceRaw,
    ...rest,
    title: priority.title,
    lead_officer: priority.leadOfficer,
    organisation: priority.organisation,
    overall_rating: priority.overallRating,
    direction_of_travel: priority.directionOfTravel,
    indicators: priority.indicators.length,
    actions: priority.actions.length,
    contributors: priority.contributors.length,
    assessment: priority.assessment,
    location: locationText(priority.location),
  };
}

function indicatorRow(report: Report, priority: Priority, indicator: Indicator): CsvRow {
  const ownYear = indicator.targets.find((target) => target.year === priority.year) ?? indicator.targets[0] ?? null;
  const laterTargets = indicator.targets.filter((target) => target !== ownYear);
  return {
    ...common(report, priority),
    ref: indicator.ref,
    measure: indicator.measure,
    definition: indicator.definition,
    ...valueColumns("baseline", indicator.baseline),
    target_year: ownYear?.year ?? null,
    ...valueColumns("target", ownYear),
    other_targets: laterTargets.map((target) => `${target.year}: ${target.raw}`).join("; "),
    result_kind: indicator.result.kind,
    ...valueColumns("result", indicator.result),
    result_provisional: indicator.result.provisional,
    rag: indicator.rag,
    rag_raw: indicator.ragRaw,
    rag_fill: indicator.ragFill,
    forecast_value: indicator.forecast?.value ?? null,
    data_quality: indicator.dataQuality,
    comments: indicator.comments,
    location: locationText(indicator.location),
  };
}

function actionRow(report: Report, priority: Priority, action: Action): CsvRow {
  return {
    ...common(report, priority),
    progress: action.progress,
    risks: action.risks,
    actions: action.actions,
    officer: action.officer,
    timescale: action.timescale.raw,
    due: action.timescale.due,
    timescale_kind: action.timescale.kind,
    other: action.other,
    location: locationText(action.location),
  };
}

function contributorRow(report: Report, priority: Priority, contributor: Contributor): CsvRow {
  return {
    ...common(report, priority),
    side: contributor.side,
    name: contributor.name,
    organisation: contributor.organisation,
    rationale: contributor.rationale,
    engagement: contributor.engagement,
    location: locationText(contributor.location),
  };
}

export function recordRows(reports: Report[], kind: RecordKind): CsvRow[] {
  const rows: CsvRow[] = [];
  for (const report of reports) {
    for (const priority of report.priorities) {
      if (kind === "priorities") rows.push(priorityRow(report, priority));
      if (kind === "indicators") for (const indicator of priority.indicators) rows.push(indicatorRow(report, priority, indicator));
      if (kind === "actions") for (const action of priority.actions) rows.push(actionRow(report, priority, action));
      if (kind === "contributors") for (const contributor of priority.contributors) rows.push(contributorRow(report, priority, contributor));
    }
  }
  return rows;
}

/**
 * A text cell that a spreadsheet would run as a formula (OWASP CSV injection) is prefixed with
 * an apostrophe. Numbers stay numbers: "-2.5" as a number is safe, as text it is not.
 */
export function neutraliseCell(cell: Cell): Cell {
  if (typeof cell !== "string") return cell;
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** The column names of a record kind, fixed whatever the input, so an empty result still has a header. */
export function csvColumns(kind: RecordKind): string[] {
  const empty: Report = { source: { path: "", format: "text" }, priorities: [], unrecognised: [], notices: [] };
  const blankValue: Value = {
    raw: "", value: null, unit: null, ratePer: null, status: "blank", comparator: null, qualifier: null, period: null,
    latestQuarter: null, provisional: false, expected: null, change: null, earlier: [], note: null,
  };
  const priority: Priority = {
    reference: "", referenceRaw: "", themeCode: null, theme: null, headingTheme: "", themePlaceholder: false, year: "", quarter: 1, title: "",
    leadOfficer: "", organisation: "", overallRating: null, overallRatingRaw: "", overallRatingFill: null, directionOfTravel: null,
    directionRaw: "", hasDirectionColumn: false, assessment: "", indicators: [], actions: [], contributors: [], unrecognised: [], location: {},
  };
  const sample: Record<RecordKind, () => CsvRow> = {
    priorities: () => priorityRow(empty, priority),
    indicators: () =>
      indicatorRow(empty, priority, {
        ref: "", measure: null, definition: "", comments: "", baseline: blankValue, targets: [], result: { ...blankValue, kind: "year-to-date" },
        rag: null, ragRaw: "", ragFill: null, ragFromFill: false, forecast: null, hasRagColumn: false, dataQuality: "", location: {},
      }),
    actions: () =>
      actionRow(empty, priority, {
        progress: "", risks: "", actions: "", officer: "", other: "", progressHeading: "", location: {},
        timescale: { raw: "", due: null, kind: "blank", dates: [], ongoing: false },
      }),
    contributors: () => contributorRow(empty, priority, { side: "internal", name: "", organisation: "", rationale: null, engagement: null, location: {} }),
  };
  return Object.keys(sample[kind]());
}

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, which Excel needs to read UTF-8. */
  bom?: boolean;
  header?: boolean;
}

export function stringifyRows(rows: CsvRow[], columns: string[], options: CsvOptions = {}): string {
  const safe = rows.map((row) => columns.map((column) => neutraliseCell(row[column] ?? null)));
  return stringify(safe, {
    header: options.header ?? true,
    columns,
    bom: options.bom ?? false,
    cast: { boolean: (value) => (value ? "true" : "false") },
  });
}

export function emitCsv(reports: Report[], kind: RecordKind, options: CsvOptions = {}): string {
  return stringifyRows(recordRows(reports, kind), csvColumns(kind), options);
}
