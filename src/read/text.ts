/**
 * The text reader: text extractions of Word documents, one table row per line, cells separated
 * by tabs. A run of tabbed lines is a table; a blank line ends it; a line without tabs is a
 * paragraph. Residue of conversion is cleaned here so the record parser never sees it.
 */
import type { Block, Cell, ReadDocument, Row, TableBlock } from "../model/blocks.js";
import { decodeText } from "./decode.js";
import { textToLines } from "./markup.js";

/** A markdown table separator line such as `--\t------` or `|---|:--:|`. */
function isSeparatorLine(line: string): boolean {
  const cells = line.split(/[\t|]/).map((cell) => cell.trim());
  return cells.some((cell) => cell !== "") && cells.every((cell) => cell === "" || /^:?-{2,}:?$/.test(cell));
}

function toCell(raw: string): Cell {
  return { lines: textToLines(raw) };
}

export function readText(bytes: Uint8Array): ReadDocument {
  const { text } = decodeText(bytes);
  const blocks: Block[] = [];
  let table: TableBlock | null = null;

  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    if (line.trim() === "") {
      table = null;
      return;
    }
    if (isSeparatorLine(line)) return;
    if (!line.includes("\t")) {
      table = null;
      const paragraph = textToLines(line).map((l) => l.text).join("\n");
      if (paragraph) blocks.push({ kind: "paragraph", text: paragraph, location: { line: lineNumber } });
      return;
    }
    // Trailing tabs are residue of the export, not cells anyone wrote.
    const cells = line.replace(/\t+$/, "").split("\t").map(toCell);
    const row: Row = { cells, location: { line: lineNumber } };
    if (!table) {
      table = { kind: "table", rows: [], location: { line: lineNumber } };
      blocks.push(table);
    }
    table.rows.push(row);
  });

  return { format: "text", blocks, notices: [] };
}
