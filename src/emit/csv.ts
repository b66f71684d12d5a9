/**
 * Records to CSV, one row per record. Every row carries its source, reference, year and quarter
 * so that a CSV stands alone in a spreadsheet. Columns are fixed per record kind (the same for
 * every input), so files from many runs can be stacked.
 */
import { locationText } from "../model/location.js";
import type { Action, Contributor, Indicator, Priority, Report, Value } from "../schema/records.js";

export const RECORD_KINDS = ["priorities", "indicators", "actions", "contributors"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

type Cell = string | number | boolean | null;
export type CsvRow = Record<string, Cell>;

/*
 * The row builders below build each row as one object, its keys set in column order (rather
 * than spreading shared parts into it): every row of a kind then has the same shape, and V8
 * builds it without copying. The common columns come first in each.
 */

function valueColumns(row: CsvRow, keys: ValueKeys, value: Value | null): void {
  row[keys.raw] = value?.raw ?? "";
  row[keys.value] = value?.value ?? null;
  row[keys.unit] = value?.unit ?? null;
  row[keys.status] = value?.status ?? null;
  row[keys.period] = value?.period ?? null;
}

interface ValueKeys {
  raw: string;
  value: string;
  unit: string;
  status: string;
  period: string;
}

const valueKeys = (prefix: string): ValueKeys => ({ raw: `${prefix}_raw`, value: `${prefix}_value`, unit: `${prefix}_unit`, status: `${prefix}_status`, period: `${prefix}_period` });
const BASELINE = valueKeys("baseline");
const TARGET = valueKeys("target");
const RESULT = valueKeys("result");

function priorityRow(report: Report, priority: Priority): CsvRow {
  return {
    source: report.source.path,
    format: report.source.format,
    reference: priority.reference,
    // As written in the heading ("HM1a", "TP-Id"), so an archive's irregular references stay findable.
    reference_raw: priority.referenceRaw,
    theme: priority.theme,
    year: priority.year,
    quarter: priority.quarter,
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
  const row: CsvRow = {
    source: report.source.path,
    format: report.source.format,
    reference: priority.reference,
    theme: priority.theme,
    year: priority.year,
    quarter: priority.quarter,
    ref: indicator.ref,
    measure: indicator.measure,
    definition: indicator.definition,
  };
  valueColumns(row, BASELINE, indicator.baseline);
  row.target_year = ownYear?.year ?? null;
  valueColumns(row, TARGET, ownYear);
  row.other_targets = laterTargets.map((target) => `${target.year}: ${target.raw}`).join("; ");
  row.result_kind = indicator.result.kind;
  valueColumns(row, RESULT, indicator.result);
  row.result_provisional = indicator.result.provisional;
  row.rag = indicator.rag;
  row.rag_raw = indicator.ragRaw;
  row.rag_fill = indicator.ragFill;
  row.forecast_value = indicator.forecast?.value ?? null;
  row.data_quality = indicator.dataQuality;
  row.comments = indicator.comments;
  row.location = locationText(indicator.location);
  return row;
}

function actionRow(report: Report, priority: Priority, action: Action): CsvRow {
  return {
    source: report.source.path,
    format: report.source.format,
    reference: priority.reference,
    theme: priority.theme,
    year: priority.year,
    quarter: priority.quarter,
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
    source: report.source.path,
    format: report.source.format,
    reference: priority.reference,
    theme: priority.theme,
    year: priority.year,
    quarter: priority.quarter,
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

/** One CSV field as csv-stringify writes it with our options: quoted when it holds a comma, quote or line break; booleans as true/false; null empty. */
function csvField(cell: Cell): string {
  if (typeof cell === "string") {
    if (cell.length === 0) return "";
    // neutraliseCell's test, on the first character alone: this runs for every field of every row.
    const first = cell.charCodeAt(0);
    const text = first === 0x3d || first === 0x2b || first === 0x2d || first === 0x40 || first === 0x09 || first === 0x0d ? `'${cell}` : cell;
    return quoted(text);
  }
  if (cell === null) return "";
  if (typeof cell === "boolean") return cell ? "true" : "false";
  return String(cell);
}

const NEEDS_QUOTES = /[",\n\r]/;

/** Quoted as csv-stringify quotes a field: when it holds a comma, a quote or a line break. */
function quoted(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The header line of these columns, after a UTF-8 byte order mark with `bom`: the bytes
 * csv-stringify gives (a test holds the two together), written here so that no run loads it.
 */
export function csvHeader(columns: readonly string[], bom = false): string {
  return `${bom ? "\ufeff" : ""}${columns.map(quoted).join(",")}\n`;
}

/**
 * Rows as CSV text, each line ended by a line feed, after the header line (and byte order mark)
 * unless told otherwise. The same bytes as csv-stringify gives (a test holds the two together) at
 * a fraction of its cost per field, which convert pays on every row.
 */
export function stringifyRows(rows: CsvRow[], columns: string[], options: CsvOptions = {}): string {
  const header = options.header ?? true;
  let text = header ? csvHeader(columns, options.bom) : options.bom ? "\ufeff" : "";
  for (const row of rows) {
    let line = "";
    for (let index = 0; index < columns.length; index++) {
      if (index > 0) line += ",";
      line += csvField(row[columns[index]!] ?? null); // index < columns.length
    }
    text += `${line}\n`;
  }
  return text;
}

export function emitCsv(reports: Report[], kind: RecordKind, options: CsvOptions = {}): string {
  return stringifyRows(recordRows(reports, kind), csvColumns(kind), options);
}
