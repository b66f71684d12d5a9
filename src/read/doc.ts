/**
 * Legacy Word 97–2003 (.doc) → blocks, through word-extractor (pure JavaScript).
 *
 * word-extractor gives text only: every cell mark becomes a tab, and it finds the end of a table
 * row only when the row's paragraph properties sit in the main stream (Word moves large ones,
 * with many cells or shading, to the Data stream, and those rows then run together). Three small
 * hooks into its (v1) extractor make tables come out as rows and cells:
 * - its `clean` filter keeps cell marks (\x07) and paragraph marks (\r) as private-use characters;
 * - the paragraph-properties pass is replaced by one that also follows sprmPHugePapx into the Data
 *   stream, and marks every table-terminating paragraph (the row end) with a character that
 *   numbers the row, whose layout (cell edges, merges and shading, from sprmTDefTable and
 *   sprmTDefTableShd) is kept aside: so rows end where Word says, cells get their column spans
 *   and a coloured RAG cell its fill, as in .docx;
 * - a document with Word's encryption flag set is refused before any text is read.
 * If the hooks cannot be installed (a future word-extractor), the text is split by the older
 * guesswork in `blocksFromUnmarkedText`.
 */
import { createRequire } from "node:module";
import type { Block, Cell, ReadDocument, Row } from "../model/blocks.js";
import { InputError } from "../errors.js";
import { cleanSpaces } from "./markup.js";

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
const ENCRYPTED = "lsp-report: encrypted .doc";

// ---------------------------------------------------------------------------------------------
// Row layouts from the paragraph properties (MS-DOC: PlcBtePapx → PapxFkp → grpprl of sprms).

/** What Word records about a row's cells on its table-terminating paragraph. */
export interface RowLayout {
  cells: { left: number; right: number; merged: boolean; fill?: string }[];
}

type Sprm = { sprm: number; operand: Buffer };

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
      } else if (sprm === 0xc615 && grpprl[at] === 255) break; // sprmPChgTabs' long form: nothing we need follows
      else {
        size = grpprl[at];
        from = at + 1;
      }
    } else size = [1, 1, 2, 4, 2, 2, 0, 3][spra];
    if (size < 0 || from + size > grpprl.length) break;
    sprms.push({ sprm, operand: grpprl.subarray(from, from + size) });
    at = from + size;
  }
  return sprms;
}

/** A COLORREF (red, green, blue, fAuto) as hex; auto and white are no colour. */
function colour(bytes: Buffer, at: number): string | undefined {
  if (at + 4 > bytes.length || bytes[at + 3] === 0xff) return undefined;
  const hex = [bytes[at], bytes[at + 1], bytes[at + 2]].map((byte) => byte.toString(16).padStart(2, "0")).join("").toUpperCase();
  return hex === "FFFFFF" ? undefined : hex;
}

/** Word 97's 16-colour palette, for the older Shd80 shading. */
const ICO = [undefined, "000000", "0000FF", "00FFFF", "00FF00", "FF00FF", "FF0000", "FFFF00", undefined, "000080", "008080", "008000", "800080", "800000", "808000", "808080", "C0C0C0"];

/** Cell fills from sprmTDefTableShd (+2nd, 3rd: 22 cells each), else Word 97's sprmTDefTableShd80. */
function cellFills(sprms: Sprm[], count: number): (string | undefined)[] {
  const fills: (string | undefined)[] = new Array(count).fill(undefined);
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
  const count = table[0];
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
// The hooks into word-extractor.

interface Piece {
  startFilePos: number;
  size: number;
  bpc: number;
  text: string;
}

interface Extractor {
  _pieces: Piece[];
  _lspData?: Buffer | null;
  _lspRows?: RowLayout[];
}

/** Put `marker` on the paragraph's last character (at file position `end`) if it is `mark`. */
function markParagraphEnd(pieces: Piece[], end: number, mark: string, marker: string): boolean {
  for (const piece of pieces) {
    if (end <= piece.startFilePos || end > piece.startFilePos + piece.size) continue;
    const index = (end - piece.startFilePos) / piece.bpc - 1;
    if (!Number.isInteger(index) || piece.text[index] !== mark) return false;
    piece.text = piece.text.slice(0, index) + marker + piece.text.slice(index + 1);
    return true;
  }
  return false;
}

/** Replacement for word-extractor's writeParagraphProperties: mark row ends (keeping their layouts) and paragraph breaks inside cells. */
function markTableRows(this: Extractor, wordDocument: Buffer, tableStream: Buffer): void {
  const rows: RowLayout[] = (this._lspRows = []);
  const data = this._lspData;
  const fcPlc = wordDocument.readUInt32LE(0x0102);
  const lcbPlc = wordDocument.readUInt32LE(0x0106);
  const plc = tableStream.subarray(fcPlc, fcPlc + lcbPlc);
  const blocks = Math.floor((plc.length - 4) / 8);
  for (let block = 0; block < blocks; block++) {
    const page = plc.readUInt32LE((blocks + 1) * 4 + block * 4);
    const fkp = wordDocument.subarray(page * 512, page * 512 + 512);
    if (fkp.length < 512) continue;
    const runs = fkp[511];
    for (let run = 0; run < runs && (run + 2) * 4 <= 511; run++) {
      const end = fkp.readUInt32LE((run + 1) * 4);
      const offset = fkp[(runs + 1) * 4 + run * 13] * 2;
      if (offset === 0) continue;
      const cb = fkp[offset];
      const grpprl = cb !== 0 ? fkp.subarray(offset + 1, offset + 2 * cb) : fkp.subarray(offset + 2, offset + 2 + 2 * fkp[offset + 1]);
      let sprms = readSprms(grpprl, 2); // after the style index
      const huge = sprms.find((s) => s.sprm === 0x6646 && s.operand.length === 4);
      if (huge && data) {
        const at = huge.operand.readUInt32LE(0);
        if (at + 2 <= data.length) sprms = sprms.concat(readSprms(data.subarray(at + 2, at + 2 + data.readUInt16LE(at)), 0));
      }
      if (!sprms.some((s) => s.sprm === 0x2417 && s.operand[0] === 1)) {
        if (sprms.some((s) => s.sprm === 0x2416 && s.operand[0] === 1)) markParagraphEnd(this._pieces, end, "\r", CELL_PARAGRAPH);
        continue;
      }
      const marker = rows.length < ROW_LIMIT ? String.fromCharCode(ROW_BASE + rows.length) : ROW_END;
      if (markParagraphEnd(this._pieces, end, "\x07", marker) && marker !== ROW_END) rows.push(rowLayout(sprms) ?? { cells: [] });
    }
  }
}

let extractor: { extract(source: Buffer): Promise<{ getBody(options?: { filterUnicode: boolean }): string; _lspRows?: RowLayout[] }> } | null = null;

/** Load word-extractor with the hooks installed (once per process). */
function loadExtractor() {
  if (extractor) return extractor;
  const require = createRequire(import.meta.url);
  // The filter must be wrapped before word-extractor loads: its extractor takes `clean` at load time.
  const filters = require("word-extractor/lib/filters.js") as { clean: (text: string) => string };
  const clean = filters.clean;
  filters.clean = (text: string) => clean(text.replace(/\x07/g, CELL).replace(/\r/g, PARAGRAPH));
  const WordExtractor = require("word-extractor") as new () => NonNullable<typeof extractor>;
  const prototype = (require("word-extractor/lib/word-ole-extractor.js") as { prototype: Record<string, unknown> }).prototype;
  type Method = (this: Extractor, ...args: unknown[]) => unknown;
  const extractWordDocument = prototype.extractWordDocument as Method | undefined;
  const buildDocument = prototype.buildDocument as Method | undefined;
  if (extractWordDocument && buildDocument && prototype.writeParagraphProperties) {
    prototype.extractWordDocument = async function (this: Extractor, document: { _rootStorage?: { _dirEntry?: { streams?: Record<string, unknown> } }; stream(name: string): unknown }, buffer: Buffer) {
      // FIB flags: fEncrypted. The text of an encrypted .doc is ciphertext: refuse it.
      if (buffer.length >= 0x0c && buffer.readUInt16LE(0) === 0xa5ec && buffer.readUInt16LE(0x0a) & 0x0100) throw new Error(ENCRYPTED);
      const self = this as Extractor & { streamBuffer(stream: unknown): Promise<Buffer> };
      self._lspData = document._rootStorage?._dirEntry?.streams?.Data ? await self.streamBuffer(document.stream("Data")) : null;
      return extractWordDocument.call(this, document, buffer);
    };
    prototype.writeParagraphProperties = markTableRows;
    prototype.buildDocument = function (this: Extractor) {
      const document = buildDocument.call(this) as { _lspRows?: RowLayout[] };
      document._lspRows = this._lspRows;
      return document;
    };
  }
  extractor = new WordExtractor();
  return extractor;
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
      const cell = row.cells[index];
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
  let document: { getBody(options?: { filterUnicode: boolean }): string; _lspRows?: RowLayout[] };
  let body: string;
  try {
    document = await loadExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    // Keep the real dashes and quotes (word-extractor turns them into ASCII by default).
    body = document.getBody({ filterUnicode: false });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message === ENCRYPTED) throw new InputError("password-protected Word document: remove the password and save again", "encrypted");
    throw new InputError(`cannot read the Word 97-2003 document (${message})`, "corrupt");
  }
  const blocks = document._lspRows ? blocksFromMarkedText(body, document._lspRows) : blocksFromUnmarkedText(body);
  return { format: "doc", blocks, notices: [] };
}
