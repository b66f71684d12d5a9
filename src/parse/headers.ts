/**
 * Table recognition. Every table of an update is known by its header row, matched cell by cell
 * against alias lists; columns are then found by header text, never by position, because the
 * wording and order of headers vary between quarters and authors.
 */
import type { GridRow } from "./grid.js";

export type SectionKind = "priority" | "indicators" | "actions" | "contributors" | "contributors-alt";

/** One alias list per column role; the first pattern that matches a header cell wins. */
type AliasTable = Record<string, RegExp[]>;

/*
 * The wordings councils use for each field, in their templates and in officers' hands (the
 * Leeds templates of 2008/09; the "Performance Indicator | RAG Status | Year to date result"
 * and "Progress to date | Responsible Officer | Deadline" of other councils' trackers). Patterns
 * match a header after normaliseHeader (lower case, spaces tidied, trailing colon dropped).
 */
const PRIORITY_COLUMNS: AliasTable = {
  title: [/^(?:improvement )?priority$/, /^improvement priority(?: title| description)?$/, /^(?:priority )?title$/, /^(?:priority )?outcome$/],
  leadOfficer: [/lead officer/, /^lead$/, /accountable officer/, /^responsible officer/, /^(?:priority )?lead$/, /^senior responsible officer$/, /^sro$/],
  organisation: [/^(?:lead )?organi[sz]ations?(?:\(s\))?$/, /^partner$/, /^(?:lead )?agency$/, /^lead partner$/],
  overallRating: [/overall (?:progress )?rating/, /progress rating/, /^(?:overall )?rag(?: rating| status)?$/, /^overall (?:rag|status)$/, /^(?:overall )?status$/],
  direction: [/direction of travel/, /^direction$/, /^dot$/, /^trend$/, /^travel$/],
};

const INDICATOR_COLUMNS: AliasTable = {
  ref: [/^pi ?ref(?:erence)?$/, /^(?:pi|ni|kpi|indicator|measure) (?:ref|no|number|code|reference)$/, /^ref(?:erence)?$/, /^(?:pi|ni|kpi)$/, /^(?:performance )?indicator$/, /^measure$/],
  definition: [/^definition$/, /^(?:pi |indicator |measure )?(?:definition|description|title|name)$/],
  comments: [/^comments?$/, /^commentary$/, /^notes?$/, /^performance commentary$/, /^explanation$/, /^narrative$/, /^remarks$/],
  baseline: [/^base ?line/, /^starting point$/],
  target: [/target/],
  result: [/year to date/, /\bytd\b/, /year end result/, /year ?end/, /outturn/, /^(?:actual|result|performance|latest|current)/, /result$/, /performance$/, /to date$/, /^q[1-4] (?:result|figure|performance|actual)$/],
  rag: [/^rag/, /^(?:performance )?rating$/, /^status$/, /^traffic light/],
  dataQuality: [/data quality/, /^dq$/],
};

const ACTION_COLUMNS: AliasTable = {
  progress: [/^(?:improvement priority )?progress/, /^progress as at/, /^achievements?/, /^(?:progress )?update$/],
  actions: [/^key actions?/, /next steps/, /future milestones/, /^(?:planned )?actions?$/, /^(?:key )?milestones?$/, /^what will be done$/],
  risks: [/risk/, /challenges?/, /^issues?$/, /^barriers?$/],
  officer: [/contributory officer/, /^(?:lead |responsible |action )?officers?(?:\(s\))?$/, /^(?:action )?owner$/, /^responsible/, /^lead$/, /^who$/],
  timescale: [/timescale/, /^deadline/, /^due(?: date)?$/, /^target date$/, /^when$/, /^by when$/, /^date$/, /^completion date$/],
  other: [/other information/, /^other$/, /^notes?$/, /^comments?$/, /^additional information$/],
};

const CONTRIBUTOR_COLUMNS: AliasTable = {
  internalName: [/contributory officers$/, /^internal officers?$/, /^council officers?$/],
  internalOrganisation: [/directorate/, /^department$/, /^service$/],
  externalOrganisation: [/contributing organi[sz]ations?/, /^partner organi[sz]ations?$/, /^partners?$/, /^external organi[sz]ations?$/],
  externalName: [/^contributory officer$/, /^partner officer$/, /^contact$/],
};

const ALT_CONTRIBUTOR_COLUMNS: AliasTable = {
  name: [/^internal contributors?$/, /^contributors?$/],
  organisation: [/^organi[sz]ation$/, /directorate/],
  rationale: [/rationale/],
  engagement: [/how will .*engaged/, /engage/],
};

/** The fields a header can be mapped onto with "headers" in the configuration (HeaderField in schema/config.ts): table.field. */
export const HEADER_FIELDS: readonly string[] = [
  ...Object.keys(PRIORITY_COLUMNS).map((role) => `priority.${role}`),
  ...Object.keys(INDICATOR_COLUMNS).map((role) => `indicator.${role}`),
  ...Object.keys(ACTION_COLUMNS).map((role) => `action.${role}`),
];

/** Header texts mapped onto fields by the user ("So far" → indicator.result), keyed by normalised header. */
export type HeaderMap = ReadonlyMap<string, string>;

export function headerMap(headers: Record<string, string> | undefined): HeaderMap {
  return new Map(Object.entries(headers ?? {}).map(([text, field]) => [normaliseHeader(text), field]));
}

const MAX_HEADER_CELL = 160;

/*
 * Tests on a cell's raw text that its normalised text must pass to match the patterns below, so
 * that most data cells are never normalised. Every header of a contributors table says
 * "contribut…"; every key column's header (PI Ref, progress, actions, title: see
 * recogniseHeader) starts with the first word of one of their synonyms, or names next steps or
 * future milestones. A PI, NI or KPI followed by a number is an indicator's reference ("NI 110:",
 * on every row of a PI table), never a header. (U+212A, the Kelvin sign, lower-cases to k, which
 * /k/i does not match; no other character lower-cases to a letter these words need.)
 */
const CONTRIBUT = /contribut/i;
const MAY_NAME_KEY =
  /^\s*(?:(?:p|n|[k\u212a]p)i(?!\s*\d)|indicator|measure|ref|performance|improvement|progress|achievement|update|[k\u212a]ey|planned|action|milestone|what|priority|title|outcome)|next\s+steps|future\s+milestones/i;

export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u00a0\s]+/g, " ")
    .replace(/[:*]+$/g, "")
    .trim();
}

/**
 * Whether any of the texts could take `role` in `table` (the user's mapping or one of the role's
 * synonyms). A table is recognised only when some column takes its key role (a PI table its
 * PI Ref, an action table its progress or actions, the priority table its title), so a row
 * where none can is passed over without trying every synonym of every role on every cell: most
 * rows are data, and their cells match no key role's synonym, which are anchored and fail fast.
 */
function anyCanTake(texts: string[], table: AliasTable, roles: string[], custom: { map: HeaderMap; table: string }): boolean {
  const fields = roles.map((role) => `${custom.table}.${role}`);
  return texts.some((text) => {
    if (!text) return false;
    const mapped = custom.map.get(text);
    if (mapped) return fields.includes(mapped);
    return roles.some((role) => table[role]!.some((pattern) => pattern.test(text))); // roles: keys of table
  });
}

/** The role of a normalised header text in a table: the user's mapping first, then the synonyms. */
function roleOf(header: string, table: AliasTable, custom?: { map: HeaderMap; table: string }): string | null {
  if (!header) return null;
  const mapped = custom?.map.get(header);
  if (mapped) {
    const [table, role] = mapped.split(".");
    return table === custom!.table ? (role ?? null) : null;
  }
  for (const [role, patterns] of Object.entries(table)) {
    if (patterns.some((pattern) => pattern.test(header))) return role;
  }
  return null;
}

export interface Column {
  role: string;
  index: number;
  header: string;
}

export interface Section {
  kind: SectionKind;
  columns: Column[];
  /** Header cells with text that names no field: their columns are not read (unrecognised-content names them). */
  unplaced: { index: number; header: string }[];
  /** Role of each grid column; an empty header column takes the role of the named column to its left. */
  roleByIndex: (string | null)[];
  /** Header of each grid column as written, spaces tidied; an empty header cell takes the named one to its left ("" when none). */
  headers: string[];
  headerRow: GridRow;
}

/** `texts` are the row's cells normalised once (every row is tried against several tables). */
function columnsOf(row: GridRow, texts: string[], table: AliasTable, custom?: { map: HeaderMap; table: string }): Column[] {
  const columns: Column[] = [];
  texts.forEach((text, index) => {
    const role = roleOf(text, table, custom);
    if (role) columns.push({ role, index, header: row.cells[index]!.trim() }); // texts: one per cell
  });
  // "Indicator" or "Measure" names the PI Ref, unless another column does: then it is the definition ("PI Ref | Indicator").
  const refs = columns.filter((column) => column.role === "ref");
  if (refs.length > 1 && !columns.some((column) => column.role === "definition")) {
    const loose = refs.find((column) => /^(?:(?:performance )?indicator|measure)$/.test(normaliseHeader(column.header)));
    if (loose) loose.role = "definition";
  }
  return columns;
}

function sectionFrom(kind: SectionKind, row: GridRow, columns: Column[]): Section {
  const roleByIndex: (string | null)[] = [];
  let previous: string | null = null;
  row.cells.forEach((cell, index) => {
    const column = columns.find((c) => c.index === index);
    if (column) previous = column.role;
    // An empty header cell is what a merged header cell becomes; a named but unknown one is not ours.
    roleByIndex[index] = column ? column.role : cell.trim() === "" ? previous : null;
  });
  const unplaced = row.cells.flatMap((cell, index) => (cell.trim() && roleByIndex[index] === null ? [{ index, header: cell.trim() }] : []));
  // Each column's header once, for every cell read below it (an empty one, left of a merge, takes the named one to its left).
  const headers: string[] = [];
  let named = "";
  for (const cell of row.cells) {
    named = cell.replace(/\s+/g, " ").trim() || named;
    headers.push(named);
  }
  return { kind, columns, roleByIndex, headers, unplaced, headerRow: row };
}

const has = (columns: Column[], role: string) => columns.some((column) => column.role === role);

/** Rows already worked out, by their cells joined: each with its cells (to tell two rows that join alike apart) and its section or null. */
export type KnownHeaders = Map<string, { cells: string[]; section: Section | null }>;

/*
 * The rows worked out without a mapping of the user's, shared by every document this process
 * parses: each document of a batch repeats its template's header rows, and a row's section is a
 * function of its cells alone. Emptied when full, so that a run over many templates, or a long
 * document of rows that look like headers, holds no more than this many.
 */
const SHARED_HEADERS: KnownHeaders = new Map();
const MAX_KNOWN_HEADERS = 512;

/** Where recogniseHeader keeps the header rows it has worked out while parsing one document. */
export function knownHeaders(custom: HeaderMap): KnownHeaders {
  if (custom.size === 0) return SHARED_HEADERS;
  // A user's mapping makes other sections of the same rows: those are kept for this document only.
  const ownHeaders: KnownHeaders = new Map();
  return ownHeaders;
}

/**
 * Recognise a header row, or return null. Order matters: contributors before actions. `known`
 * holds the rows already worked out (knownHeaders): a section is read only, so one can serve
 * every row that is the same.
 */
export function recogniseHeader(row: GridRow, custom: HeaderMap = new Map(), known?: KnownHeaders): Section | null {
  const { cells } = row;
  const everyCell = custom.size > 0;
  let contributors = false;
  let mayNameKey = everyCell;
  for (const cell of cells) {
    // Header cells are short; a row holding a long text is data (and lower-casing it is costly).
    if (cell.length > MAX_HEADER_CELL) return null;
    if (!contributors && CONTRIBUT.test(cell)) contributors = true;
    if (!mayNameKey && MAY_NAME_KEY.test(cell)) mayNameKey = true;
  }
  // Most rows are data: no cell could name a key column, nor say contributors.
  if (!contributors && !mayNameKey) return null;
  // Every update of a document repeats the same header rows: each is worked out once.
  const signature = known ? cells.join("\n") : "";
  const seen = known?.get(signature);
  if (seen && sameCells(seen.cells, cells)) return seen.section && { ...seen.section, headerRow: row };
  const section = headerOf(row, custom, contributors);
  if (known && !seen) {
    if (known.size >= MAX_KNOWN_HEADERS) known.clear();
    known.set(signature, { cells, section });
  }
  return section;
}

function sameCells(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/** recogniseHeader's answer for a row that passed its first tests. */
function headerOf(row: GridRow, custom: HeaderMap, contributors: boolean): Section | null {
  // The other tables need two or three named columns, one of them in its key role: only the
  // cells that may name a key column are normalised to find one (any cell, when the user maps headers).
  const keyTexts = custom.size > 0 ? row.cells.map(normaliseHeader) : row.cells.filter((cell) => MAY_NAME_KEY.test(cell)).map(normaliseHeader);
  const keys = {
    indicator: anyCanTake(keyTexts, INDICATOR_COLUMNS, ["ref"], { map: custom, table: "indicator" }),
    action: anyCanTake(keyTexts, ACTION_COLUMNS, ["progress", "actions"], { map: custom, table: "action" }),
    priority: anyCanTake(keyTexts, PRIORITY_COLUMNS, ["title"], { map: custom, table: "priority" }),
  };
  if (!contributors && !keys.indicator && !keys.action && !keys.priority) return null;
  return sectionOf(row, custom, contributors, keys);
}

/** The section a row opens, tried against every table without the pre-checks of recogniseHeader (a test holds the two to the same answers). */
export function sectionOf(row: GridRow, custom: HeaderMap, contributors: boolean, keys: { indicator: boolean; action: boolean; priority: boolean }): Section | null {
  const texts = row.cells.map(normaliseHeader);
  if (contributors) {
    if (texts.some((text) => /^internal contributors?$/.test(text))) {
      return sectionFrom("contributors-alt", row, columnsOf(row, texts, ALT_CONTRIBUTOR_COLUMNS));
    }
    if (texts.some((text) => /contributory officers$|contributing organi[sz]ations?/.test(text))) {
      return sectionFrom("contributors", row, columnsOf(row, texts, CONTRIBUTOR_COLUMNS));
    }
  }
  let named = 0;
  for (const text of texts) if (text) named++;
  if (keys.indicator && named >= 3) {
    const indicator = columnsOf(row, texts, INDICATOR_COLUMNS, { map: custom, table: "indicator" });
    if (has(indicator, "ref") && indicator.length >= 3 && (has(indicator, "target") || has(indicator, "result") || has(indicator, "baseline"))) {
      return sectionFrom("indicators", row, indicator);
    }
  }
  if (keys.action && named >= 3) {
    const action = columnsOf(row, texts, ACTION_COLUMNS, { map: custom, table: "action" });
    if (has(action, "progress") && action.length >= 3) return sectionFrom("actions", row, action);
    if (has(action, "actions") && has(action, "timescale") && action.length >= 3) return sectionFrom("actions", row, action);
  }
  if (keys.priority && named >= 2) {
    const priority = columnsOf(row, texts, PRIORITY_COLUMNS, { map: custom, table: "priority" });
    if (has(priority, "title") && priority.length >= 2) return sectionFrom("priority", row, priority);
  }
  return null;
}

/** "Overall assessment of progress" (Q2) or "… 2008/09" (Q4): returns any text after the header words. */
const trimmed = (cell: string) => cell.trim();

export function matchAssessmentHeader(row: GridRow): { rest: string } | null {
  const only = onlyCell(row.cells, trimmed);
  if (!only) return null;
  const match = /^(?:overall )?assessment of progress(?: (?:in |for )?(?:\d{4}\/\d{2,4}|the year|the quarter))?\s*[:.-]?\s*([\s\S]*)$/i.exec(only);
  return match ? { rest: (match[1] ?? "").trim() } : null;
}

const EXTERNAL_CONTRIBUTOR = /external\s+contributor/i;

/** The "External Contributors" row of the alternative contributors layout. */
export function isExternalContributorsRow(row: GridRow): boolean {
  // Asked of every contributors row: one without the words is answered without normalising its cells.
  if (!row.cells.some((cell) => EXTERNAL_CONTRIBUTOR.test(cell))) return false;
  const only = onlyCell(row.cells, normaliseHeader);
  return only !== null && /^external contributors?$/.test(only);
}

/** The one cell of a row that is not empty once tidied by `tidy`, or null when none or several are (every data row is asked). */
function onlyCell(cells: string[], tidy: (cell: string) => string): string | null {
  let only: string | null = null;
  for (const cell of cells) {
    const text = tidy(cell);
    if (text === "") continue;
    if (only !== null) return null;
    only = text;
  }
  return only;
}
