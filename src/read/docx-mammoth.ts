/**
 * .docx → blocks through mammoth (--docx-reader mammoth; the reference for the native reader in
 * ooxml/). mammoth gives the text, paragraphs, lists and tables (as HTML, read by the HTML
 * reader); what mammoth drops is read from word/document.xml itself in one regex-level pass over
 * the table tags: cell shading (the colour of a RAG cell), and whether tracked changes are still
 * unaccepted. mammoth already gives the accepted view: insertions kept, deletions dropped.
 *
 * The package is unzipped once, through the zip-bomb guard (zip.ts), and mammoth reads from that
 * same unzipped package, so nothing is inflated twice and nothing escapes the guard.
 */
import mammoth from "mammoth";
import * as htmlparser2 from "htmlparser2";
import type { ReadDocument, ReaderNotice, TableBlock } from "../model/blocks.js";
import { InputError } from "../errors.js";
import { blocksOf } from "./html.js";
import { parseLinear } from "./markup-tree.js";
import { openZip, type ZipPackage } from "./zip.js";
import { requireMainDocument } from "./ooxml/package.js";
import { scanPart } from "./ooxml/numbering.js";
import type { DocxOptions } from "./docx.js";

/**
 * What mammoth's XML parser (xmldom) is given is checked first, in one pass of our own tokenizer:
 * - Word never writes a DOCTYPE; a part with one (entity-expansion bombs, external entities) is
 *   refused before the parser sees it, in words, not in the parser's;
 * - the tags must balance under one root element: on some damage xmldom spends minutes before it
 *   fails anyway (a second document after the root: 97 s for a 1.2 MB part, found by
 *   test/fuzz/docx.test.ts);
 * - tables nested deeper than MAX_TABLE_DEPTH are refused: mammoth's cost grows steeply with the
 *   depth (a mutant of the fuzz with thousands of levels ran for 32 minutes). The native reader
 *   reads any depth, without recursion.
 */
/** Word itself nests tables far less deep; the native reader has no such limit. */
const MAX_TABLE_DEPTH = 64;

function inert(name: string, bytes: Uint8Array): string {
  const xml = new TextDecoder().decode(bytes);
  if (/<!DOCTYPE/i.test(xml)) {
    throw new InputError(`${name} declares a DOCTYPE, which Word never writes; refused without reading it (it can hide entity bombs or fetch outside files)`, "unsafe");
  }
  const damaged = (why: string) => new InputError(`damaged Word document: ${name} is not well-formed XML (${why})`, "corrupt");
  const open: string[] = [];
  let roots = 0;
  let tables = 0;
  scanPart(bytes, name, {
    open(element, _tag, selfClosing) {
      if (open.length === 0 && ++roots > 1) throw damaged(`<${element}> after the root element`);
      if (selfClosing) return;
      open.push(element);
      if (element === "w:tbl" && ++tables > MAX_TABLE_DEPTH) {
        throw new InputError(`${name} has tables nested more than ${MAX_TABLE_DEPTH} deep, too deep for --docx-reader mammoth: read it with the native reader (the default)`, "too-large");
      }
    },
    close(element) {
      const expected = open.pop();
      if (expected !== element) throw damaged(`</${element}> closes ${expected ? `<${expected}>` : "nothing"}`);
      if (element === "w:tbl") tables--;
    },
  });
  if (open.length > 0) throw damaged(`<${open.at(-1)}> is never closed`);
  return xml;
}

/**
 * The package in the shape mammoth reads from internally (its `file` input, which its
 * `{buffer}` input builds with JSZip). Text parts are decoded once and shared with our own pass.
 */
function mammothFile(zip: ZipPackage, texts: Map<string, string>) {
  const text = (name: string) => {
    let decoded = texts.get(name);
    if (decoded === undefined) texts.set(name, (decoded = inert(name, zip.read(name))));
    return decoded;
  };
  return {
    exists: (name: string) => zip.has(name),
    // mammoth expects promises; a throw inside the executor still becomes a rejection.
    read: (name: string, encoding?: string) =>
      new Promise<Uint8Array | string>((resolve) => {
        if (!encoding) resolve(zip.read(name));
        else if (encoding === "base64") resolve(Buffer.from(zip.read(name)).toString("base64"));
        else resolve(/^utf-?8$/i.test(encoding) ? text(name) : new TextDecoder(encoding).decode(zip.read(name)));
      }),
    write: () => undefined,
    toArrayBuffer: () => Promise.reject(new Error("not needed to convert to HTML")),
  };
}

interface XmlCell {
  /** First grid column the cell covers (gridSpan of the cells before it counted). */
  column: number;
  fill?: string;
}

interface Scan {
  /** Top-level tables as rows of cells, the rows mammoth keeps (deleted rows left out). */
  tables: XmlCell[][][];
  insertions: number;
  deletions: number;
}

const ATTRIBUTE = /w:(val|color|fill)="([^"]*)"/g;

/** A w:shd's visible colour: the fill, or the pattern colour of a solid pattern. White and auto are no colour. */
function shading(attributes: string): string | undefined {
  const values: Record<string, string> = {};
  for (const [, name = "", value = ""] of attributes.matchAll(ATTRIBUTE)) values[name] = value;
  const colour = values.val === "solid" ? values.color : values.val === "nil" ? undefined : values.fill;
  if (!colour || !/^[0-9A-Fa-f]{6}$/.test(colour)) return undefined;
  const hex = colour.toUpperCase();
  return hex === "FFFFFF" ? undefined : hex;
}

/**
 * One pass over the XML with a tag-level tokenizer (no DOM: mammoth already built one, a second
 * would double the cost). Tracks only what mammoth drops, in the same tables mammoth keeps:
 * - mc:Choice content is skipped (mammoth reads the mc:Fallback of alternate content);
 * - rows deleted as a tracked change are left out (mammoth drops them);
 * - w:tcPrChange holds the *old* cell properties, so its shading and spans are ignored.
 */
export function scanDocumentXml(xml: string): Scan {
  const tables: XmlCell[][][] = [];
  let depth = 0;
  let choice = 0;
  let propertyChange = 0;
  let inCellProperties = false;
  let inRowProperties = false;
  let rowDeleted = false;
  let row: XmlCell[] | null = null;
  let cell: XmlCell | null = null;
  let column = 0;
  let insertions = 0;
  let deletions = 0;
  const tag = /<(\/?)(w:(?:tbl|tr|trPr|tc|tcPr|tcPrChange|gridSpan|shd|ins|del|moveFrom|moveTo)|mc:Choice)\b([^>]*?)(\/?)>/g;
  for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
    const [, closing = "", name = "", attributes = "", selfClosing = ""] = match;
    const opening = !closing;
    const element = opening && !selfClosing;
    if (name === "mc:Choice") {
      if (element) choice++;
      else if (closing) choice--;
      continue;
    }
    if (choice > 0) continue;
    switch (name) {
      case "w:ins":
      case "w:moveTo":
        if (opening) insertions++;
        break;
      case "w:del":
      case "w:moveFrom":
        if (opening) deletions++;
        if (opening && inRowProperties && depth === 1 && name === "w:del") rowDeleted = true;
        break;
      case "w:tbl":
        if (element) {
          depth++;
          if (depth === 1) tables.push([]);
        } else if (closing) depth--;
        break;
      default:
        if (depth !== 1) break;
        if (name === "w:tr") {
          if (element) {
            row = [];
            column = 0;
            rowDeleted = false;
          } else if (closing && row) {
            if (!rowDeleted) tables[tables.length - 1]!.push(row); // depth 1: its w:tbl pushed a table
            row = null;
          }
        } else if (name === "w:trPr") inRowProperties = element;
        else if (name === "w:tc") {
          if (element && row) {
            cell = { column };
            row.push(cell);
            column++;
          } else if (closing) cell = null;
        } else if (name === "w:tcPr") {
          if (propertyChange === 0) inCellProperties = element;
        } else if (name === "w:tcPrChange") {
          if (element) propertyChange++;
          else if (closing) propertyChange--;
        } else if (cell && inCellProperties && propertyChange === 0) {
          if (name === "w:gridSpan") column += Math.max(0, Math.min(Number(/w:val="(\d+)"/.exec(attributes)?.[1] ?? 1), 64) - 1);
          else if (name === "w:shd") cell.fill ??= shading(attributes);
        }
    }
  }
  return { tables, insertions, deletions };
}

/**
 * Put the XML's fills on mammoth's cells, matched by table, row and grid column. A table whose
 * row count differs from the XML's cannot be matched safely: it keeps no fills, and says so.
 */
function applyFills(blocks: TableBlock[], xmlTables: XmlCell[][][], notices: ReaderNotice[]): void {
  const unmatched: number[] = [];
  blocks.forEach((table, tableIndex) => {
    const xmlRows = xmlTables[tableIndex];
    if (!xmlRows || xmlRows.length !== table.rows.length) {
      if (xmlRows?.some((xmlRow) => xmlRow.some((xmlCell) => xmlCell.fill))) unmatched.push(tableIndex + 1);
      return;
    }
    table.rows.forEach((row, rowIndex) => {
      // xmlRows has as many rows as the table, checked above.
      const byColumn = new Map(xmlRows[rowIndex]!.map((xmlCell) => [xmlCell.column, xmlCell.fill]));
      let column = 0;
      for (const cell of row.cells) {
        const fill = byColumn.get(column);
        if (fill && !cell.fill) cell.fill = fill;
        column += cell.colSpan ?? 1;
      }
    });
  });
  if (unmatched.length > 0) {
    notices.push({
      code: "fills-unmatched",
      message: `cell colours of table${unmatched.length > 1 ? "s" : ""} ${unmatched.join(", ")} could not be matched to their cells and were left out`,
      location: { table: unmatched[0] },
    });
  }
}

/** mammoth embeds every image as base64 by default; records never need them, so none is read. */
const noImages = mammoth.images.imgElement(() => Promise.resolve({ src: "" }));

export async function readDocxWithMammoth(bytes: Uint8Array, options: DocxOptions): Promise<ReadDocument> {
  const zip = openZip(bytes, options.maxUncompressedBytes);
  const main = requireMainDocument(zip);
  const texts = new Map<string, string>();
  const file = mammothFile(zip, texts);
  const xml = (await file.read(main, "utf-8")) as string;

  let html: string;
  try {
    // `file` is mammoth's own input form for an opened package; its typings only list path and buffer.
    const input = { file } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    html = (await mammoth.convertToHtml(input, { convertImage: noImages })).value;
  } catch (error) {
    if (error instanceof InputError) throw error;
    // mammoth's own words (an xmldom message with "@#[line:undefined,...]") mean nothing to an officer.
    throw new InputError("damaged Word document: its XML could not be read (open it in Word and save it again)", "corrupt");
  }
  // mammoth writes well-formed HTML, so the quick htmlparser2 parser will do (parse5 costs ~4x more).
  const blocks = blocksOf(parseLinear(htmlparser2, html));
  const scan = scanDocumentXml(xml);
  const notices: ReaderNotice[] = [];
  applyFills(
    blocks.filter((block): block is TableBlock => block.kind === "table"),
    scan.tables,
    notices,
  );
  if (scan.insertions + scan.deletions > 0) {
    notices.push({
      code: "tracked-changes",
      message: `the document still has unaccepted tracked changes (${scan.insertions} insertions, ${scan.deletions} deletions); read as if accepted`,
    });
  }
  return { format: "docx", blocks, notices };
}
