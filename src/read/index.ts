/**
 * Bytes → blocks. The format is sniffed from the bytes, never the file name, and each reader is
 * loaded only when a document of its kind turns up, so start-up stays quick.
 */
import { locateBlock, locateCells, placeNotices, type Block, type BlockStream, type ReadDocument } from "../model/blocks.js";
import { InputError } from "../errors.js";
import { sniffFormat } from "./sniff.js";
import { mayHaveTooManyCells, readText, textBlocks } from "./text.js";
import { loadMarkupParser } from "./markup.js";
import { mayNeedMarkupParser } from "./residue-markup.js";
import type { DocxReader } from "./docx.js";

export type { DocxReader } from "./docx.js";

export interface ReadOptions {
  /** Zip-bomb guard for .docx: the most a package may expand to, in bytes (default 256 MB). */
  maxUncompressedBytes?: number;
  /** Which .docx reader: the native streaming one (default) or mammoth, the reference. */
  docxReader?: DocxReader;
}

export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 256 * 1024 * 1024;

export async function readDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadDocument> {
  const document = await readByFormat(bytes, options);
  locateCells(document.blocks);
  return placeNotices(document);
}

/**
 * Like readDocument, but a text file's blocks come one at a time as they are iterated, so that a
 * large one is parsed as it is read. Every error a reader can raise is raised here, before the
 * first block: a text file that might hold a line too long to read is read whole, as by
 * readDocument. Other formats are read whole (their blocks need the whole file anyway).
 */
export async function streamDocument(bytes: Uint8Array, options: ReadOptions = {}): Promise<BlockStream> {
  if (bytes.length > 0 && sniffFormat(bytes).kind === "text" && !mayHaveTooManyCells(bytes)) {
    await markupParserIfNeeded(bytes);
    return { format: "text", blocks: locatedBlocks(textBlocks(bytes)), notices: [] };
  }
  return readDocument(bytes, options);
}

/**
 * The HTML parser is loaded ahead only for markup beyond the paragraphs, lists and breaks that
 * residue-markup.ts reads itself (start-up time: most text files, even with residue, need none).
 */
async function markupParserIfNeeded(bytes: Uint8Array): Promise<void> {
  if (mayNeedMarkupParser(bytes)) await loadMarkupParser();
}

function* locatedBlocks(blocks: Iterable<Block>): Generator<Block, void, undefined> {
  for (const block of blocks) yield locateBlock(block);
}

async function readByFormat(bytes: Uint8Array, options: ReadOptions): Promise<ReadDocument> {
  if (bytes.length === 0) throw new InputError("empty file", "empty");
  const format = sniffFormat(bytes);
  switch (format.kind) {
    case "docx": {
      const { readDocx } = await import("./docx.js");
      return readDocx(bytes, { maxUncompressedBytes: options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES, reader: options.docxReader });
    }
    case "doc": {
      const { readDoc } = await import("./doc.js");
      return readDoc(bytes);
    }
    case "html": {
      const { readHtml } = await import("./html.js");
      return readHtml(bytes);
    }
    case "text":
      await markupParserIfNeeded(bytes);
      return readText(bytes);
    case "encrypted":
      throw new InputError(format.reason, "encrypted");
    case "unsupported":
      throw new InputError(format.reason, "unsupported");
    case "corrupt":
      throw new InputError(format.reason, "corrupt");
  }
}
