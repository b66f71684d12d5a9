/**
 * The text reader: text extractions of Word documents, one table row per line, cells separated
 * by tabs. A run of tabbed lines is a table; a blank line ends it; a line without tabs is a
 * paragraph. Residue of conversion is cleaned here so the record parser never sees it.
 *
 * Lines are decoded one at a time and cells cut from them without intermediate arrays: a 62 MB
 * file, or one line of millions of cells, costs little beyond the blocks it becomes.
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
  const blocks: Block[] = [];
  let table: TableBlock | null = null;
  let lineNumber = 0;
  for (const line of decodeLines(bytes)) {
    lineNumber++;
    if (!/\S/.test(line)) {
      table = null;
      continue;
    }
    if (isSeparatorLine(line)) continue;
    if (!line.includes("\t")) {
      table = null;
      const paragraph = textToLines(line).map((l) => l.text).join("\n");
      if (paragraph) blocks.push({ kind: "paragraph", text: paragraph, location: { line: lineNumber } });
      continue;
    }
    if (tooManyCells(line)) {
      throw new InputError(`line ${lineNumber} has more than ${MAX_CELLS.toLocaleString("en-GB")} tab-separated cells, and a Word table has at most 63 columns: not a text extraction of a performance update`, "unsupported");
    }
    const row: Row = { cells: cellsOf(line), location: { line: lineNumber } };
    if (!table) {
      table = { kind: "table", rows: [], location: { line: lineNumber } };
      blocks.push(table);
    }
    table.rows.push(row);
  }
  return { format: "text", blocks, notices: [] };
}
