/**
 * The format-neutral middle of lsp-report. Every reader (text, .docx, .doc, HTML) turns its
 * bytes into this ordered list of blocks; the record parser only ever sees blocks, so it never
 * knows which format it reads.
 */

/** Where something came from, for messages: a line of a text file, or a table and row of a Word file. */
export interface SourceLocation {
  /** 1-based line in a text file. */
  line?: number;
  /** 1-based table number in a Word or HTML document. */
  table?: number;
  /** 1-based row within that table. */
  row?: number;
  /** 1-based paragraph number, for a paragraph outside tables in a Word or HTML document. */
  paragraph?: number;
  /** 1-based grid column of a cell, counted after the column spans of the cells before it. */
  cell?: number;
  /**
   * .docx only: where the cell (or paragraph) starts in the main document part, as the 0-based
   * ordinal of its first paragraph among every `<w:p>` start tag of that part in document order
   * (nested tables, deleted text and alternate content counted too), so that a later command can
   * find that exact place again, to point at it or to attach a Word comment to it.
   */
  anchor?: number;
}

/** One paragraph or list item inside a cell, with its breaks kept. */
export interface CellLine {
  text: string;
  /** Set when the line is a list item. */
  list?: "bullet" | "number";
}

export interface Cell {
  lines: CellLine[];
  /** Background fill as 6-digit upper-case hex without '#', when the cell is shaded. */
  fill?: string;
  /** How many grid columns the cell spans (Word gridSpan, HTML colspan). Default 1. */
  colSpan?: number;
  /** Where the cell stands: its row's location plus its grid column (and a .docx anchor). Set by every reader through locateCells. */
  location?: SourceLocation;
}

export interface Row {
  cells: Cell[];
  location: SourceLocation;
}

export interface TableBlock {
  kind: "table";
  rows: Row[];
  location: SourceLocation;
}

export interface ParagraphBlock {
  kind: "paragraph";
  text: string;
  location: SourceLocation;
}

export type Block = TableBlock | ParagraphBlock;

export type SourceFormat = "docx" | "doc" | "html" | "text";

/**
 * A notice a reader raises about the document itself (not a failure): e.g. unaccepted tracked
 * changes. A reader that can tell where and what should say so: for tracked changes, one notice
 * per change (code "tracked-changes") with the location of the paragraph or cell it sits in (for
 * .docx with its `anchor`, which places it under its update) and the changed text in `text`, so
 * that the finding names the update and quotes the change. A notice without a location stands
 * for the whole file.
 */
export interface ReaderNotice {
  code: string;
  message: string;
  location?: SourceLocation;
  /** What the notice is about, as written: the inserted or deleted text of a tracked change. */
  text?: string;
  /** For a tracked change: whether its text was inserted or deleted. */
  change?: "insertion" | "deletion";
}

export interface ReadDocument {
  format: SourceFormat;
  blocks: Block[];
  notices: ReaderNotice[];
}

/**
 * A document whose blocks may come one at a time, each read as the one before is parsed (a large
 * text file), so that the blocks of the whole document never exist at once. Iterated once.
 */
export interface BlockStream {
  format: SourceFormat;
  blocks: Iterable<Block>;
  notices: ReaderNotice[];
}

/** The widest a cell may span: a guard against absurd spans in damaged or hostile files. */
export const MAX_COLUMN_SPAN = 64;

export function columnSpan(cell: Cell): number {
  return Math.max(1, Math.min(cell.colSpan ?? 1, MAX_COLUMN_SPAN));
}

/**
 * Give every cell of every table its location: the row's (table and row, or line), its 1-based
 * grid column, and any anchor the reader already set. One pass for all readers, so the grid
 * column is counted the same way whatever the format.
 */
export function locateCells(blocks: Block[]): Block[] {
  for (const block of blocks) locateBlock(block);
  return blocks;
}

/** locateCells for one block, for a reader that hands its blocks on one at a time. */
export function locateBlock(block: Block): Block {
  if (block.kind !== "table") return block;
  for (const row of block.rows) {
    let column = 1;
    for (const cell of row.cells) {
      // A reader that located the cell itself (the native .docx reader) is not second-guessed.
      if (cell.location?.cell !== column) cell.location = cellLocation(row.location, cell.location, column);
      column += columnSpan(cell);
    }
  }
  return block;
}

/**
 * `{ ...row, ...cell, cell: column }`, keys in the same order, built without object spread: V8
 * gave each spread copy a hidden class of its own (a map and a descriptor array per cell, ~160
 * bytes), which a 62 MB text file of 1.2 million cells paid for in hundreds of megabytes.
 */
function cellLocation(row: SourceLocation, cell: SourceLocation | undefined, column: number): SourceLocation {
  const location: SourceLocation = Object.assign({}, row, cell);
  location.cell = column;
  return location;
}

/**
 * A notice placed only by a .docx anchor (a tracked change in its paragraph) gets the location
 * of the cell or paragraph that paragraph belongs to: the last one starting at or before it.
 */
export function placeNotices(document: ReadDocument): ReadDocument {
  // Most documents have no such notice: then the cells are not walked at all.
  if (!document.notices.some((notice) => notice.location?.anchor !== undefined && notice.location.table === undefined && notice.location.paragraph === undefined)) return document;
  const places: SourceLocation[] = [];
  for (const block of document.blocks) {
    if (block.kind === "paragraph") {
      if (block.location.anchor !== undefined) places.push(block.location);
      continue;
    }
    for (const row of block.rows) for (const cell of row.cells) if (cell.location?.anchor !== undefined) places.push(cell.location);
  }
  if (places.length === 0) return document;
  places.sort((a, b) => a.anchor! - b.anchor!);
  for (const notice of document.notices) {
    const anchor = notice.location?.anchor;
    if (anchor === undefined || notice.location?.table !== undefined || notice.location?.paragraph !== undefined) continue;
    let low = 0;
    let high = places.length - 1;
    let found: SourceLocation | undefined;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (places[middle]!.anchor! <= anchor) {
        found = places[middle];
        low = middle + 1;
      } else high = middle - 1;
    }
    if (found) notice.location = { ...found };
  }
  return document;
}

/** The text of a cell: its lines joined with line breaks. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return "";
  const lines = cell.lines;
  // Most cells hold one line: no arrays made for them (this runs for every cell of every table).
  if (lines.length === 1) return lines[0]!.text;
  let text = "";
  let first = true;
  for (const line of lines) {
    if (line.text.length === 0) continue;
    text = first ? line.text : `${text}\n${line.text}`;
    first = false;
  }
  return text;
}

export function textCell(text: string, fill?: string): Cell {
  const cell: Cell = { lines: text === "" ? [] : [{ text }] };
  if (fill) cell.fill = fill;
  return cell;
}
