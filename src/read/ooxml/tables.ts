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
  const pending: { column: number; rowsLeft: number; colSpan: number }[] = [];
  const rows: Row[] = raw.rows.map((rawRow, rowIndex) => {
    const rowNumber = rowIndex + 1;
    // Where each XML cell starts, for fills and anchors (the old reader's scan matched fills this way).
    const byColumn = new Map<number, RawCell>();
    let xmlColumn = 0;
    for (const cell of rawRow.cells) {
      byColumn.set(xmlColumn, cell);
      xmlColumn += clamp(cell.gridSpan);
    }
    const cells: Cell[] = [];
    let column = 0;
    const place = (lines: CellLine[], colSpan: number) => {
      const source = byColumn.get(column);
      const location = source?.anchor === undefined ? { table, row: rowNumber, cell: column + 1 } : { table, row: rowNumber, cell: column + 1, anchor: source.anchor };
      cells.push(cellOf(lines, colSpan, source?.fill, location));
    };
    const fillPending = () => {
      for (let found = true; found; ) {
        found = false;
        const covering = pending.find((p) => p.column === column && p.rowsLeft > 0);
        if (covering) {
          covering.rowsLeft--;
          place([], covering.colSpan);
          column += covering.colSpan;
          found = true;
        }
      }
    };
    for (const rawCell of rawRow.cells) {
      if (covered.has(rawCell)) continue;
      fillPending();
      const colSpan = clamp(rawCell.gridSpan);
      const rowSpan = clamp(rowSpans.get(rawCell) ?? 1);
      if (rowSpan > 1) pending.push({ column, rowsLeft: rowSpan - 1, colSpan });
      // A copy sized to its lines: the array the lines were pushed into keeps room for 16 more.
      place(rawCell.lines.slice(), colSpan);
      column += colSpan;
    }
    fillPending();
    // Spans that ended are dropped, so a long table does not rescan them on every row.
    for (let at = pending.length - 1; at >= 0; at--) if (pending[at]!.rowsLeft <= 0) pending.splice(at, 1);
    return { cells, location: { table, row: rowNumber } };
  });
  return { kind: "table", rows, location: { table } };
}

/**
 * A cell made whole in one object literal per shape, its properties in the order the reader always
 * gave them (lines, colSpan, fill, location): adding properties one by one afterwards gives every
 * cell a second, out-of-object property store (~3 MB over the 78,840 cells of the benchmark).
 */
function cellOf(lines: CellLine[], colSpan: number, fill: string | undefined, location: SourceLocation): Cell {
  if (colSpan > 1) return fill ? { lines, colSpan, fill, location } : { lines, colSpan, location };
  return fill ? { lines, fill, location } : { lines, location };
}
