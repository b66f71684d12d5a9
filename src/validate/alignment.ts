/**
 * Whether a row's cells stand under their headers. A cell deleted, added or merged in one row of
 * a Word table moves the rest of that row along: the figures land one column to the right, a
 * target under Baseline, the result under RAG Rating, and every reading of the row is wrong.
 * Each column expects a kind of text (a PI Ref, figures, a rating, a date, a name, prose); a row
 * is shifted right when, from a blank cell on, its cells do not fit their columns as written but
 * every one fits the column to its left.
 */
import { parseRating } from "../parse/rag.js";
import { parseTimescale, type ReportPeriod } from "../parse/timescale.js";
import type { Action, Indicator, Location } from "../schema/records.js";

type Kind = "ref" | "name" | "figure" | "rating" | "timescale" | "person" | "prose";

export interface RowCell {
  /** The record's field (targets: "target"). */
  field: string;
  kind: Kind;
  text: string;
  location: Location;
}

export interface Shift {
  /** The blank cell the shift starts at; the cells after it belong one column to the left. */
  gap: RowCell;
  /** Cells that do not fit their column as written, each with why. */
  misfits: { cell: RowCell; why: string }[];
  /** The row read one column left from the gap: each column and the text that would be in it. */
  shifted: { column: RowCell; text: string }[];
}

const INDICATOR_KINDS: Record<string, Kind> = {
  ref: "ref",
  definition: "name",
  measure: "name",
  comments: "prose",
  baseline: "figure",
  result: "figure",
  rag: "rating",
  dataQuality: "prose",
};
const ACTION_KINDS: Record<string, Kind> = { progress: "prose", actions: "prose", risks: "prose", other: "prose", timescale: "timescale", officer: "person" };

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** "NI 187", "NI 6:", "LKI HAS4", "LSP-TP2b(ii)", "BV 12a": a PI Ref alone in its cell. */
export function looksLikeRef(text: string): boolean {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= 20 && /^[A-Z]{2,6}[\s-]*[A-Za-z]*[\s-]*\d+[A-Za-z]*(\([ivx\d]+\))?:?$/.test(flat);
}

/**
 * Why a text does not belong in a column of this kind, or null when it may. Only plain
 * mismatches count: prose columns take anything, and a short note fits almost anywhere.
 */
function misfit(kind: Kind, text: string, period: ReportPeriod): string | null {
  const flat = text.replace(/\s+/g, " ").trim();
  if (!flat) return null;
  const count = words(flat);
  switch (kind) {
    case "prose":
      return null;
    case "name":
      return looksLikeRef(flat) ? "a PI Ref" : null;
    case "ref":
      return count > 6 ? `${count} words of text` : null;
    case "figure":
      if (parseRating(flat)) return "a rating";
      if (looksLikeRef(flat)) return "a PI Ref";
      return count > 25 ? `${count} words of text` : null;
    case "rating":
      if (looksLikeRef(flat)) return "a PI Ref";
      return count > 8 ? `${count} words of text` : null;
    case "timescale":
      return count > 25 ? `${count} words of text, not a date` : null;
    case "person":
      if (count > 15) return `${count} words of text`;
      return count <= 4 && parseTimescale(flat, period).due ? "a date" : null;
  }
}

function byColumn(cells: RowCell[]): RowCell[] {
  return cells.filter((cell) => cell.location.cell !== undefined).sort((a, b) => a.location.cell! - b.location.cell!);
}

export function indicatorCells(indicator: Indicator): RowCell[] {
  const texts: Record<string, string> = {
    ref: indicator.ref,
    definition: indicator.definition,
    measure: indicator.measure ?? "",
    comments: indicator.comments,
    baseline: indicator.baseline.raw,
    result: indicator.result.raw,
    rag: indicator.ragRaw,
    dataQuality: indicator.dataQuality,
  };
  const cells: RowCell[] = [];
  for (const [field, location] of Object.entries(indicator.cells ?? {})) {
    const kind = INDICATOR_KINDS[field];
    if (kind && location) cells.push({ field, kind, text: texts[field] ?? "", location });
  }
  for (const target of indicator.targets) if (target.location) cells.push({ field: "target", kind: "figure", text: target.raw, location: target.location });
  return byColumn(cells);
}

export function actionCells(action: Action): RowCell[] {
  const texts: Record<string, string> = { ...action, timescale: action.timescale.raw } as unknown as Record<string, string>;
  const cells: RowCell[] = [];
  for (const [field, location] of Object.entries(action.cells ?? {})) {
    const kind = ACTION_KINDS[field];
    if (kind && location) cells.push({ field, kind, text: texts[field] ?? "", location });
  }
  return byColumn(cells);
}

/**
 * The first blank cell from which the row reads right one column to the left, or null. Needs a
 * plain misfit as written (a rating under a figure column, a paragraph under Timescale) that the
 * shifted reading mends, with nothing left that does not fit: a row that is merely unusual (a long
 * timescale note, a blank Next Steps) stays quiet.
 */
export function shiftedRight(cells: RowCell[], period: ReportPeriod): Shift | null {
  for (let gap = 0; gap < cells.length - 1; gap++) {
    if (cells[gap]!.text.trim()) continue;
    const after = cells.slice(gap + 1);
    const misfits = after.flatMap((cell) => {
      const why = misfit(cell.kind, cell.text, period);
      return why ? [{ cell, why }] : [];
    });
    if (misfits.length === 0) continue;
    // Read one column left: each column from the gap takes the next cell's text; the last is left blank.
    const shifted = cells.slice(gap).map((column, index) => ({ column, text: cells[gap + index + 1]?.text ?? "" }));
    if (shifted.every(({ column, text }) => misfit(column.kind, text, period) === null)) return { gap: cells[gap]!, misfits, shifted };
  }
  return null;
}
