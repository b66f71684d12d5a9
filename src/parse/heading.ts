/**
 * The heading that opens each update:
 * `<Theme> 2008/09 Quarter 2 Performance Update … Reference … HM-1a`.
 * Reference = theme code + outcome number + priority letter.
 */
import themes from "../data/themes.json" with { type: "json" };
import type { GridRow } from "./grid.js";

export interface Heading {
  headingTheme: string;
  year: string;
  quarter: number;
  /** Normalised reference (HM-1a), or "" when the heading names none that can be read. */
  reference: string;
  /** The reference as written ("HM1a", "TP-Id"), or "" when the heading names none. */
  referenceRaw: string;
}

/** A reference as written, and its standard form ("" when it cannot be read as one). */
export interface WrittenReference {
  reference: string;
  raw: string;
}

/** "<Theme> 2008/09 Quarter 2 Performance Update"; also "Quarter Two", "Second Quarter", "Q2 (July - September)". */
const HEADING =
  /^(.*?)\s*(\d{4})\s*[/-]\s*(\d{2}|\d{4})\s*(?:(?:quarter|qtr|q)\s*([1-4]|one|two|three|four)|(first|second|third|fourth)\s+quarter)\s*(?:\([^)]*\)\s*)?performance\s+(?:update|report)/i;
const PERFORMANCE = /performance(?:\s+(?:update|report)|\s*$)/i;
const FOUR_DIGITS = /\d{4}/;
const QUARTER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, first: 1, second: 2, third: 3, fourth: 4 };
const REFERENCE = /\b([A-Z]{2,4})\s*[-–.]?\s*(\d{1,2})\s*([a-z])\b/;

export const THEME_PLACEHOLDER = /^leeds strategic plan theme$/i;

/** "TP 2a", "tp-2A", "TP2a", "TP-01d" → "TP-2a", "TP-1d": the standard form (reference-invalid says when it differs from the written one). */
export function normaliseReference(text: string): string | null {
  const match = REFERENCE.exec(text.trim().replace(/^reference[:\s]*/i, ""));
  if (!match) {
    const loose = /\b([A-Za-z]{2,4})\s*[-–.]?\s*(\d{1,2})\s*([A-Za-z])\b/.exec(text);
    if (!loose) return null;
    const [, letters = "", digits, letter = ""] = loose;
    return `${letters.toUpperCase()}-${Number(digits)}${letter.toLowerCase()}`;
  }
  return `${match[1]}-${Number(match[2])}${match[3]}`;
}

/** The standard form of a reference: theme code, hyphen, outcome number without a leading zero, priority letter. */
export const STANDARD_REFERENCE = /^([A-Z]{2,4})-([1-9]\d?)([a-z])$/;

const written = (raw: string): WrittenReference => ({ reference: normaliseReference(raw) ?? "", raw: raw.trim() });

function financialYear(start: string, end: string): string {
  return `${start}/${end.slice(-2)}`;
}

/** Recognise a heading row; the reference may be in a later cell of the same row. */
export function matchHeading(row: GridRow): Heading | null {
  // "Performance update" (or report) stands in one cell, or "performance" ends one and the
  // words go on in the next; the year's four digits stand whole in one cell (cells are joined
  // with spaces): cheap tests that spare the other rows the joining and the heading pattern.
  let performance = false;
  for (const cell of row.cells) {
    // A heading is a line or two; long cells are the prose of an update.
    if (cell.length > 400) return null;
    if (!performance && cell.length >= 11 && PERFORMANCE.test(cell)) performance = true;
  }
  if (!performance || !row.cells.some((cell) => FOUR_DIGITS.test(cell))) return null;
  const text = row.cells.map((cell) => cell.trim()).filter(Boolean).join(" \t ");
  const match = HEADING.exec(text.replace(/\s*\t\s*/g, " "));
  if (!match) return null;
  // HEADING's groups all take part, except that the quarter is a number or an ordinal word.
  const [, theme = "", start = "", end = "", number, ordinal] = match;
  const quarter = number ?? ordinal ?? "";
  const result: Heading = {
    headingTheme: theme.trim(),
    year: financialYear(start, end),
    quarter: QUARTER_WORDS[quarter.toLowerCase()] ?? Number(quarter),
    reference: "",
    referenceRaw: "",
  };
  const found = referenceInRow(row);
  if (found) Object.assign(result, { reference: found.reference, referenceRaw: found.raw });
  return result;
}

/**
 * The reference in a heading row: the cell after a "Reference" cell (kept as written even when
 * it cannot be read: "TP-Id"), or a cell that is only a reference.
 */
export function referenceInRow(row: GridRow): WrittenReference | null {
  const cells = row.cells.map((cell) => cell.trim()).filter(Boolean);
  const labelIndex = cells.findIndex((cell) => /^reference\b/i.test(cell));
  const label = cells[labelIndex];
  if (label !== undefined) {
    const inLabel = label.replace(/^reference[:\s]*/i, "");
    if (inLabel) return written(inLabel);
    const next = cells[labelIndex + 1];
    if (next && next.length <= 20) return written(next);
  }
  for (const cell of cells.slice(1)) {
    const reference = bareReference(cell);
    if (reference) return reference;
  }
  return null;
}

/** A cell that is only a reference ("TP-1a", "TP 1a"), or null. */
export function bareReference(cell: string): WrittenReference | null {
  return /^[A-Za-z]{2,4}\s*[-–.]?\s*\d{1,2}\s*[A-Za-z]$/.test(cell.trim()) ? written(cell) : null;
}

export interface ThemeInfo {
  code: string | null;
  name: string | null;
  placeholder: boolean;
}

/** Theme codes live in data (src/data/themes.json) so users can extend them through configuration. */
export function resolveTheme(headingTheme: string, reference: string, extraThemes: Record<string, string> = {}): ThemeInfo {
  const dash = reference.indexOf("-");
  const code = reference ? (dash < 0 ? reference : reference.slice(0, dash)) : null;
  const trimmed = headingTheme.trim();
  const placeholder = THEME_PLACEHOLDER.test(trimmed);
  // The code's name as themeCodes() would give it, looked up without copying both tables for every update.
  const named = code ? (Object.hasOwn(extraThemes, code) ? extraThemes[code] : (themes.codes as Record<string, string>)[code]) : undefined;
  const name = !placeholder && trimmed ? trimmed : named ? named : null;
  return { code, name, placeholder };
}

export function themeCodes(extraThemes: Record<string, string> = {}): Record<string, string> {
  return { ...(themes.codes as Record<string, string>), ...extraThemes };
}
