/**
 * Legacy Word 97–2003 (.doc) → blocks: our own OLE2 reader (./ole.ts) finds the streams and
 * refuses a damaged container; the header and piece table are checked here; then
 * word-extractor (pure JavaScript) reads the text from those streams.
 *
 * word-extractor gives text only: every cell mark becomes a tab, and it finds the end of a table
 * row only when the row's paragraph properties sit in the main stream (Word moves large ones,
 * with many cells or shading, to the Data stream, and those rows then run together). A subclass
 * of its (v1) Word extractor makes tables come out as rows and cells:
 * - cell marks (\x07) and paragraph marks (\r) become private-use characters before its text filter, which would make them tabs and line breaks;
 * - the paragraph-properties pass is replaced by one that also follows sprmPHugePapx into the Data
 *   stream, and marks every table-terminating paragraph (the row end) with a character that
 *   numbers the row, whose layout (cell edges, merges and shading, from sprmTDefTable and
 *   sprmTDefTableShd) is kept aside: so rows end where Word says, cells get their column spans
 *   and a coloured RAG cell its fill, as in .docx;
 * - its stream access is given our OLE reader's streams.
 * Any error word-extractor still raises becomes one plain "damaged Word 97-2003 file" line.
 */
import { cleanWordText } from "./word-text.js";
import { createRequire } from "node:module";
import type { Block, Cell, ReadDocument, Row } from "../model/blocks.js";
import { InputError } from "../errors.js";
import { cleanSpaces } from "./markup.js";
import { OleDamage, readOle, type OleFile } from "./ole.js";

const CELL = "\ue007";
const PARAGRAPH = "\ue00d";
/** A paragraph break inside a table cell (sprmPFInTable), told apart from one between tables. */
const CELL_PARAGRAPH = "\ue00e";
/**
 * Row ends: ROW_BASE + the row's index in the layouts (first 3,840 rows), or ROW_END for any later.
 * The range stops short of U+F000–F0FF, where symbol fonts (Wingdings arrows) put their characters,
 * and a mark counts only right after a cell mark, so stray private-use text stays text.
 */
const ROW_BASE = 0xe100;
const ROW_LIMIT = 0xefff - ROW_BASE;
const ROW_END = "\ue00a";
const ROW_MARK = /[\ue00a\ue100-\uefff]/;

// ---------------------------------------------------------------------------------------------
// Row layouts from the paragraph properties (MS-DOC: PlcBtePapx → PapxFkp → grpprl of sprms).

/** What Word records about a row's cells on its table-terminating paragraph. */
export interface RowLayout {
  cells: { left: number; right: number; merged: boolean; fill?: string }[];
}

type Sprm = { sprm: number; operand: Buffer };

/** Operand sizes in bytes by spra (6: variable, read from the operand). */
const OPERAND_SIZES = [1, 1, 2, 4, 2, 2, 0, 3];

/** The sprms of a grpprl. Operand sizes follow the sprm's spra bits; two sprms carry longer lengths. */
function readSprms(grpprl: Buffer, start: number): Sprm[] {
  const sprms: Sprm[] = [];
  let at = start;
  while (at + 2 <= grpprl.length) {
    const sprm = grpprl.readUInt16LE(at);
    at += 2;
    const spra = sprm >> 13;
    let from = at;
    let size: number;
    if (spra === 6) {
      if (at >= grpprl.length) break;
      if (sprm === 0xd608 || sprm === 0xd606) {
        // sprmTDefTable: a 2-byte count of the bytes after it, plus one.
        if (at + 2 > grpprl.length) break;
        size = grpprl.readUInt16LE(at) - 1;
        from = at + 2;
      } else if (sprm === 0xc615 && grpprl.readUInt8(at) === 255) break; // sprmPChgTabs' long form: nothing we need follows
      else {
        size = grpprl.readUInt8(at);
        from = at + 1;
      }
    } else size = OPERAND_SIZES[spra]!; // spra is the top 3 bits of a 16-bit sprm: 0-7
    if (size < 0 || from + size > grpprl.length) break;
    sprms.push({ sprm, operand: grpprl.subarray(from, from + size) });
    at = from + size;
  }
  return sprms;
}

/** A COLORREF (red, green, blue, fAuto) as hex; auto and white are no colour. */
function colour(bytes: Buffer, at: number): string | undefined {
  if (at + 4 > bytes.length || bytes[at + 3] === 0xff) return undefined;
  const hex = [bytes.readUInt8(at), bytes.readUInt8(at + 1), bytes.readUInt8(at + 2)].map((byte) => byte.toString(16).padStart(2, "0")).join("").toUpperCase();
  return hex === "FFFFFF" ? undefined : hex;
}

/** Word 97's 16-colour palette, for the older Shd80 shading. */
const ICO = [undefined, "000000", "0000FF", "00FFFF", "00FF00", "FF00FF", "FF0000", "FFFF00", undefined, "000080", "008080", "008000", "800080", "800000", "808000", "808080", "C0C0C0"];

/** Cell fills from sprmTDefTableShd (+2nd, 3rd: 22 cells each), else Word 97's sprmTDefTableShd80. */
function cellFills(sprms: Sprm[], count: number): (string | undefined)[] {
  const fills = new Array<string | undefined>(count).fill(undefined);
  const shd = [0xd612, 0xd616, 0xd60c].map((id) => sprms.find((s) => s.sprm === id)?.operand);
  if (shd[0]) {
    shd.forEach((operand, part) => {
      for (let index = 0; operand && index * 10 + 10 <= operand.length && part * 22 + index < count; index++) {
        const at = index * 10;
        const pattern = operand.readUInt16LE(at + 8);
        if (pattern === 0xffff) continue;
        fills[part * 22 + index] = pattern === 1 ? colour(operand, at) : colour(operand, at + 4);
      }
    });
    return fills;
  }
  const shd80 = sprms.find((s) => s.sprm === 0xd609)?.operand;
  for (let index = 0; shd80 && index * 2 + 2 <= shd80.length && index < count; index++) {
    const value = shd80.readUInt16LE(index * 2);
    const pattern = value >> 10;
    fills[index] = ICO[pattern === 1 ? value & 0x1f : (value >> 5) & 0x1f];
  }
  return fills;
}

/** A row's cells from sprmTDefTable: edges (rgdxaCenter, twips) and the old merge flags (TC80). */
function rowLayout(sprms: Sprm[]): RowLayout | undefined {
  const table = sprms.find((s) => s.sprm === 0xd608)?.operand;
  if (!table || table.length < 1) return undefined;
  const count = table.readUInt8(0);
  if (1 + 2 * (count + 1) > table.length) return undefined;
  const fills = cellFills(sprms, count);
  const cells: RowLayout["cells"] = [];
  for (let index = 0; index < count; index++) {
    const tc = 1 + 2 * (count + 1) + 20 * index;
    const flags = tc + 2 <= table.length ? table.readUInt16LE(tc) : 0;
    const cell: RowLayout["cells"][number] = { left: table.readInt16LE(1 + 2 * index), right: table.readInt16LE(3 + 2 * index), merged: (flags & 0x2) !== 0 };
    if (fills[index]) cell.fill = fills[index];
    cells.push(cell);
  }
  return { cells };
}

// ---------------------------------------------------------------------------------------------
// The hooks into word-extractor (pinned to an exact version: test/word-extractor-hooks.test.ts
// fails if what is hooked here changes).

interface Piece {
  startFilePos: number;
  size: number;
  bpc: number;
  text: string;
}

interface WordDocumentText {
  getBody(options?: { filterUnicode: boolean }): string;
  _lspRows?: RowLayout[];
}

/** What we use of word-extractor's WordOleExtractor (lib/word-ole-extractor.js). */
interface OleExtractor {
  _pieces: Piece[];
  extractWordDocument(document: unknown, wordDocument: Buffer): Promise<WordDocumentText>;
  documentStream(document: unknown, name: string): Promise<unknown>;
  streamBuffer(stream: unknown): Promise<Buffer>;
  writeParagraphProperties(wordDocument: Buffer, tableStream: Buffer): void;
  buildDocument(): WordDocumentText;
}

/** Row-end and in-cell paragraph marks found by `markTableRows`, applied to the piece texts in one pass each. */
type Marks = Map<Piece, Map<number, string>>;

/** Note `marker` for the paragraph's last character (at file position `end`) if it is `mark`. */
function markParagraphEnd(pieces: Piece[], marks: Marks, end: number, mark: string, marker: string): boolean {
  for (const piece of pieces) {
    if (end <= piece.startFilePos || end > piece.startFilePos + piece.size) continue;
    const index = (end - piece.startFilePos) / piece.bpc - 1;
    if (!Number.isInteger(index) || piece.text[index] !== mark) return false;
    let forPiece = marks.get(piece);
    if (!forPiece) marks.set(piece, (forPiece = new Map<number, string>()));
    if (forPiece.has(index)) return false;
    forPiece.set(index, marker);
    return true;
  }
  return false;
}

/** Rewrite each marked piece once (a rewrite per mark would cost the piece's length every row). */
function applyMarks(marks: Marks): void {
  for (const [piece, forPiece] of marks) {
    const parts: string[] = [];
    let from = 0;
    for (const index of [...forPiece.keys()].sort((a, b) => a - b)) {
      parts.push(piece.text.slice(from, index), forPiece.get(index)!);
      from = index + 1;
    }
    parts.push(piece.text.slice(from));
    piece.text = parts.join("");
  }
}

/** Replacement for word-extractor's writeParagraphProperties: mark row ends (keeping their layouts) and paragraph breaks inside cells. */
function markTableRows(pieces: Piece[], data: Buffer | undefined, wordDocument: Buffer, tableStream: Buffer): RowLayout[] {
  const rows: RowLayout[] = [];
  const marks: Marks = new Map();
  const fcPlc = wordDocument.readUInt32LE(0x0102);
  const lcbPlc = wordDocument.readUInt32LE(0x0106);
  const plc = tableStream.subarray(fcPlc, fcPlc + lcbPlc);
  const blocks = Math.floor((plc.length - 4) / 8);
  for (let block = 0; block < blocks; block++) {
    const page = plc.readUInt32LE((blocks + 1) * 4 + block * 4);
    const fkp = wordDocument.subarray(page * 512, page * 512 + 512);
    if (fkp.length < 512) continue;
    const runs = fkp.readUInt8(511);
    for (let run = 0; run < runs && (run + 2) * 4 <= 511; run++) {
      const end = fkp.readUInt32LE((run + 1) * 4);
      // A BX past the end of the page gives no properties, as an offset of 0 does.
      const offset = (fkp[(runs + 1) * 4 + run * 13] ?? 0) * 2;
      if (offset === 0) continue;
      const cb = fkp.readUInt8(offset); // offset <= 510: twice a byte
      const grpprl = cb !== 0 ? fkp.subarray(offset + 1, offset + 2 * cb) : fkp.subarray(offset + 2, offset + 2 + 2 * fkp.readUInt8(offset + 1));
      let sprms = readSprms(grpprl, 2); // after the style index
      const huge = sprms.find((s) => s.sprm === 0x6646 && s.operand.length === 4);
      if (huge && data) {
        const at = huge.operand.readUInt32LE(0);
        if (at + 2 <= data.length) sprms = sprms.concat(readSprms(data.subarray(at + 2, at + 2 + data.readUInt16LE(at)), 0));
      }
      if (!sprms.some((s) => s.sprm === 0x2417 && s.operand[0] === 1)) {
        if (sprms.some((s) => s.sprm === 0x2416 && s.operand[0] === 1)) markParagraphEnd(pieces, marks, end, "\r", CELL_PARAGRAPH);
        continue;
      }
      const marker = rows.length < ROW_LIMIT ? String.fromCharCode(ROW_BASE + rows.length) : ROW_END;
      if (markParagraphEnd(pieces, marks, end, "\x07", marker) && marker !== ROW_END) rows.push(rowLayout(sprms) ?? { cells: [] });
    }
  }
  applyMarks(marks);
  return rows;
}

type Extractor = new (ole: OleFile) => OleExtractor;
let extractorClass: Extractor | null = null;

/**
 * word-extractor's Word extractor, fed the streams of our own OLE reader (never its own, which
 * loops or overflows the stack on damaged files), with the hooks installed. Loaded once.
 */
function loadExtractor(): Extractor {
  if (extractorClass) return extractorClass;
  const require = createRequire(import.meta.url);
  // Its text cleaning takes time with the square of a damaged file's text (see word-text.ts): ours
  // replaces it. The extractor takes `clean` from filters.js as it loads, so it is loaded afresh
  // after the swap, whoever loaded it before.
  (require("word-extractor/lib/filters.js") as { clean: (text: string) => string }).clean = cleanWordText;
  delete require.cache[require.resolve("word-extractor/lib/word-ole-extractor.js")];
  const WordOleExtractor = require("word-extractor/lib/word-ole-extractor.js") as new () => OleExtractor;
  class MarkingExtractor extends WordOleExtractor {
    #rows: RowLayout[] = [];
    constructor(private readonly ole: OleFile) {
      super();
    }
    override documentStream(_document: unknown, name: string): Promise<unknown> {
      const stream = this.ole.stream(name);
      if (!stream) throw new OleDamage(`its ${name} stream is missing`);
      return Promise.resolve(stream);
    }
    override streamBuffer(stream: unknown): Promise<Buffer> {
      return Promise.resolve(stream as Buffer);
    }
    override writeParagraphProperties(wordDocument: Buffer, tableStream: Buffer): void {
      this.#rows = markTableRows(this._pieces, this.ole.stream("Data"), wordDocument, tableStream);
    }
    override buildDocument(): WordDocumentText {
      // Keep cell marks (\x07) and paragraph marks (\r) apart from tabs and line breaks, which
      // word-extractor's text filter would make them: as private-use characters it leaves alone.
      for (const piece of this._pieces) piece.text = piece.text.replaceAll("\x07", CELL).replaceAll("\r", PARAGRAPH);
      const document = super.buildDocument();
      document._lspRows = this.#rows;
      return document;
    }
  }
  return (extractorClass = MarkingExtractor);
}

// ---------------------------------------------------------------------------------------------
// The Word 97-2003 header (FIB) and piece table, checked before word-extractor trusts them.

const WORD_97 = 0xa5ec;
/** nFib of Word 97 and later; Word 6.0 and 95 write 101-105. */
const FIRST_WORD_97_NFIB = 106;
const damaged = (reason: string) => new InputError(`damaged Word 97-2003 file: ${reason}`, "corrupt");
const resave = "open it in Word or LibreOffice and save it as .docx";

/**
 * Refuse what word-extractor cannot read, each in plain words: older Word versions, encryption,
 * a missing table stream, and a piece table whose text lies outside the file.
 */
function checkWordDocument(ole: OleFile, wordDocument: Buffer): void {
  if (wordDocument.length < 0x20) throw damaged("its WordDocument stream is too short to hold a header");
  const ident = wordDocument.readUInt16LE(0);
  const nFib = wordDocument.readUInt16LE(2);
  if (nFib < FIRST_WORD_97_NFIB) {
    const version = nFib >= 101 ? "a Word 6.0/95 document" : "a document from a Word older than Word 6.0";
    throw new InputError(`${version}, which this tool cannot read: ${resave}`, "unsupported");
  }
  if (ident !== WORD_97) throw damaged("its WordDocument stream does not start with a Word header");
  const flags = wordDocument.readUInt16LE(0x0a);
  if (flags & 0x0100) throw new InputError("password-protected Word document: remove the password and save again", "encrypted");
  if (wordDocument.length < 0x1aa) throw damaged("its Word header is cut short");
  const tableName = flags & 0x0200 ? "1Table" : "0Table";
  const table = ole.stream(tableName);
  if (!table) throw damaged(`its ${tableName} stream is missing`);
  // The piece table (Clx): property runs (0x01) to skip, then the pieces (0x02).
  const fcClx = wordDocument.readUInt32LE(0x01a2);
  const lcbClx = wordDocument.readUInt32LE(0x01a6);
  if (fcClx + lcbClx > table.length) throw damaged("its piece table lies outside the file");
  let at = fcClx;
  while (at < fcClx + lcbClx && table[at] === 0x01) {
    if (at + 3 > table.length) throw damaged("its piece table is cut short");
    at += 3 + table.readUInt16LE(at + 1);
  }
  if (at + 5 > table.length || table[at] !== 0x02) throw damaged("its piece table is missing");
  const size = table.readUInt32LE(at + 1);
  const start = at + 5;
  if (size < 16 || (size - 4) % 12 !== 0 || start + size > table.length) throw damaged("its piece table is cut short");
  const pieces = (size - 4) / 12;
  for (let piece = 0; piece < pieces; piece++) {
    const cpStart = table.readUInt32LE(start + piece * 4);
    const cpEnd = table.readUInt32LE(start + (piece + 1) * 4);
    if (cpEnd < cpStart) throw damaged("its piece table is out of order");
    const fc = table.readUInt32LE(start + (pieces + 1) * 4 + piece * 8 + 2);
    const compressed = (fc & 0x40000000) !== 0;
    const from = compressed ? Math.floor((fc & ~0x40000000) / 2) : fc;
    const bytes = (cpEnd - cpStart) * (compressed ? 1 : 2);
    if (from + bytes > wordDocument.length) throw damaged("its text points past the end of the file");
  }
}

async function extractBody(bytes: Uint8Array): Promise<{ body: string; rows?: RowLayout[] }> {
  const ole = readOle(bytes);
  const wordDocument = ole.stream("WordDocument");
  if (!wordDocument) throw damaged("its WordDocument stream is missing");
  checkWordDocument(ole, wordDocument);
  const Extractor = loadExtractor();
  const document = await new Extractor(ole).extractWordDocument(ole, wordDocument);
  // Keep the real dashes and quotes (word-extractor turns them into ASCII by default).
  return { body: document.getBody({ filterUnicode: false }), rows: document._lspRows };
}

// ---------------------------------------------------------------------------------------------
// Marked text → blocks.

const linesOf = (text: string) =>
  text
    .split(new RegExp(`[${PARAGRAPH}${CELL_PARAGRAPH}\\n\\f\\v]`))
    .map(cleanSpaces)
    .filter(Boolean)
    .map((line) => ({ text: line }));

function paragraphBlocks(text: string, counter: { paragraph: number }): Block[] {
  return linesOf(text).map((line) => ({ kind: "paragraph" as const, text: line.text, location: { paragraph: ++counter.paragraph } }));
}

/** Where the paragraphs before a table end: the last paragraph break before its first cell. */
const lastBreak = (text: string) => Math.max(text.lastIndexOf(PARAGRAPH), text.lastIndexOf("\n"));

/**
 * Column spans from cell edges: the table's grid is every edge any row has (as Word builds the
 * tblGrid of a .docx), and a cell spans the grid columns between its edges. Cells merged the
 * Word 97 way (fMerged) fold into the cell before them.
 */
function applyLayouts(rows: { cells: Cell[]; layout?: RowLayout }[]): void {
  const laidOut = rows.filter((row) => row.layout && row.layout.cells.length === row.cells.length);
  const edges = [...new Set(laidOut.flatMap((row) => row.layout!.cells.flatMap((cell) => [cell.left, cell.right])))].sort((a, b) => a - b);
  for (const row of laidOut) {
    const cells: Cell[] = [];
    row.layout!.cells.forEach((layout, index) => {
      const cell = row.cells[index]!; // laidOut rows have a layout cell per cell
      const span = Math.max(1, edges.filter((edge) => edge > layout.left && edge <= layout.right).length);
      const previous = cells[cells.length - 1];
      if (layout.merged && previous) {
        previous.colSpan = (previous.colSpan ?? 1) + span;
        previous.lines.push(...cell.lines);
        return;
      }
      if (span > 1) cell.colSpan = span;
      if (layout.fill) cell.fill = layout.fill;
      cells.push(cell);
    });
    row.cells = cells;
  }
}

/** The body text with cell marks and numbered row ends → paragraphs and tables. */
export function blocksFromMarkedText(body: string, layouts: RowLayout[] = []): Block[] {
  const blocks: Block[] = [];
  const counter = { paragraph: 0, table: 0 };
  let table: { cells: Cell[]; layout?: RowLayout }[] | null = null;
  let cells: Cell[] = [];
  const closeTable = () => {
    if (!table) return;
    if (cells.length > 0) table.push({ cells });
    cells = [];
    applyLayouts(table);
    const number = ++counter.table;
    const rows: Row[] = table.map((row, index) => ({ cells: row.cells, location: { table: number, row: index + 1 } }));
    blocks.push({ kind: "table", rows, location: { table: number } });
    table = null;
  };
  const token = new RegExp(`${CELL}|${ROW_MARK.source}`, "g");
  let position = 0;
  for (let match = token.exec(body); match; match = token.exec(body)) {
    const text = body.slice(position, match.index);
    if (match[0] !== CELL && (text !== "" || cells.length === 0)) continue; // not a row end: ordinary text
    position = match.index + 1;
    if (match[0] !== CELL) {
      // A row end: the cells since the last one are the row (its mark carries no text of its own).
      if (!table) table = [];
      const index = match[0].charCodeAt(0) - ROW_BASE;
      table.push({ cells, layout: match[0] === ROW_END ? undefined : layouts[index] });
      cells = [];
      continue;
    }
    if (cells.length === 0) {
      // The first cell of a row: a paragraph break outside cells since the last row means the table ended.
      const split = text.lastIndexOf(PARAGRAPH);
      if (split >= 0) {
        closeTable();
        blocks.push(...paragraphBlocks(text.slice(0, split + 1), counter));
      }
      if (!table) table = [];
      cells.push({ lines: linesOf(text.slice(split + 1)) });
    } else cells.push({ lines: linesOf(text) });
  }
  const rest = body.slice(position);
  if (table && lastBreak(rest) < 0 && cells.length === 0 && !cleanSpaces(rest)) closeTable();
  else {
    closeTable();
    blocks.push(...paragraphBlocks(rest, counter));
  }
  return blocks;
}

/**
 * Fallback for text without row marks (the hooks not installed): word-extractor's own row ends
 * are a line break after a cell mark; otherwise a second cell mark once a row is as wide as the
 * widest row so far is taken as the row end. Rows of differing widths can be misread.
 */
export function blocksFromUnmarkedText(body: string): Block[] {
  const blocks: Block[] = [];
  const counter = { paragraph: 0, table: 0 };
  let position = 0;
  while (position < body.length) {
    const firstMark = body.indexOf(CELL, position);
    if (firstMark < 0) {
      blocks.push(...paragraphBlocks(body.slice(position), counter));
      break;
    }
    const before = body.slice(position, firstMark);
    const split = lastBreak(before);
    blocks.push(...paragraphBlocks(before.slice(0, split + 1), counter));
    const tableNumber = ++counter.table;
    const rows: Row[] = [];
    let cells: Cell[] = [];
    let widest = 0;
    let cursor = position + split + 1;
    const endRow = () => {
      rows.push({ cells, location: { table: tableNumber, row: rows.length + 1 } });
      widest = Math.max(widest, cells.length);
      cells = [];
    };
    while (cursor < body.length) {
      const mark = body.indexOf(CELL, cursor);
      if (mark < 0) break;
      const text = body.slice(cursor, mark);
      cursor = mark + 1;
      const explicitEnd = body[cursor] === "\n";
      if (text === "" && !explicitEnd && cells.length > 0 && cells.length >= widest) endRow();
      else {
        cells.push({ lines: linesOf(text) });
        if (explicitEnd) {
          cursor++;
          endRow();
        }
      }
      if (cells.length === 0 && (body[cursor] === PARAGRAPH || cursor >= body.length)) break;
    }
    if (cells.length > 0) endRow();
    blocks.push({ kind: "table", rows, location: { table: tableNumber } });
    position = cursor;
  }
  return blocks;
}

export async function readDoc(bytes: Uint8Array): Promise<ReadDocument> {
  let extracted: { body: string; rows?: RowLayout[] };
  try {
    extracted = await extractBody(bytes);
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (error instanceof OleDamage) throw damaged(error.message);
    // word-extractor tripped over tables that passed the checks above: its message is no help to a reader.
    throw damaged("its internal tables are inconsistent");
  }
  const blocks = extracted.rows ? blocksFromMarkedText(extracted.body, extracted.rows) : blocksFromUnmarkedText(extracted.body);
  return { format: "doc", blocks, notices: [] };
}
