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
  return [...gridRows(blocks)];
}

/** The grid rows of blocks as they come, so blocks read one at a time are parsed one at a time. */
export function* gridRows(blocks: Iterable<Block>): Generator<GridRow, void, undefined> {
  let blockIndex = 0;
  for (const block of blocks) {
    if (block.kind === "paragraph") {
      yield { cells: [block.text], fills: [undefined], location: block.location, cellLocations: [block.location], block: blockIndex++, isParagraph: true };
      continue;
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
      yield { cells, fills, location: row.location, cellLocations, block: blockIndex, isParagraph: false };
    }
    blockIndex++;
  }
}

/**
 * Grid rows by index, taken from their source only as far as the parser asks and forgotten once
 * it has passed them: a window of a few rows instead of the rows of a whole document.
 */
export class RowWindow {
  private readonly rows: GridRow[] = [];
  /** The index of rows[0]. */
  private first = 0;

  constructor(private readonly source: Iterator<GridRow, void, undefined>) {}

  /** The row at `index` (not before the last forgetBefore), or undefined past the last row. */
  at(index: number): GridRow | undefined {
    while (index - this.first >= this.rows.length) {
      const next = this.source.next();
      if (next.done) return undefined;
      this.rows.push(next.value);
    }
    return this.rows[index - this.first];
  }

  forgetBefore(index: number): void {
    if (index <= this.first) return;
    // Most often every row held is passed: emptied without splice's array of the rows removed.
    if (index - this.first >= this.rows.length) this.rows.length = 0;
    else this.rows.splice(0, index - this.first);
    this.first = index;
  }
}

export function isEmptyRow(row: GridRow): boolean {
  return row.cells.every((cell) => cell.trim() === "") && row.fills.every((fill) => !fill);
}

/** The non-empty cell texts of a row. */
export function filledCells(row: GridRow): string[] {
  return row.cells.map((cell) => cell.trim()).filter((cell) => cell !== "");
}
