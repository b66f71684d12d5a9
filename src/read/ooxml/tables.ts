/**
 * A top-level Word table, once its last row is read, laid out the way mammoth and our HTML reader
 * lay it out, so both .docx readers give the same cells:
 * - vertical merges (w:vMerge) become a rowspan on the cell that starts them (mammoth), and the
 *   cells they cover come back as empty cells, in the grid column they cover (html.ts);
 * - a table holding anything between its rows or cells that is not a row or cell (mammoth: a
 *   bookmark) keeps its merge-continuation cells as they are, as mammoth does;
 * - spans are clamped to 1-64 as html.ts clamps colspan and rowspan;
 * - a cell's fill and anchor come from the XML cell that starts in the same grid column.
 */
import type { Cell, CellLine, Row, SourceLocation, TableBlock } from "../../model/blocks.js";

export interface RawCell {
  lines: CellLine[];
  /** gridSpan as written (1 when absent). */
  gridSpan: number;
  /** w:vMerge: true when the cell continues the merge above, false when it starts one, undefined when absent. */
  vMerge?: boolean;
  fill?: string;
  /** Ordinal of the cell's first w:p in the part. */
  anchor?: number;
}

export interface RawRow {
  cells: RawCell[];
}

export interface RawTable {
  rows: RawRow[];
  /** Something other than a row or cell sat between them (mammoth then ignores vertical merges). */
  irregular: boolean;
}

const clamp = (span: number) => Math.max(1, Math.min(Number.isFinite(span) ? span : 1, 64));

/** Table number → block with every cell located; `table` is the 1-based table number. */
export function layoutTable(raw: RawTable, table: number): TableBlock {
  if (raw.irregular || !continuesMerge(raw)) return layoutUnmerged(raw, table);
  const rowSpans = new Map<RawCell, number>();
  const covered = new Set<RawCell>();
  if (!raw.irregular) {
    // mammoth's calculateRowSpans: columns keyed by the grid index a cell starts at.
    const starts = new Map<number, RawCell>();
    for (const row of raw.rows) {
      let index = 0;
      for (const cell of row.cells) {
        const above = starts.get(index);
        if (cell.vMerge && above) {
          rowSpans.set(above, (rowSpans.get(above) ?? 1) + 1);
          covered.add(cell);
        } else {
          starts.set(index, cell);
        }
        index += Number.isFinite(cell.gridSpan) ? cell.gridSpan : 1;
      }
    }
  }

  // html.ts's tableBlock over mammoth's <td colspan rowspan>: a covered column is filled with an empty cell.
  const pending: Pending[] = [];
  const rows: Row[] = raw.rows.map((rawRow, rowIndex) => {
    const rowNumber = rowIndex + 1;
    // Where each XML cell starts, for fills and anchors (the old reader's scan matched fills this way).
    const byColumn: (RawCell | undefined)[] = [];
    let xmlColumn = 0;
    for (const cell of rawRow.cells) {
      byColumn[xmlColumn] = cell;
      xmlColumn += clamp(cell.gridSpan);
    }
    const cells: Cell[] = [];
    let column = 0;
    for (let at = 0; at <= rawRow.cells.length; at++) {
      const rawCell = rawRow.cells[at];
      if (rawCell && covered.has(rawCell)) continue;
      // Columns that rows above still cover come first, as empty cells.
      for (let covering = coveringAt(pending, column); covering; covering = coveringAt(pending, column)) {
        covering.rowsLeft--;
        cells.push(cellOf([], covering.colSpan, byColumn[column], table, rowNumber, column));
        column += covering.colSpan;
      }
      if (!rawCell) break;
      const colSpan = clamp(rawCell.gridSpan);
      const rowSpan = clamp(rowSpans.get(rawCell) ?? 1);
      if (rowSpan > 1) pending.push({ column, rowsLeft: rowSpan - 1, colSpan });
      // Lines appended one by one sit in an array with room for more: a copy sized to them is kept.
      const lines = rawCell.lines.length > 1 ? rawCell.lines.slice() : rawCell.lines;
      cells.push(cellOf(lines, colSpan, byColumn[column], table, rowNumber, column));
      column += colSpan;
    }
    // Spans that ended are dropped, so a long table does not rescan them on every row.
    for (let at = pending.length - 1; at >= 0; at--) if (pending[at]!.rowsLeft <= 0) pending.splice(at, 1);
    return { cells, location: { table, row: rowNumber } };
  });
  return { kind: "table", rows, location: { table } };
}

/** Whether any cell continues a vertical merge (most tables: none). */
function continuesMerge(raw: RawTable): boolean {
  for (const row of raw.rows) for (const cell of row.cells) if (cell.vMerge) return true;
  return false;
}

/**
 * layoutTable for a table without vertical merges (or one whose merges mammoth ignores): the same
 * cells, without the maps of merges and the grid-column lookup, as each cell then sits in the grid
 * column it starts in.
 */
function layoutUnmerged(raw: RawTable, table: number): TableBlock {
  const rows: Row[] = raw.rows.map((rawRow, rowIndex) => {
    const row = rowIndex + 1;
    const cells: Cell[] = [];
    let column = 0;
    for (const rawCell of rawRow.cells) {
      const colSpan = clamp(rawCell.gridSpan);
      const lines = rawCell.lines.length > 1 ? rawCell.lines.slice() : rawCell.lines;
      cells.push(cellOf(lines, colSpan, rawCell, table, row, column));
      column += colSpan;
    }
    return { cells, location: { table, row } };
  });
  return { kind: "table", rows, location: { table } };
}

/**
 * A cell made whole in one object literal per shape, its properties in the order the reader always
 * gave them (lines, colSpan, fill, location): adding properties one by one afterwards gives every
 * cell a second, out-of-object property store (~3 MB over the 78,840 cells of the benchmark).
 * Its fill and anchor come from the XML cell that starts in its grid column.
 */
function cellOf(lines: CellLine[], colSpan: number, source: RawCell | undefined, table: number, row: number, column: number): Cell {
  const anchor = source?.anchor;
  const location: SourceLocation = anchor === undefined ? { table, row, cell: column + 1 } : { table, row, cell: column + 1, anchor };
  const fill = source?.fill;
  if (colSpan > 1) return fill ? { lines, colSpan, fill, location } : { lines, colSpan, location };
  return fill ? { lines, fill, location } : { lines, location };
}

interface Pending {
  column: number;
  rowsLeft: number;
  colSpan: number;
}

/** The span from a row above that still covers `column`, if any. */
function coveringAt(pending: Pending[], column: number): Pending | undefined {
  for (const span of pending) if (span.column === column && span.rowsLeft > 0) return span;
  return undefined;
}
