/**
 * The record parser: blocks → updates. It walks grid rows in order; a heading opens an update,
 * a recognised header row opens a section (priority, indicators, actions, contributors) whose
 * columns are known by header text, and the data rows that follow fill it. It never knows which
 * format the blocks came from.
 */
import type { BlockStream } from "../model/blocks.js";
import type { Location, Priority, Report, Unrecognised } from "../schema/records.js";
import { filledCells, gridRows, isEmptyRow, RowWindow, type GridRow } from "./grid.js";
import { headerMap, isExternalContributorsRow, knownHeaders, matchAssessmentHeader, recogniseHeader, type Section } from "./headers.js";
import { bareReference, matchHeading, referenceInRow, resolveTheme, type Heading } from "./heading.js";
import { addAction, addContributors, addIndicator, copyLocation, fillPriority } from "./sections.js";

export interface ParseOptions {
  /** Extra theme codes, e.g. { "CU": "Culture" }. */
  themes?: Record<string, string>;
  /** Header texts of other templates mapped onto fields, e.g. { "So far": "indicator.result" }. */
  headers?: Record<string, string>;
}

const TABLE_NAMES: Record<Section["kind"], string> = {
  priority: "Improvement Priority",
  indicators: "PI",
  actions: "action",
  contributors: "contributors",
  "contributors-alt": "contributors",
};

type State =
  | { kind: "none" }
  | { kind: "assessment" }
  | { kind: "table"; section: Section; block: number; seenData: boolean; external: boolean };

function newPriority(heading: Heading, row: GridRow, options: ParseOptions): Priority {
  const theme = resolveTheme(heading.headingTheme, heading.reference, options.themes);
  return {
    reference: heading.reference,
    referenceRaw: heading.referenceRaw,
    themeCode: theme.code,
    theme: theme.name,
    headingTheme: heading.headingTheme,
    themePlaceholder: theme.placeholder,
    year: heading.year,
    quarter: heading.quarter,
    title: "",
    leadOfficer: "",
    organisation: "",
    overallRating: null,
    overallRatingRaw: "",
    overallRatingFill: null,
    directionOfTravel: null,
    directionRaw: "",
    hasDirectionColumn: false,
    assessment: "",
    indicators: [],
    actions: [],
    contributors: [],
    unrecognised: [],
    location: row.location,
    cells: { heading: firstFilledCell(row) },
  };
}

/** Where a row's first cell with text stands (a heading, an assessment), with a column name when it has one. */
function firstFilledCell(row: GridRow, column?: string): Location {
  const index = Math.max(0, row.cells.findIndex((cell) => cell.trim() !== ""));
  const location = copyLocation(row.cellLocations[index] ?? row.location);
  if (column) location.column = column;
  return location;
}

function unrecognisedFrom(row: GridRow): Unrecognised {
  return { kind: row.isParagraph ? "paragraph" : "rows", text: filledCells(row).join(" | "), location: row.isParagraph ? row.location : firstFilledCell(row) };
}

/** Keep consecutive unrecognised rows of one table together as one entry. */
function keepUnrecognised(list: Unrecognised[], row: GridRow, lastBlock: { value: number }) {
  const previous = list[list.length - 1];
  if (previous && !row.isParagraph && previous.kind !== "paragraph" && lastBlock.value === row.block) {
    previous.text += `\n${filledCells(row).join(" | ")}`;
    previous.kind = "table";
  } else {
    list.push(unrecognisedFrom(row));
  }
  lastBlock.value = row.block;
}

export function parseReport(document: BlockStream, path: string, options: ParseOptions = {}): Report {
  const { report, updates } = parseUpdates(document, path, options);
  for (const priority of updates) report.priorities.push(priority);
  return report;
}

export interface ParsedUpdates {
  /** The report without its updates: `unrecognised` is complete once `updates` is. */
  report: Report;
  /** Each update as soon as it is complete (when the next heading or the end is reached). */
  updates: Generator<Priority, void, undefined>;
}

/**
 * The updates of a document one at a time, as its blocks are read: a caller that writes each
 * one out and lets it go holds one update at a time, however large the document.
 */
export function parseUpdates(document: BlockStream, path: string, options: ParseOptions = {}): ParsedUpdates {
  const report: Report = {
    source: { path, format: document.format },
    priorities: [],
    unrecognised: [],
    notices: document.notices.map((notice) => ({ ...notice })),
  };
  return { report, updates: updatesOf(document, report, options) };
}

function* updatesOf(document: BlockStream, report: Report, options: ParseOptions): Generator<Priority, void, undefined> {
  // Rows by index as before, but read only as far as the parser looks ahead and forgotten once passed.
  const rows = new RowWindow(gridRows(document.blocks));
  let priority: Priority | null = null;
  let state: State = { kind: "none" };
  const lastUnrecognisedBlock = { value: -1 };
  const customHeaders = headerMap(options.headers);
  const known = knownHeaders(customHeaders);

  for (let i = 0; ; i++) {
    rows.forgetBefore(i);
    const row = rows.at(i);
    if (!row) break;
    if (isEmptyRow(row)) continue;

    const heading = matchHeading(row);
    if (heading) {
      // A heading whose reference sits in the next row or two (a heading split over cells or lines).
      for (let look = i + 1; !heading.referenceRaw && look < i + 3; look++) {
        const next = rows.at(look);
        if (!next) break;
        const cells = filledCells(next);
        // "Reference | TP-1a" on a row of its own, or the reference alone (one cell per line).
        const reference = cells.length === 1 ? bareReference(cells[0]!) : cells.length === 2 ? referenceInRow(next) : null;
        if (reference) {
          heading.reference = reference.reference;
          heading.referenceRaw = reference.raw;
          i = look;
        }
      }
      if (priority) yield priority;
      priority = newPriority(heading, row, options);
      state = { kind: "none" };
      continue;
    }

    const header = recogniseHeader(row, customHeaders, known);
    if (header) {
      // Named header cells that match no field: their columns are not read, and the user is told which.
      for (const cell of header.unplaced) {
        (priority?.unrecognised ?? report.unrecognised).push({ kind: "column", text: `${TABLE_NAMES[header.kind]} table: ${cell.header}`, location: row.location });
      }
      state = { kind: "table", section: header, block: row.block, seenData: false, external: false };
      if (priority && header.kind === "priority") {
        priority.hasDirectionColumn = header.columns.some((column) => column.role === "direction");
      }
      continue;
    }

    const assessment = matchAssessmentHeader(row);
    if (assessment && priority) {
      state = { kind: "assessment" };
      const first = filledCells(row)[0] ?? "";
      const header = first.slice(0, first.length - assessment.rest.length).replace(/\s+/g, " ").trim();
      (priority.cells ??= {}).assessment = firstFilledCell(row, header);
      if (assessment.rest) priority.assessment = assessment.rest;
      continue;
    }

    if (!priority) {
      keepUnrecognised(report.unrecognised, row, lastUnrecognisedBlock);
      continue;
    }

    // The assessment is prose: a row of several filled cells is a table after it that matched
    // no known header, kept as unrecognised rather than read into the assessment.
    if (state.kind === "assessment" && filledCells(row).length > 1 && !row.isParagraph) state = { kind: "none" };
    if (state.kind === "assessment") {
      const text = filledCells(row).join("\n");
      // The assessment is placed at its first text (the header row stands for a blank one).
      if (!priority.assessment && priority.cells?.assessment) priority.cells.assessment = firstFilledCell(row, priority.cells.assessment.column);
      priority.assessment = priority.assessment ? `${priority.assessment}\n\n${text}` : text;
      continue;
    }

    if (state.kind === "table") {
      // A section runs within its table; a later table continues it only when it has the same
      // shape and no header of its own (a table split by a page break).
      const sameTable = row.block === state.block;
      const continuesSplitTable =
        !sameTable && !row.isParagraph && state.section.kind !== "priority" && row.cells.length === state.section.headerRow.cells.length;
      if (sameTable || continuesSplitTable) {
        state.block = row.block;
        if (state.section.kind === "priority") {
          if (!state.seenData) fillPriority(priority, state.section, row);
          else keepUnrecognised(priority.unrecognised, row, lastUnrecognisedBlock);
        } else if (state.section.kind === "indicators") {
          addIndicator(priority, state.section, row);
        } else if (state.section.kind === "actions") {
          addAction(priority, state.section, row);
        } else if (isExternalContributorsRow(row)) {
          state.external = true;
        } else {
          addContributors(priority, state.section, row, state.external);
        }
        state.seenData = true;
        continue;
      }
      // The priority table's data row may stand in the next table when Word split the two.
      if (state.section.kind === "priority" && !state.seenData && !row.isParagraph) {
        fillPriority(priority, state.section, row);
        state.seenData = true;
        state.block = row.block;
        continue;
      }
      state = { kind: "none" };
    }

    keepUnrecognised(priority.unrecognised, row, lastUnrecognisedBlock);
  }
  if (priority) yield priority;
}
