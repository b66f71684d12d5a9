/**
 * Table recognition. Every table of an update is known by its header row, matched cell by cell
 * against alias lists; columns are then found by header text, never by position, because the
 * wording and order of headers vary between quarters and authors.
 */
import type { GridRow } from "./grid.js";

export type SectionKind = "priority" | "indicators" | "actions" | "contributors" | "contributors-alt";

/** One alias list per column role; the first pattern that matches a header cell wins. */
type AliasTable = Record<string, RegExp[]>;

const PRIORITY_COLUMNS: AliasTable = {
  title: [/^(?:improvement )?priority$/, /^improvement priority(?: title)?$/, /^title$/],
  leadOfficer: [/lead officer/, /^lead$/, /accountable officer/],
  organisation: [/^(?:lead )?organi[sz]ation$/, /^partner$/],
  overallRating: [/overall (?:progress )?rating/, /progress rating/, /^(?:overall )?rag(?: rating| status)?$/],
  direction: [/direction of travel/, /^direction$/, /^dot$/, /^trend$/],
};

const INDICATOR_COLUMNS: AliasTable = {
  ref: [/^pi ?ref(?:erence)?$/, /^(?:pi|indicator) (?:ref|no|number|code)$/, /^ref(?:erence)?$/, /^pi$/],
  definition: [/^definition$/, /^(?:pi |indicator )?(?:definition|description|title|name)$/, /^indicator$/],
  comments: [/^comments?$/, /^commentary$/, /^notes?$/],
  baseline: [/^baseline/],
  target: [/target/],
  result: [/year to date/, /\bytd\b/, /year end result/, /year ?end/, /outturn/, /^(?:actual|result|performance|latest)/, /result$/, /performance$/],
  rag: [/^rag/, /^rating$/, /^status$/],
  dataQuality: [/data quality/, /^dq$/],
};

const ACTION_COLUMNS: AliasTable = {
  progress: [/^(?:improvement priority )?progress/, /^progress as at/, /^achievements?/, /^update$/],
  actions: [/^key actions?/, /next steps/, /future milestones/, /^actions?$/, /^milestones?$/],
  risks: [/risk/, /challenges?/, /^issues?$/],
  officer: [/contributory officer/, /^(?:lead |responsible )?officer/, /^owner$/, /^responsible/, /^lead$/],
  timescale: [/timescale/, /^deadline/, /^due(?: date)?$/, /^target date$/, /^when$/, /^date$/],
  other: [/other information/, /^other$/, /^notes?$/, /^comments?$/],
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

const MAX_HEADER_CELL = 160;

export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u00a0\s]+/g, " ")
    .replace(/[:*]+$/g, "")
    .trim();
}

/** The role of a normalised header text in a table. */
function roleOf(header: string, table: AliasTable): string | null {
  if (!header) return null;
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
  /** Role of each grid column; an empty header column takes the role of the named column to its left. */
  roleByIndex: (string | null)[];
  headerRow: GridRow;
}

/** `texts` are the row's cells normalised once (every row is tried against several tables). */
function columnsOf(row: GridRow, texts: string[], table: AliasTable): Column[] {
  const columns: Column[] = [];
  texts.forEach((text, index) => {
    const role = roleOf(text, table);
    if (role) columns.push({ role, index, header: row.cells[index].trim() });
  });
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
  return { kind, columns, roleByIndex, headerRow: row };
}

const has = (columns: Column[], role: string) => columns.some((column) => column.role === role);

/** Recognise a header row, or return null. Order matters: contributors before actions. */
export function recogniseHeader(row: GridRow): Section | null {
  // Header cells are short; a row holding a long text is data (and lower-casing it is costly).
  if (row.cells.some((cell) => cell.length > MAX_HEADER_CELL)) return null;
  const texts = row.cells.map(normaliseHeader);
  if (texts.some((text) => /^internal contributors?$/.test(text))) {
    return sectionFrom("contributors-alt", row, columnsOf(row, texts, ALT_CONTRIBUTOR_COLUMNS));
  }
  if (texts.some((text) => /contributory officers$|contributing organi[sz]ations?/.test(text))) {
    return sectionFrom("contributors", row, columnsOf(row, texts, CONTRIBUTOR_COLUMNS));
  }
  const indicator = columnsOf(row, texts, INDICATOR_COLUMNS);
  if (has(indicator, "ref") && indicator.length >= 3 && (has(indicator, "target") || has(indicator, "result") || has(indicator, "baseline"))) {
    return sectionFrom("indicators", row, indicator);
  }
  const action = columnsOf(row, texts, ACTION_COLUMNS);
  if (has(action, "progress") && action.length >= 3) return sectionFrom("actions", row, action);
  if (has(action, "actions") && has(action, "timescale") && action.length >= 3) return sectionFrom("actions", row, action);
  const priority = columnsOf(row, texts, PRIORITY_COLUMNS);
  if (has(priority, "title") && priority.length >= 2) return sectionFrom("priority", row, priority);
  return null;
}

/** "Overall assessment of progress" (Q2) or "… 2008/09" (Q4): returns any text after the header words. */
export function matchAssessmentHeader(row: GridRow): { rest: string } | null {
  const cells = row.cells.map((cell) => cell.trim()).filter((cell) => cell !== "");
  if (cells.length !== 1) return null;
  const match = /^(?:overall )?assessment of progress(?: (?:in |for )?(?:\d{4}\/\d{2,4}|the year|the quarter))?\s*[:.-]?\s*([\s\S]*)$/i.exec(cells[0]);
  return match ? { rest: match[1].trim() } : null;
}

/** The "External Contributors" row of the alternative contributors layout. */
export function isExternalContributorsRow(row: GridRow): boolean {
  const cells = row.cells.map(normaliseHeader).filter((cell) => cell !== "");
  return cells.length === 1 && /^external contributors?$/.test(cells[0]);
}
