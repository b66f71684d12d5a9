/**
 * What a file is, from its bytes, never its name: a zip holding word/document.xml is .docx, an
 * OLE2 compound file is .doc (unless it is encrypted, or another Office kind), markup is HTML,
 * and anything else that decodes as text is text. Other known kinds are named in the refusal.
 */
export type Sniffed = { kind: "docx" | "doc" | "html" | "text" } | { kind: "unsupported"; reason: string } | { kind: "encrypted"; reason: string };

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);
const ascii = (bytes: Uint8Array, start: number, length: number) => Buffer.from(bytes.subarray(start, start + length)).toString("latin1");
const utf16Name = (name: string) => Buffer.from(name, "utf16le");
const contains = (bytes: Uint8Array, needle: Buffer) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(needle);

const BINARY_KINDS: [number[], string, number?][] = [
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

/** Names of the entries in a zip's central directory (enough to tell a .docx from an .xlsx). */
function zipKind(bytes: Uint8Array): Sniffed {
  const text = ascii(bytes, 0, bytes.length);
  if (text.includes("word/document.xml")) return { kind: "docx" };
  if (text.includes("xl/workbook.xml")) return { kind: "unsupported", reason: "an Excel workbook (.xlsx), not a Word document" };
  if (text.includes("ppt/presentation.xml")) return { kind: "unsupported", reason: "a PowerPoint presentation (.pptx), not a Word document" };
  if (text.includes("application/vnd.oasis.opendocument.text")) return { kind: "unsupported", reason: "an OpenDocument text (.odt): save it as .docx" };
  if (text.includes("word/")) return { kind: "docx" };
  return { kind: "unsupported", reason: "a zip archive that is not a Word document" };
}

function oleKind(bytes: Uint8Array): Sniffed {
  if (contains(bytes, utf16Name("EncryptionInfo")) || contains(bytes, utf16Name("EncryptedPackage"))) {
    return { kind: "encrypted", reason: "password-protected Word document: remove the password and save again" };
  }
  if (contains(bytes, utf16Name("Workbook")) || contains(bytes, utf16Name("Book"))) return { kind: "unsupported", reason: "an Excel 97-2003 workbook (.xls), not a Word document" };
  if (contains(bytes, utf16Name("PowerPoint Document"))) return { kind: "unsupported", reason: "a PowerPoint 97-2003 presentation (.ppt), not a Word document" };
  if (contains(bytes, utf16Name("WordDocument"))) return { kind: "doc" };
  return { kind: "unsupported", reason: "an OLE2 compound file that is not a Word document" };
}

export function sniffFormat(bytes: Uint8Array): Sniffed {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipKind(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return oleKind(bytes);
  for (const [signature, name] of BINARY_KINDS) if (startsWith(bytes, signature)) return { kind: "unsupported", reason: `${name}, not a performance update` };
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) return { kind: "unsupported", reason: "a binary file, not a performance update" };
  const head = (utf16 ? Buffer.from(bytes.subarray(0, 4096)).toString(startsWith(bytes, [0xff, 0xfe]) ? "utf16le" : "latin1") : ascii(bytes, 0, 4096)).replace(/^\ufeff/, "").trimStart().toLowerCase();
  if (/^(?:<!doctype html|<html|<\?xml[^>]*>\s*<html|<head|<body|<table|<meta|<!--)/.test(head) || /<html[\s>]/.test(head.slice(0, 1024))) return { kind: "html" };
  return { kind: "text" };
}
