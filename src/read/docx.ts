/**
 * .docx → blocks. mammoth gives the text, paragraphs, lists and tables (as HTML, read by the
 * HTML reader); what mammoth drops is read from word/document.xml itself in one pass: cell
 * shading (the colour of a RAG cell), and whether tracked changes are still unaccepted.
 * mammoth already gives the accepted view: insertions kept, deletions dropped.
 */
import mammoth from "mammoth";
import { Unzip, UnzipInflate, unzipSync } from "fflate";
import { load } from "cheerio";
import type { ReadDocument, ReaderNotice, TableBlock } from "../model/blocks.js";
import { InputError } from "../errors.js";
import { blocksOf } from "./html.js";

export interface DocxOptions {
  maxUncompressedBytes: number;
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Check the package before anything inflates it: the sizes its directory declares, then the
 * bytes it really expands to (a zip can lie about its sizes). Returns word/document.xml.
 */
function unpackDocumentXml(bytes: Uint8Array, cap: number): string {
  let declared = 0;
  try {
    unzipSync(bytes, {
      filter: (file) => {
        declared += file.originalSize;
        return false;
      },
    });
  } catch (error) {
    throw new InputError(`corrupt or truncated zip archive (${(error as Error).message})`, "corrupt");
  }
  if (declared > cap) throw new InputError(`zip expands to ${megabytes(declared)}, over the ${megabytes(cap)} limit (--max-unzipped-mb)`, "too-large");

  let inflated = 0;
  const parts: Uint8Array[] = [];
  const unzip = new Unzip((file) => {
    const keep = file.name === "word/document.xml";
    file.ondata = (error, chunk) => {
      if (error) throw new InputError(`corrupt or truncated zip archive (${error.message})`, "corrupt");
      inflated += chunk.length;
      if (inflated > cap) throw new InputError(`zip expands past the ${megabytes(cap)} limit (--max-unzipped-mb)`, "too-large");
      if (keep) parts.push(chunk);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    unzip.push(bytes, true);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`corrupt or truncated zip archive (${(error as Error).message})`, "corrupt");
  }
  if (parts.length === 0) throw new InputError("a zip archive that is not a Word document (no word/document.xml)", "unsupported");
  return Buffer.concat(parts).toString("utf8");
}

interface XmlCell {
  column: number;
  fill?: string;
}

/** One pass over the XML: cell fills of top-level tables by row and grid column, and tracked changes. */
function scanDocumentXml(xml: string): { tables: XmlCell[][][]; insertions: number; deletions: number } {
  const tables: XmlCell[][][] = [];
  let depth = 0;
  let inCellProperties = false;
  let column = 0;
  let cell: XmlCell | null = null;
  let insertions = 0;
  let deletions = 0;
  const tag = /<(\/?)w:(tbl|tr|tc|tcPr|gridSpan|shd|ins|del)\b([^>]*?)(\/?)>/g;
  for (let match = tag.exec(xml); match; match = tag.exec(xml)) {
    const [, closing, name, attributes, selfClosing] = match;
    if (name === "ins" && !closing) insertions++;
    else if (name === "del" && !closing) deletions++;
    else if (name === "tbl") {
      if (closing) depth--;
      else {
        depth++;
        if (depth === 1) tables.push([]);
      }
    } else if (depth !== 1) continue;
    else if (name === "tr" && !closing) {
      tables[tables.length - 1].push([]);
      column = 0;
    } else if (name === "tc") {
      if (!closing) {
        cell = { column };
        const rows = tables[tables.length - 1];
        rows[rows.length - 1]?.push(cell);
        column++;
      } else cell = null;
    } else if (name === "tcPr") inCellProperties = !closing && !selfClosing;
    else if (name === "gridSpan" && cell && inCellProperties) {
      const span = Number(/w:val="(\d+)"/.exec(attributes)?.[1] ?? 1);
      column += Math.max(0, span - 1);
    } else if (name === "shd" && cell && inCellProperties) {
      const fill = /w:fill="([0-9A-Fa-f]{6})"/.exec(attributes)?.[1];
      if (fill && fill.toUpperCase() !== "FFFFFF") cell.fill = fill.toUpperCase();
    }
  }
  return { tables, insertions, deletions };
}

/** Put the XML's fills on mammoth's cells, matched by table, row and grid column. */
function applyFills(blocks: TableBlock[], xmlTables: XmlCell[][][]): void {
  blocks.forEach((table, tableIndex) => {
    const xmlRows = xmlTables[tableIndex];
    if (!xmlRows) return;
    table.rows.forEach((row, rowIndex) => {
      const xmlCells = xmlRows[rowIndex] ?? [];
      let column = 0;
      for (const cell of row.cells) {
        const fill = xmlCells.find((xmlCell) => xmlCell.column === column)?.fill;
        if (fill && !cell.fill) cell.fill = fill;
        column += cell.colSpan ?? 1;
      }
    });
  });
}

export async function readDocx(bytes: Uint8Array, options: DocxOptions): Promise<ReadDocument> {
  const xml = unpackDocumentXml(bytes, options.maxUncompressedBytes);
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch (error) {
    throw new InputError(`cannot read the Word document (${(error as Error).message})`, "corrupt");
  }
  // mammoth writes well-formed HTML, so the quick htmlparser2 parser will do (parse5 costs ~4x more).
  const blocks = blocksOf(load(html, { xml: { xmlMode: false, decodeEntities: true } }));
  const scan = scanDocumentXml(xml);
  applyFills(blocks.filter((block): block is TableBlock => block.kind === "table"), scan.tables);
  const notices: ReaderNotice[] = [];
  if (scan.insertions + scan.deletions > 0) {
    notices.push({
      code: "tracked-changes",
      message: `the document still has unaccepted tracked changes (${scan.insertions} insertions, ${scan.deletions} deletions); read as if accepted`,
    });
  }
  return { format: "docx", blocks, notices };
}
