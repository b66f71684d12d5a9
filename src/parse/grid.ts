/**
 * Blocks to a flat stream of grid rows. Headers are matched by text wherever they stand (a
 * heading, a PI header and an action header can all sit in one table, as TP-1a Q4 does), so
 * the parser walks rows, not tables. A paragraph is a row of one cell.
 */
import { cellText, columnSpan, type Block, type SourceLocation } from "../model/blocks.js";

export interface GridRow {
  /** Cell texts by grid column: a cell spanning n columns is followed by n-1 empty strings. */
  cells: string[];
  /** Fill colour by grid column, where the cell is shaded. */
  fills: (string | undefined)[];
  location: SourceLocation;
  /** Where each grid column's cell stands (a spanning cell's location repeated over its columns). */
  cellLocations: SourceLocation[];
  /** Index of the block the row came from, so sections can tell where a table ends. */
  block: number;
  isParagraph: boolean;
}

export function toGridRows(blocks: Block[]): GridRow[] {
  const rows: GridRow[] = [];
  blocks.forEach((block, blockIndex) => {
    if (block.kind === "paragraph") {
      rows.push({ cells: [block.text], fills: [undefined], location: block.location, cellLocations: [block.location], block: blockIndex, isParagraph: true });
      return;
    }
    for (const row of block.rows) {
      const cells: string[] = [];
      const fills: (string | undefined)[] = [];
      const cellLocations: SourceLocation[] = [];
      for (const cell of row.cells) {
        const span = columnSpan(cell);
        const location = cell.location ?? { ...row.location, cell: cells.length + 1 };
        cells.push(cellText(cell));
        fills.push(cell.fill);
        cellLocations.push(location);
        for (let i = 1; i < span; i++) {
          cells.push("");
          fills.push(undefined);
          cellLocations.push(location);
        }
      }
      rows.push({ cells, fills, location: row.location, cellLocations, block: blockIndex, isParagraph: false });
    }
  });
  return rows;
}

export function isEmptyRow(row: GridRow): boolean {
  return row.cells.every((cell) => cell.trim() === "") && row.fills.every((fill) => !fill);
}

/** The non-empty cell texts of a row. */
export function filledCells(row: GridRow): string[] {
  return row.cells.map((cell) => cell.trim()).filter((cell) => cell !== "");
}
