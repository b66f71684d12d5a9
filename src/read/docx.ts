/**
 * .docx → blocks, by one of two readers:
 * - native (the default): ooxml/, a streaming pass over word/document.xml; every cell anchored;
 * - mammoth: the reference, mammoth's HTML read by the HTML reader (docx-mammoth.ts), kept to
 *   compare against (test/read-docx-differential.test.ts) and as a fallback for users.
 * Each is loaded only when asked for: mammoth and cheerio cost ~100 ms to load.
 */
import type { ReadDocument } from "../model/blocks.js";

export type DocxReader = "native" | "mammoth";
export const DOCX_READERS: readonly DocxReader[] = ["native", "mammoth"];

export interface DocxOptions {
  maxUncompressedBytes: number;
  reader?: DocxReader;
}

export async function readDocx(bytes: Uint8Array, options: DocxOptions): Promise<ReadDocument> {
  if (options.reader === "mammoth") {
    const { readDocxWithMammoth } = await import("./docx-mammoth.js");
    return readDocxWithMammoth(bytes, options);
  }
  const { readDocxNative } = await import("./ooxml/read.js");
  return readDocxNative(bytes, options.maxUncompressedBytes);
}
