/**
 * Records to CSV, one row per record. Every row carries its source, reference, year and quarter
 * so that a CSV stands alone in a spreadsheet. Columns are fixed per record kind (the same for
 * every input), so files from many runs can be stacked.
 */
import { locationText } from "../model/location.js";
import type { Action, Contributor, Indicator, Priority, Report, Target, Value } from "../schema/records.js";

export const RECORD_KINDS = ["priorities", "indicators", "actions", "contributors"] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

type Cell = string | number | boolean | null;
export type CsvRow = Record<string, Cell>;

/**
 * One column of a record kind: its name, and its cell for one record of an update. The columns
 * below are the one description of each kind's rows: the header, the row objects (recordRows,
 * which the workbook uses) and the CSV lines (csvOfUpdate, which convert writes without making
 * row objects) all come from them.
 */
interface Column<R> {
  readonly name: string;
  // A method, so that a kind's columns stand for Column<unknown> where kinds are handled alike.
  cell(this: void, record: R, priority: Priority, report: Report): Cell | undefined;
}

interface RecordKindColumns<R> {
  /** Columns whose cells depend on the update alone: first in every row, their text made once an update. */
  shared: readonly Column<never>[];
  /** The records of one update, a row each. */
  records(this: void, priority: Priority): readonly R[];
  own: readonly Column<R>[];
}

const column = <R>(name: string, cell: (record: R, priority: Priority, report: Report) => Cell | undefined): Column<R> => ({ name, cell });

/** The five columns of a value, named after it: baseline_raw, baseline_value, ... */
function valueColumns<R>(prefix: string, valueOf: (record: R) => Value | null): Column<R>[] {
  return [
    column(`${prefix}_raw`, (record: R) => valueOf(record)?.raw ?? ""),
    column(`${prefix}_value`, (record: R) => valueOf(record)?.value ?? null),
    column(`${prefix}_unit`, (record: R) => valueOf(record)?.unit ?? null),
    column(`${prefix}_status`, (record: R) => valueOf(record)?.status ?? null),
    column(`${prefix}_period`, (record: R) => valueOf(record)?.period ?? null),
  ];
}

/** The first columns of every kind but priorities: where the record comes from, and its update. */
const UPDATE_COLUMNS: readonly Column<never>[] = [
  column("source", (_, __, report) => report.source.path),
  column("format", (_, __, report) => report.source.format),
  column("reference", (_, priority) => priority.reference),
  column("theme", (_, priority) => priority.theme),
  column("year", (_, priority) => priority.year),
  column("quarter", (_, priority) => priority.quarter),
];

const PRIORITY_COLUMNS: RecordKindColumns<Priority> = {
  shared: [],
  records: (priority) => [priority],
  own: [
    column("source", (_, __, report) => report.source.path),
    column("format", (_, __, report) => report.source.format),
    column("reference", (priority) => priority.reference),
    // As written in the heading ("HM1a", "TP-Id"), so an archive's irregular references stay findable.
    column("reference_raw", (priority) => priority.referenceRaw),
    column("theme", (priority) => priority.theme),
    column("year", (priority) => priority.year),
    column("quarter", (priority) => priority.quarter),
    column("title", (priority) => priority.title),
    column("lead_officer", (priority) => priority.leadOfficer),
    column("organisation", (priority) => priority.organisation),
    column("overall_rating", (priority) => priority.overallRating),
    column("direction_of_travel", (priority) => priority.directionOfTravel),
    column("indicators", (priority) => priority.indicators.length),
    column("actions", (priority) => priority.actions.length),
    column("contributors", (priority) => priority.contributors.length),
    column("assessment", (priority) => priority.assessment),
    column("location", (priority) => locationText(priority.location)),
  ],
};

/** An indicator with its target for the update's own year (or its first), and the others. */
interface IndicatorRecord {
  indicator: Indicator;
  ownYear: Target | null;
  laterTargets: Target[];
}

function indicatorRecord(indicator: Indicator, priority: Priority): IndicatorRecord {
  const ownYear = indicator.targets.find((target) => target.year === priority.year) ?? indicator.targets[0] ?? null;
  return { indicator, ownYear, laterTargets: indicator.targets.filter((target) => target !== ownYear) };
}

const INDICATOR_COLUMNS: RecordKindColumns<IndicatorRecord> = {
  shared: UPDATE_COLUMNS,
  records: (priority) => priority.indicators.map((indicator) => indicatorRecord(indicator, priority)),
  own: [
    column("ref", ({ indicator }) => indicator.ref),
    column("measure", ({ indicator }) => indicator.measure),
    column("definition", ({ indicator }) => indicator.definition),
    ...valueColumns("baseline", ({ indicator }: IndicatorRecord) => indicator.baseline),
    column("target_year", ({ ownYear }) => ownYear?.year ?? null),
    ...valueColumns("target", ({ ownYear }: IndicatorRecord) => ownYear),
    column("other_targets", ({ laterTargets }) => laterTargets.map((target) => `${target.year}: ${target.raw}`).join("; ")),
    column("result_kind", ({ indicator }) => indicator.result.kind),
    ...valueColumns("result", ({ indicator }: IndicatorRecord) => indicator.result),
    column("result_provisional", ({ indicator }) => indicator.result.provisional),
    column("rag", ({ indicator }) => indicator.rag),
    column("rag_raw", ({ indicator }) => indicator.ragRaw),
    column("rag_fill", ({ indicator }) => indicator.ragFill),
    column("forecast_value", ({ indicator }) => indicator.forecast?.value ?? null),
    column("data_quality", ({ indicator }) => indicator.dataQuality),
    column("comments", ({ indicator }) => indicator.comments),
    column("location", ({ indicator }) => locationText(indicator.location)),
  ],
};

const ACTION_COLUMNS: RecordKindColumns<Action> = {
  shared: UPDATE_COLUMNS,
  records: (priority) => priority.actions,
  own: [
    column("progress", (action) => action.progress),
    column("risks", (action) => action.risks),
    column("actions", (action) => action.actions),
    column("officer", (action) => action.officer),
    column("timescale", (action) => action.timescale.raw),
    column("due", (action) => action.timescale.due),
    column("timescale_kind", (action) => action.timescale.kind),
    column("other", (action) => action.other),
    column("location", (action) => locationText(action.location)),
  ],
};

const CONTRIBUTOR_COLUMNS: RecordKindColumns<Contributor> = {
  shared: UPDATE_COLUMNS,
  records: (priority) => priority.contributors,
  own: [
    column("side", (contributor) => contributor.side),
    column("name", (contributor) => contributor.name),
    column("organisation", (contributor) => contributor.organisation),
    column("rationale", (contributor) => contributor.rationale),
    column("engagement", (contributor) => contributor.engagement),
    column("location", (contributor) => locationText(contributor.location)),
  ],
};

const KIND_COLUMNS: Record<RecordKind, RecordKindColumns<unknown>> = {
  priorities: PRIORITY_COLUMNS,
  indicators: INDICATOR_COLUMNS,
  actions: ACTION_COLUMNS,
  contributors: CONTRIBUTOR_COLUMNS,
};

export function recordRows(reports: Report[], kind: RecordKind): CsvRow[] {
  const { shared, records, own } = KIND_COLUMNS[kind];
  const rows: CsvRow[] = [];
  for (const report of reports) {
    for (const priority of report.priorities) {
      for (const record of records(priority)) {
        const row: CsvRow = {};
        for (const { name, cell } of shared) row[name] = cell(record as never, priority, report) ?? null;
        for (const { name, cell } of own) row[name] = cell(record, priority, report) ?? null;
        rows.push(row);
      }
    }
  }
  return rows;
}

/** The fields of these columns for one record, as a CSV line without its line feed. */
function fieldsOf<R>(columns: readonly Column<R>[], record: R, priority: Priority, report: Report): string {
  let line = "";
  for (let index = 0; index < columns.length; index++) {
    if (index > 0) line += ",";
    line += csvField(columns[index]!.cell(record, priority, report) ?? null); // index < columns.length
  }
  return line;
}

/**
 * The CSV rows of one update of a report for a record kind, without a header: the same bytes as
 * stringifyRows(recordRows(...)) (a test holds them together), made without row objects, the
 * update's own columns written once for all its records.
 */
export function csvOfUpdate(report: Report, priority: Priority, kind: RecordKind): { text: string; rows: number } {
  const { shared, records, own } = KIND_COLUMNS[kind];
  const list = records(priority);
  if (list.length === 0) return { text: "", rows: 0 };
  const start = shared.length > 0 ? `${fieldsOf(shared, undefined as never, priority, report)},` : "";
  let text = "";
  for (const record of list) text += `${start}${fieldsOf(own, record, priority, report)}\n`;
  return { text, rows: list.length };
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
  const { shared, own } = KIND_COLUMNS[kind];
  return [...shared, ...own].map((column) => column.name);
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
  const header = options.header ?? true;
  let text = header ? csvHeader(csvColumns(kind), options.bom) : options.bom ? "\ufeff" : "";
  for (const report of reports) for (const priority of report.priorities) text += csvOfUpdate(report, priority, kind).text;
  return text;
}
