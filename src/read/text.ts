/**
 * The text reader: text extractions of Word documents, one table row per line, cells separated
 * by tabs. A run of tabbed lines is a table; a blank line ends it; a line without tabs is a
 * paragraph. Residue of conversion is cleaned here so the record parser never sees it.
 *
 * Lines are decoded one at a time and cells cut from them without intermediate arrays, and
 * textBlocks hands each block on as soon as it is complete: parsed as it is read, a 62 MB file
 * costs little beyond its bytes and the update being parsed.
 */
import type { Block, Cell, ReadDocument, Row, TableBlock } from "../model/blocks.js";
import { InputError } from "../errors.js";
import { decodeLines } from "./decode.js";
import { textToLines } from "./markup.js";

/** A markdown table separator line such as `--\t------` or `|---|:--:|`. */
function isSeparatorLine(line: string): boolean {
  if (!/^[\t |:-]+$/.test(line)) return false; // the common case, decided without splitting the line
  const cells = line.split(/[\t|]/).map((cell) => cell.trim());
  return cells.some((cell) => cell !== "") && cells.every((cell) => cell === "" || /^:?-{2,}:?$/.test(cell));
}

/**
 * Word tables have at most 63 columns; a line with far more tab-separated cells than that is not
 * a table row of a Word document, and reading it as one would cost memory and time in proportion
 * to its cells for nothing.
 */
const MAX_CELLS = 1000;

function tooManyCells(line: string): boolean {
  for (let tabs = 0, at = line.indexOf("\t"); at >= 0; at = line.indexOf("\t", at + 1)) if (++tabs >= MAX_CELLS) return true;
  return false;
}

/** The tab-separated cells of a line; trailing tabs are residue of the export, not cells anyone wrote. */
function cellsOf(line: string): Cell[] {
  let end = line.length;
  while (end > 0 && line.charCodeAt(end - 1) === 9) end--;
  const cells: Cell[] = [];
  for (let from = 0; ; ) {
    const tab = line.indexOf("\t", from);
    const to = tab < 0 || tab > end ? end : tab;
    cells.push({ lines: textToLines(line.slice(from, to)) });
    if (to >= end) return cells;
    from = to + 1;
  }
}

export function readText(bytes: Uint8Array): ReadDocument {
  return { format: "text", blocks: [...textBlocks(bytes)], notices: [] };
}

/**
 * The blocks of a text file one at a time, each as soon as it is complete (a table when a blank
 * line, a paragraph or the end closes it), so a caller that parses as it reads never holds the
 * blocks of a whole document. A line of too many cells throws when it is reached: see
 * mayHaveTooManyCells for a check before the first block.
 */
export function* textBlocks(bytes: Uint8Array): Generator<Block, void, undefined> {
  let table: TableBlock | null = null;
  let lineNumber = 0;
  for (const line of decodeLines(bytes)) {
    lineNumber++;
    if (!/\S/.test(line)) {
      if (table) yield table;
      table = null;
      continue;
    }
    if (isSeparatorLine(line)) continue;
    if (!line.includes("\t")) {
      if (table) yield table;
      table = null;
      const paragraph = textToLines(line).map((l) => l.text).join("\n");
      if (paragraph) yield { kind: "paragraph", text: paragraph, location: { line: lineNumber } };
      continue;
    }
    if (tooManyCells(line)) {
      throw new InputError(`line ${lineNumber} has more than ${MAX_CELLS.toLocaleString("en-GB")} tab-separated cells, and a Word table has at most 63 columns: not a text extraction of a performance update`, "unsupported");
    }
    const row: Row = { cells: cellsOf(line), location: { line: lineNumber } };
    table ??= { kind: "table", rows: [], location: { line: lineNumber } };
    table.rows.push(row);
  }
  if (table) yield table;
}

/**
 * Could some line of the file hold more cells than a Word table can (so that textBlocks would
 * throw part way)? Counted on the bytes, without decoding: a tab is the byte 0x09 in UTF-8 and
 * Windows-1252, and in UTF-16 a 0x09 byte may be half of another character, so the answer errs
 * towards yes, never no.
 */
export function mayHaveTooManyCells(bytes: Uint8Array): boolean {
  // Native scans for the next tab and the next line end of each kind, each cursor moving forward only.
  let lineFeed = bytes.indexOf(0x0a);
  let carriageReturn = bytes.indexOf(0x0d);
  let tabs = 0;
  for (let tab = bytes.indexOf(0x09); tab >= 0; tab = bytes.indexOf(0x09, tab + 1)) {
    if ((lineFeed >= 0 && lineFeed < tab) || (carriageReturn >= 0 && carriageReturn < tab)) {
      tabs = 0;
      if (lineFeed >= 0 && lineFeed < tab) lineFeed = bytes.indexOf(0x0a, tab);
      if (carriageReturn >= 0 && carriageReturn < tab) carriageReturn = bytes.indexOf(0x0d, tab);
    }
    if (++tabs >= MAX_CELLS) return true;
  }
  return false;
}
