/**
 * What a file is, from its bytes, never its name: a zip holding a Word document is .docx, an OLE2
 * compound file is .doc (unless it is encrypted, or another Office kind), markup is HTML, and
 * anything else that decodes as text is text. Other known kinds are named in the refusal, so the
 * user learns what they handed over.
 */
export type Sniffed =
  | { kind: "docx" | "doc" | "html" | "text" }
  | { kind: "unsupported"; reason: string }
  | { kind: "encrypted"; reason: string }
  | { kind: "corrupt"; reason: string };

import { OleDamage, readOle } from "./ole.js";

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);
const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
/** Search the raw bytes (no decoding of the whole file: a .docx can be megabytes of images). */
const contains = (bytes: Uint8Array, needle: string, encoding: BufferEncoding = "latin1") => asBuffer(bytes).includes(Buffer.from(needle, encoding));

const BINARY_KINDS: [number[], string][] = [
  [[0x25, 0x50, 0x44, 0x46], "a PDF document"],
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image"],
  [[0x42, 0x4d], "a BMP image"],
  [[0x49, 0x49, 0x2a, 0x00], "a TIFF image"],
  [[0x4d, 0x4d, 0x00, 0x2a], "a TIFF image"],
  [[0x1f, 0x8b], "a gzip archive"],
  [[0x52, 0x61, 0x72, 0x21], "a RAR archive"],
  [[0x37, 0x7a, 0xbc, 0xaf], "a 7-Zip archive"],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], "an RTF document (save it as .docx)"],
];

const RESAVE = "open it in Word or LibreOffice and save it as .docx";
/** Word before Word 6.0 wrote no OLE2 container: its own header starts the file (wIdent, nFib). */
const OLD_WORD_KINDS: [number[], string][] = [
  [[0x9b, 0xa5, 0x21, 0x00], `a Word for Windows 1.0 document, which this tool cannot read: ${RESAVE}`],
  [[0xdb, 0xa5, 0x2d, 0x00], `a Word for Windows 2.0 document, which this tool cannot read: ${RESAVE}`],
  [[0x31, 0xbe, 0x00, 0x00, 0x00, 0xab], `a Word for DOS document, which this tool cannot read: ${RESAVE}`],
];

/**
 * Which Office kind a zip is, from the part names. The names are in the local headers as well as
 * the central directory, so a truncated .docx is still told apart (and then refused as corrupt).
 */
function zipKind(bytes: Uint8Array): Sniffed {
  if (contains(bytes, "word/document.xml")) return { kind: "docx" };
  if (contains(bytes, "xl/workbook.xml")) return { kind: "unsupported", reason: "an Excel workbook (.xlsx), not a Word document" };
  if (contains(bytes, "ppt/presentation.xml")) return { kind: "unsupported", reason: "a PowerPoint presentation (.pptx), not a Word document" };
  if (contains(bytes, "application/vnd.oasis.opendocument.text")) return { kind: "unsupported", reason: "an OpenDocument text (.odt): save it as .docx" };
  if (contains(bytes, "application/vnd.oasis.opendocument.spreadsheet")) return { kind: "unsupported", reason: "an OpenDocument spreadsheet (.ods), not a Word document" };
  // Some writers name the main part differently (word/document2.xml): the reader finds it.
  if (contains(bytes, "word/")) return { kind: "docx" };
  return { kind: "unsupported", reason: "a zip archive that is not a Word document" };
}

/**
 * OLE2 compound files hold .doc, .xls, .ppt, and also password-protected .docx (an
 * EncryptedPackage stream beside EncryptionInfo). The kind is told by the stream names in the
 * directory, compared regardless of case (as MS-CFB compares them: some writers store
 * `worddocument`). When the directory cannot be read, the names are looked for in the raw bytes
 * (UTF-16), so a damaged .doc still goes to the .doc reader, which says what is damaged.
 */
function oleKind(bytes: Uint8Array): Sniffed {
  let has: (name: string) => boolean;
  let damage: string | undefined;
  try {
    const names = new Set(readOle(bytes).streamNames.map((name) => name.toLowerCase()));
    has = (name) => names.has(name.toLowerCase());
  } catch (error) {
    if (!(error instanceof OleDamage)) throw error;
    damage = error.message;
    const text = asBuffer(bytes).toString("latin1").toLowerCase();
    has = (name) => text.includes(Buffer.from(name.toLowerCase(), "utf16le").toString("latin1"));
  }
  if (has("EncryptionInfo") || has("EncryptedPackage")) {
    return { kind: "encrypted", reason: "password-protected Word document: remove the password and save again" };
  }
  if (has("WordDocument")) return { kind: "doc" };
  if (has("Workbook") || has("Book")) return { kind: "unsupported", reason: "an Excel 97-2003 workbook (.xls), not a Word document" };
  if (has("PowerPoint Document")) return { kind: "unsupported", reason: "a PowerPoint 97-2003 presentation (.ppt), not a Word document" };
  if (damage) return { kind: "corrupt", reason: `damaged Office 97-2003 file: ${damage}` };
  return { kind: "unsupported", reason: "an OLE2 compound file that is not a Word document" };
}

/** The first few KB as text, for the markup test: UTF-16 (with a BOM) decoded as such. */
function head(bytes: Uint8Array): string {
  const start = bytes.subarray(0, 4096);
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(start.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(start.subarray(2));
  return asBuffer(start).toString("latin1").replace(/^\xef\xbb\xbf/, "");
}

/** Document-level markup anywhere near the top: a page, or Word's "Save as Web Page" output. */
const PAGE = /^(?:<!doctype html|<html|<\?xml[^>]*>\s*<html|<head|<body|<meta|<!--)|<html[\s>]/;
/** A bare fragment (<table>, <p>, <div>) is markup too, unless it has tabs: then it is a text extraction with residue in it. */
const FRAGMENT = /^<(?:table|p|div|h[1-6]|ul|ol)[\s>]/;

export function sniffFormat(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipKind(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return oleKind(bytes);
  for (const [signature, reason] of OLD_WORD_KINDS) if (startsWith(bytes, signature)) return { kind: "unsupported", reason };
  for (const [signature, name] of BINARY_KINDS) if (startsWith(bytes, signature)) return { kind: "unsupported", reason: `${name}, not a performance update` };
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  // NUL bytes mean binary; high bytes alone do not (Windows-1252 text is text).
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) return { kind: "unsupported", reason: "a binary file, not a performance update" };
  const text = head(bytes).trimStart().toLowerCase();
  if (PAGE.test(text.slice(0, 1024)) || (FRAGMENT.test(text) && !text.includes("\t"))) return { kind: "html" };
  return { kind: "text" };
}
