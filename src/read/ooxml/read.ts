/**
 * The native .docx reader: the package opened through the zip guard (zip.ts), the main document
 * inflated (by zlib) and tokenised as a stream straight into blocks (body.ts). Numbering and styles are
 * small parts, read whole, and styles only when a list needs them.
 */
import type { ReadDocument } from "../../model/blocks.js";
import { openZip } from "../zip.js";
import { BodyReader } from "./body.js";
import { readNumbering, readStyles, type Styles } from "./numbering.js";
import { partBytes, relatedParts, requireMainDocument } from "./package.js";
import { XmlTokenizer } from "./tokenizer.js";

export async function readDocxNative(bytes: Uint8Array, maxUncompressedBytes: number): Promise<ReadDocument> {
  const zip = openZip(bytes, maxUncompressedBytes);
  const main = requireMainDocument(zip);
  const parts = relatedParts(zip, main);
  let styles: Styles | undefined;
  const stylesOnce = () => (styles ??= readStyles(partBytes(zip, parts.styles)));
  const numbering = readNumbering(partBytes(zip, parts.numbering), stylesOnce);

  const body = new BodyReader(main, numbering, stylesOnce);
  const tokenizer = new XmlTokenizer(body, main);
  await zip.stream(main, (chunk) => tokenizer.write(chunk));
  tokenizer.end();
  const { blocks, notices } = body.finish();
  return { format: "docx", blocks, notices };
}
