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

/** A notice a reader raises about the document itself (not a failure): e.g. unaccepted tracked changes. */
export interface ReaderNotice {
  code: string;
  message: string;
  location?: SourceLocation;
}

export interface ReadDocument {
  format: SourceFormat;
  blocks: Block[];
  notices: ReaderNotice[];
}

/** The text of a cell: its lines joined with line breaks. */
export function cellText(cell: Cell | undefined): string {
  if (!cell) return "";
  return cell.lines
    .map((line) => line.text)
    .filter((text) => text.length > 0)
    .join("\n");
}

export function textCell(text: string, fill?: string): Cell {
  const cell: Cell = { lines: text === "" ? [] : [{ text }] };
  if (fill) cell.fill = fill;
  return cell;
}
