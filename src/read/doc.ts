/**
 * Legacy Word 97–2003 (.doc) → blocks, through word-extractor (pure JavaScript).
 *
 * word-extractor's text turns every cell mark into a tab, which loses the table structure. We
 * keep the marks instead: its `clean` filter is swapped for one that first protects cell marks
 * (\x07) and paragraph marks (\r), so a table comes out as cells and rows. Row ends are either
 * the line break word-extractor writes for a table-terminating paragraph, or a second cell mark
 * once a row has as many cells as the widest row of its table so far.
 */
import { createRequire } from "node:module";
import type { Block, Cell, ReadDocument, Row } from "../model/blocks.js";
import { InputError } from "../errors.js";
import { cleanSpaces } from "./markup.js";

const CELL = "\ue007";
const PARAGRAPH = "\ue00d";

type Extractor = { extract(source: Buffer): Promise<{ getBody(): string }> };

let extractor: Extractor | null = null;

/** Load word-extractor with its clean filter wrapped so that cell and paragraph marks survive. */
function loadExtractor(): Extractor {
  if (extractor) return extractor;
  const require = createRequire(import.meta.url);
  const filters = require("word-extractor/lib/filters.js") as { clean: (text: string) => string };
  const clean = filters.clean;
  filters.clean = (text: string) => clean(text.replace(/\x07/g, CELL).replace(/\r/g, PARAGRAPH));
  const WordExtractor = require("word-extractor") as new () => Extractor;
  extractor = new WordExtractor();
  return extractor;
}

const linesOf = (text: string) =>
  text
    .split(new RegExp(`[${PARAGRAPH}\\n\\f\\v]`))
    .map(cleanSpaces)
    .filter(Boolean)
    .map((line) => ({ text: line }));

function paragraphBlocks(text: string, counter: { paragraph: number }): Block[] {
  return linesOf(text).map((line) => ({ kind: "paragraph" as const, text: line.text, location: { paragraph: ++counter.paragraph } }));
}

/** The body text with marks kept → paragraphs and tables. */
export function blocksFromMarkedText(body: string): Block[] {
  const blocks: Block[] = [];
  const counter = { paragraph: 0, table: 0 };
  let position = 0;
  while (position < body.length) {
    const firstMark = body.indexOf(CELL, position);
    if (firstMark < 0) {
      blocks.push(...paragraphBlocks(body.slice(position), counter));
      break;
    }
    // A table starts at the paragraph that holds its first cell mark.
    const before = body.slice(position, firstMark);
    const lastBreak = Math.max(before.lastIndexOf(PARAGRAPH), before.lastIndexOf("\n"));
    blocks.push(...paragraphBlocks(before.slice(0, lastBreak + 1), counter));
    const tableNumber = ++counter.table;
    const rows: Row[] = [];
    let cells: Cell[] = [];
    let widest = 0;
    let cursor = position + lastBreak + 1;
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
      // An empty token where a row is full is the row-end mark, not an empty cell.
      if (text === "" && !explicitEnd && cells.length > 0 && cells.length >= widest) endRow();
      else {
        cells.push({ lines: linesOf(text) });
        if (explicitEnd) {
          cursor++;
          endRow();
        }
      }
      // After a row, a paragraph mark means the table is over (Word keeps a paragraph between tables).
      if (cells.length === 0 && (body[cursor] === PARAGRAPH || cursor >= body.length)) break;
    }
    if (cells.length > 0) endRow();
    blocks.push({ kind: "table", rows, location: { table: tableNumber } });
    position = cursor;
  }
  return blocks;
}

export async function readDoc(bytes: Uint8Array): Promise<ReadDocument> {
  let body: string;
  try {
    const document = await loadExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    body = document.getBody();
  } catch (error) {
    throw new InputError(`cannot read the Word 97-2003 document (${(error as Error).message ?? error})`, "corrupt");
  }
  return { format: "doc", blocks: blocksFromMarkedText(body), notices: [] };
}
