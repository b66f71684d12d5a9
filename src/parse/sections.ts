/**
 * Data rows to records, one function per kind of table. Cells are read by the role of their
 * column (see headers.ts), so the order and wording of the columns do not matter.
 */
import type { Action, Cells, Indicator, Location, Priority, Rating, Result, Target } from "../schema/records.js";
import type { GridRow } from "./grid.js";
import type { Section } from "./headers.js";
import { parseDirection, parseRating, ratingFromFill, splitRatingAndFigure } from "./rag.js";
import { parseTimescale } from "./timescale.js";
import { parseResult, parseTarget, parseValue } from "./values.js";
import { withoutTypedMarkup as clean } from "./residue.js";

/**
 * Figures read from the text without typed markup, the raw text kept as written. (parseValue and
 * the others return a new object every time: its raw is replaced in place, where it stands, rather
 * than the whole figure copied for it.)
 */
function asWritten<T extends { raw: string }>(figure: T, text: string): T {
  figure.raw = text.trim();
  return figure;
}
const valueOf = (text: string) => asWritten(parseValue(clean(text)), text);
const targetOf = (text: string, year: string) => asWritten(parseTarget(clean(text), year), text);
const resultOf = (text: string, kind: Result["kind"]) => asWritten(parseResult(clean(text), kind), text);

interface RoleCells {
  /** Text of each role, the cells of one role joined by line breaks (undefined once taken by the row above). */
  text: Record<string, string | undefined>;
  /** Fill of the first shaded cell of each role. */
  fill: Record<string, string | undefined>;
  /** Where each role was read: its first cell with text (else its first cell), with the column's header. */
  at: Cells;
}

/** The header of a grid column as written; a column past the header row's end takes its last header. */
function headerOf(section: Section, index: number): string {
  return section.headers[Math.min(index, section.headers.length - 1)] ?? "";
}

/**
 * A copy of a location, its keys in the same order. (Object.assign rather than a spread: V8
 * copies a spread object slowly when a property is added to the copy afterwards, as `column` is,
 * and this runs for every cell read.)
 */
export const copyLocation = (location: Location): Location => Object.assign({}, location);

/** A cell's location with its column's header. */
export function cellAt(section: Section, row: GridRow, index: number): Location {
  // A row cut short (no cell under a header at its end) still has the place the cell would take.
  const cell = row.cellLocations[index];
  const location = cell ? copyLocation(cell) : Object.assign(copyLocation(row.location), { cell: index + 1 });
  const header = headerOf(section, index);
  if (header) location.column = header;
  return location;
}

/**
 * `unplaced`: a role whose cells are placed elsewhere (a PI's targets, each with its own), left out of `at`.
 * A row's roles are gathered in slots, in the order first met, and found by identity (a role is
 * one of the alias tables' keys): objects keyed by role, grown and read cell by cell, cost more
 * than the rest of this. `at` gets its keys in the same order as ever: by first cell, then the
 * header's columns that the row falls short of.
 */
function cellsByRole(section: Section, row: GridRow, unplaced?: string): RoleCells {
  const roles: string[] = [];
  const texts: string[] = [];
  const shades: (string | undefined)[] = [];
  const places: (Location | undefined)[] = [];
  /** Whether each role is already placed at a cell that says something (text or colour). */
  const said: boolean[] = [];
  const { cells, fills } = row;
  for (let index = 0; index < cells.length; index++) {
    const role = section.roleByIndex[index];
    if (!role) continue;
    let slot = roles.indexOf(role);
    if (slot < 0) {
      slot = roles.push(role) - 1;
      texts.push("");
      shades.push(undefined);
      places.push(undefined);
      said.push(false);
    }
    const value = cells[index]!.trim(); // index < cells.length
    const shade = fills[index];
    if (value) {
      const before = texts[slot];
      texts[slot] = before ? `${before}\n${value}` : value;
    }
    if (shade && !shades[slot]) shades[slot] = shade;
    if (role === unplaced) continue;
    const says = value !== "" || !!shade;
    // A role spread over several cells (a merged header) is placed at its first cell that says something.
    if (!places[slot] || (says && !said[slot])) places[slot] = cellAt(section, row, index);
    if (says) said[slot] = true;
  }
  const text: Record<string, string | undefined> = {};
  const fill: Record<string, string | undefined> = {};
  const at: Cells = {};
  for (let slot = 0; slot < roles.length; slot++) {
    const role = roles[slot]!; // slot < roles.length, and the others are as long
    if (texts[slot]) text[role] = texts[slot];
    if (shades[slot]) fill[role] = shades[slot];
    const place = places[slot];
    if (place) at[role] = place;
  }
  for (const column of section.columns) if (column.role !== unplaced) at[column.role] ??= cellAt(section, row, column.index);
  return { text, fill, at };
}

/** A rating from the text, else from the cell's colour. */
function ratingOf(text: string, fill: string | undefined): { rating: Rating | null; fromFill: boolean } {
  const fromText = parseRating(clean(text));
  if (fromText) return { rating: fromText, fromFill: false };
  const fromColour = fill ? ratingFromFill(fill) : null;
  return { rating: fromColour, fromFill: fromColour !== null };
}

export function fillPriority(priority: Priority, section: Section, row: GridRow): void {
  const { text, fill, at } = cellsByRole(section, row);
  // Added to the update's own cells in place (a copy of them per update cost more than the rest of this).
  Object.assign((priority.cells ??= {}), at);
  priority.title = text.title ?? "";
  priority.leadOfficer = text.leadOfficer ?? "";
  priority.organisation = text.organisation ?? "";
  priority.overallRatingRaw = text.overallRating ?? "";
  priority.overallRatingFill = fill.overallRating ?? null;
  priority.overallRating = ratingOf(priority.overallRatingRaw, fill.overallRating).rating;
  priority.directionRaw = text.direction ?? "";
  priority.directionOfTravel = parseDirection(clean(priority.directionRaw));
}

/** "2008/09 Target" → 2008/09; a bare "Target" is the report's own year. */
function targetYear(header: string, reportYear: string): string {
  const match = /(\d{4})\s*[/-]\s*(\d{2,4})/.exec(header);
  if (!match) return reportYear;
  const [, start = "", end = ""] = match;
  return `${start}/${end.slice(-2)}`;
}

function isYearEnd(header: string, quarter: number): boolean {
  if (/year\s*end|outturn|annual/i.test(header)) return true;
  if (/year to date|ytd/i.test(header)) return false;
  return quarter === 4;
}

const VALUE_ROLES = ["baseline", "target", "result", "rag"];

export function addIndicator(priority: Priority, section: Section, row: GridRow): void {
  // Targets carry their own locations, one per year: not among the indicator's cells.
  const { text, fill, at } = cellsByRole(section, row, "target");
  const ref = clean(text.ref ?? "").replace(/[:.\s]+$/, "").trim();
  const previous = priority.indicators[priority.indicators.length - 1];
  const hasValues = VALUE_ROLES.some((role) => text[role]);

  // A row with an empty PI Ref continues the indicator above: a text carried over a page
  // break joins it; a row with figures of its own is a further measure of the same PI.
  if (!ref && previous && !hasValues) {
    for (const role of ["definition", "comments", "dataQuality"] as const) {
      const more = text[role];
      if (!more || more === previous[role]) continue;
      // A field first written on the continuing row is placed there.
      if (!previous[role] && at[role] && previous.cells) previous.cells[role] = at[role];
      previous[role] = previous[role] ? `${previous[role]}\n${more}` : more;
    }
    return;
  }

  const targets: Target[] = section.columns
    .filter((column) => column.role === "target")
    .map((column) => {
      const target: Target = targetOf(row.cells[column.index] ?? "", targetYear(column.header, priority.year));
      target.location = cellAt(section, row, column.index);
      return target;
    });
  const resultColumn = section.columns.find((column) => column.role === "result");
  const kind = isYearEnd(resultColumn?.header ?? "", priority.quarter) ? "year-end" : "year-to-date";
  const ragText = text.rag ?? "";
  const both = parseRating(clean(ragText)) ? null : splitRatingAndFigure(clean(ragText));
  const rating = both ? { rating: both.rating, fromFill: false } : ratingOf(ragText, fill.rag);
  const forecast = both ? parseValue(both.figure) : !rating.rating || rating.fromFill ? valueOf(ragText) : null;

  const indicator: Indicator = {
    ref: ref || (previous?.ref ?? ""),
    measure: null,
    definition: text.definition ?? "",
    comments: text.comments ?? "",
    baseline: valueOf(text.baseline ?? ""),
    targets,
    result: resultOf(text.result ?? "", kind),
    rag: rating.rating,
    ragRaw: ragText,
    ragFill: fill.rag ?? null,
    ragFromFill: rating.fromFill,
    forecast: forecast && forecast.value !== null ? forecast : null,
    hasRagColumn: section.columns.some((column) => column.role === "rag"),
    dataQuality: text.dataQuality ?? "",
    location: row.location,
    cells: at,
  };
  if (!ref && previous) {
    // Several rows of one PI: name each by what its baseline says it measures (SAP < 35, SAP > 65).
    indicator.measure = indicator.baseline.qualifier;
    if (previous.measure === null) previous.measure = previous.baseline.qualifier;
  }
  priority.indicators.push(indicator);
}

const ACTION_TEXT_ROLES = ["progress", "risks", "actions", "officer", "timescale", "other"] as const;

/**
 * A cell cut by a page break starts mid-sentence: in lower case, and either with a word that
 * cannot open a sentence ("with employers to develop…", TP-3a Q2) or after text that did not
 * end one. A lower-case noun after a full stop is more likely a typo ("intervention activities…").
 */
const JOINING_WORDS = /^(?:with|and|or|but|to|of|in|for|the|a|an|which|that|by|from|on|at|as|into|including|whilst|while|so|than)\b/;

function continuesSentence(value: string | undefined, before: string): boolean {
  if (!value || !/^[a-z]/.test(value) || !before) return false;
  return JOINING_WORDS.test(value) || !/[.!?:;)]\s*$/.test(before);
}

export function addAction(priority: Priority, section: Section, row: GridRow): void {
  const { text, at } = cellsByRole(section, row);
  const previous = priority.actions[priority.actions.length - 1];
  if (previous) {
    for (const role of ["progress", "risks", "actions", "other"] as const) {
      if (continuesSentence(text[role], previous[role])) {
        previous[role] = `${previous[role]} ${text[role]}`.trim();
        text[role] = undefined; // (not deleted: a deletion makes the object slow for every lookup after it)
      }
    }
  }
  if (!ACTION_TEXT_ROLES.some((role) => text[role])) return;

  const timescale = parseTimescale(clean(text.timescale ?? ""), { year: priority.year, quarter: priority.quarter });
  timescale.raw = (text.timescale ?? "").trim(); // as written (parseTimescale's answer is new: set in place, not copied)
  if (timescale.kind === "as-above" && previous) {
    timescale.due = previous.timescale.due;
    timescale.dates = [...previous.timescale.dates];
  }
  const progressColumn = section.columns.find((column) => column.role === "progress");
  const action: Action = {
    progress: text.progress ?? "",
    risks: text.risks ?? "",
    actions: text.actions ?? "",
    officer: text.officer ?? "",
    timescale,
    other: text.other ?? "",
    progressHeading: progressColumn?.header ?? "",
    location: row.location,
    cells: at,
  };
  priority.actions.push(action);
}

export function addContributors(priority: Priority, section: Section, row: GridRow, external: boolean): void {
  const { text, at } = cellsByRole(section, row);
  if (section.kind === "contributors-alt") {
    if (!Object.values(text).some(Boolean)) return;
    priority.contributors.push({
      side: external ? "external" : "internal",
      name: text.name ?? "",
      organisation: text.organisation ?? "",
      rationale: text.rationale ?? "",
      engagement: text.engagement ?? "",
      location: row.location,
      cells: at,
    });
    return;
  }
  // One row holds an internal officer on the left and a partner organisation on the right.
  const sides = [
    { side: "internal" as const, name: text.internalName, organisation: text.internalOrganisation, cells: { name: at.internalName, organisation: at.internalOrganisation } },
    { side: "external" as const, name: text.externalName, organisation: text.externalOrganisation, cells: { name: at.externalName, organisation: at.externalOrganisation } },
  ];
  for (const { side, name, organisation, cells } of sides) {
    if (!name && !organisation) continue;
    const placed: Cells = {};
    if (cells.name) placed.name = cells.name;
    if (cells.organisation) placed.organisation = cells.organisation;
    priority.contributors.push({ side, name: name ?? "", organisation: organisation ?? "", rationale: null, engagement: null, location: row.location, cells: placed });
  }
}
