/**
 * Bytes to text. Exports of this era are UTF-8 (with or without a BOM), UTF-16 from some Word
 * "Unicode text" saves, or Windows-1252 from older office tools: try them in that order.
 */
import { isUtf8 } from "node:buffer";

/**
 * Windows-1252 differs from Latin-1 only in 0x80–0x9F (curly quotes, dashes, €, …). Node's
 * TextDecoder decodes "windows-1252" as Latin-1, so those 32 code points are mapped here.
 */
const CP1252_HIGH =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

const asBuffer = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export function decodeWindows1252(bytes: Uint8Array): string {
  return asBuffer(bytes)
    .toString("latin1")
    .replace(/[\x80-\x9f]/g, (character) => CP1252_HIGH.charAt(character.charCodeAt(0) - 0x80));
}

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export interface DecodedText {
  text: string;
  encoding: Encoding;
}

/** The encoding, and where the text starts (after a byte order mark). */
function detect(bytes: Uint8Array): { encoding: Encoding; start: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", start: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", start: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", start: 2 };
  // Checked without decoding: a large file is not turned into a string only to be thrown away.
  return { encoding: isUtf8(bytes) ? "utf-8" : "windows-1252", start: 0 };
}

function decodeRange(bytes: Uint8Array, encoding: Encoding, start: number, end: number): string {
  if (encoding === "utf-8") return asBuffer(bytes).toString("utf8", start, end);
  if (encoding === "windows-1252") return decodeWindows1252(bytes.subarray(start, end));
  return new TextDecoder(encoding).decode(bytes.subarray(start, end));
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const { encoding, start } = detect(bytes);
  return { text: decodeRange(bytes, encoding, start, bytes.length), encoding };
}

/**
 * The lines of a text one at a time (split at \r\n, \r or \n, as `split(/\r\n|\r|\n/)` would), so
 * a large file is never held as one string plus an array of its lines. In UTF-8 and
 * Windows-1252 the bytes 0x0A and 0x0D are only ever line ends, so lines are cut from the bytes
 * and each decoded alone; UTF-16 (rare) is decoded whole first.
 */
export function* decodeLines(bytes: Uint8Array): Generator<string> {
  const { encoding, start } = detect(bytes);
  if (encoding === "utf-16le" || encoding === "utf-16be") {
    const text = decodeRange(bytes, encoding, start, bytes.length);
    const breaks = /\r\n|\r|\n/g;
    let from = 0;
    for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
      yield text.slice(from, match.index);
      from = match.index + match[0].length;
    }
    yield text.slice(from);
    return;
  }
  const length = bytes.length;
  for (let from = start; ; ) {
    let end = from;
    while (end < length && bytes[end] !== 0x0a && bytes[end] !== 0x0d) end++;
    yield decodeRange(bytes, encoding, from, end);
    if (end >= length) return;
    from = end + (bytes[end] === 0x0d && bytes[end + 1] === 0x0a ? 2 : 1);
  }
}
