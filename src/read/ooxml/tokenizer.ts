/**
 * A streaming XML tokenizer for the parts of a Word package: bytes go in as they inflate, start
 * tags, end tags and text come out. No tree, no whole-document string.
 *
 * Why our own and not htmlparser2 (xmlMode) or saxes: measured on a 12.6 MB document.xml
 * (2 cores, interleaved runs), the inflate + one regex pass "floor" took 143–235 ms, a first
 * regex tokenizer 176–300 ms (~1.2x the floor), htmlparser2's Parser 410–620 ms and saxes
 * 390–560 ms (~2.5–3x: both build an attribute object and decode text for every tag, where a
 * Word body needs the attributes of a dozen tag names and the text of one).
 *
 * How it stays cheap (each measured on that document, process CPU time):
 * - The bytes are read as Latin-1, one character per byte (a copy, no decoding: ~2 ms against
 *   ~55 ms for UTF-8 decoding). Markup is ASCII, so tags read the same; text and attribute
 *   values are decoded from UTF-8 only when a reader asks for them (decodeText, Tag.attribute).
 * - Every piece scanned is a flat string: a piece left over from the last chunk is joined as
 *   bytes, never as `carry + chunk`, because V8 scans a concatenated string about twice as slowly.
 * - The bytes are scanned in pieces of at most 64 KB: V8 makes a longer string in its
 *   large-object space, several times slower.
 * - A tag is read by hand (tagEnd: its grammar is a regex, written down in the tests), ~20% less
 *   CPU than the regex itself; the attribute text stays in place until a reader asks for one
 *   attribute of it. Interning names (one shared string per name, found by a hash of its
 *   characters instead of cutting one per tag) was tried again: it cost more than it saved.
 *
 * What it keeps inert: a DOCTYPE is refused (Word never writes one; it is how entity-expansion
 * bombs and external entities get in), only the five XML entities and character references are
 * decoded, comments / processing instructions / CDATA never reach the handler as markup.
 * Malformed markup ends in one plain InputError; no parser's text reaches the user.
 */
import { InputError } from "../../errors.js";

/** The start tag being handed to XmlHandler.open: valid only during that call. */
export interface Tag {
  /** One attribute's value, decoded (UTF-8 and XML entities), e.g. attribute("w:val"). */
  attribute(name: string): string | undefined;
  /** The raw attribute text (Latin-1 bytes, entities encoded): read it with attribute(raw, name). */
  attributes(): string;
}

export interface XmlHandler {
  open(name: string, tag: Tag, selfClosing: boolean): void;
  close(name: string): void;
  /** Raw text (UTF-8 bytes as Latin-1 characters, entities encoded: see decodeText), only while `wantsText` is true. */
  text(raw: string): void;
  wantsText: boolean;
}

/**
 * Where a tag ends (after its '>'), from just after its name, or -1 when what follows the name is
 * not a tag's end (damage, or a tag cut off at the end of the piece: see special()). It reads what
 * the regex <\/?[A-Za-z_][\w.:-]*(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*\/?> reads after
 * the name, by hand: ~20% less CPU than that regex for the tokenizer, most tags having no attributes.
 */
function tagEnd(source: string, from: number): number {
  const length = source.length;
  let at = from;
  for (;;) {
    let code = source.charCodeAt(at);
    const spaced = isRegexSpace(code);
    while (isRegexSpace(code)) code = source.charCodeAt(++at);
    if (code === 0x3e /* > */) return at + 1;
    if (code === 0x2f /* / */) return source.charCodeAt(at + 1) === 0x3e ? at + 2 : -1;
    // An attribute: space, name, '=', a quoted value.
    if (!spaced || at >= length || code === 0x3d /* = */) return -1;
    do code = source.charCodeAt(++at);
    while (at < length && !isRegexSpace(code) && code !== 0x3d && code !== 0x2f && code !== 0x3e);
    while (isRegexSpace(code)) code = source.charCodeAt(++at);
    if (code !== 0x3d) return -1;
    code = source.charCodeAt(++at);
    while (isRegexSpace(code)) code = source.charCodeAt(++at);
    if (code !== 0x22 /* " */ && code !== 0x27 /* ' */) return -1;
    const close = source.indexOf(code === 0x22 ? '"' : "'", at + 1);
    if (close < 0) return -1;
    at = close + 1;
  }
}

/** A regex's \s among Latin-1 characters: tab, line feed, vertical tab, form feed, carriage return, space, no-break space. */
function isRegexSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0;
}

/** [A-Za-z_], the first character of a tag name. */
function isNameStart(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || code === 0x5f;
}

/** The most a single tag may span: a longer one is damage, not a Word tag. */
const LONGEST_TAG = 1024 * 1024;

/** [\w.:-], the characters of a name after its first. */
function isNameChar(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x3a) || code === 0x5f || code === 0x2d || code === 0x2e;
}

const EMPTY = new Uint8Array(0);

/** The first bytes of a UTF-8 byte order mark (a chunk may end inside it). */
function isBomStart(bytes: Uint8Array): boolean {
  return [0xef, 0xbb, 0xbf].slice(0, bytes.length).every((byte, at) => bytes[at] === byte);
}

/**
 * The most bytes scanned as one string. V8 makes a string over 128 KB in its large-object space,
 * about 7x slower than a smaller one (Latin-1 copy of the 178 KB document.xml of q2-2008-09.docx:
 * 140 us whole, 20 us in 64 KB pieces).
 */
const PIECE = 64 * 1024;

/** Bytes as a Buffer (no copy), to be read as Latin-1: one character per byte, a copy and no decoding. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export class XmlTokenizer implements Tag {
  /** Bytes of a tag or other markup cut off at the end of the last chunk. */
  private carry: Uint8Array = EMPTY;
  /** Bytes of the part before `carry`. */
  private consumed = 0;
  /** Where the piece being scanned starts in the part, for messages. */
  private offset = 0;
  private started = false;
  /** The piece being scanned and, during open(), where the tag's attribute text lies in it. */
  private source = "";
  private attributesStart = 0;
  private attributesEnd = 0;

  constructor(
    private readonly handler: XmlHandler,
    /** The part's name, for messages. */
    private readonly part: string,
  ) {}

  attribute(name: string): string | undefined {
    return attributeIn(this.source, this.attributesStart, this.attributesEnd, name);
  }

  attributes(): string {
    return this.source.slice(this.attributesStart, this.attributesEnd);
  }

  write(chunk: Uint8Array): void {
    let rest = chunk;
    // What was cut off at the end of the last chunk is joined to at most a piece of this one, not
    // to all of it (a copy of every chunk, as nearly every chunk ends inside a tag); the rest is
    // scanned where it lies.
    while (this.carry.length > 0 && rest.length > 0) {
      const head = rest.subarray(0, PIECE);
      rest = rest.subarray(head.length);
      const joined = new Uint8Array(this.carry.length + head.length);
      joined.set(this.carry);
      joined.set(head, this.carry.length);
      this.take(joined);
    }
    if (rest.length > 0) this.take(rest);
  }

  /** Scan `bytes`, which start where the part's unread bytes start; keep what is cut off at their end. */
  private take(bytes: Uint8Array): void {
    let start = 0;
    if (!this.started) {
      if (bytes.length < 3 && isBomStart(bytes)) {
        this.carry = bytes;
        return;
      }
      this.started = true;
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
    }
    // Scanned in pieces of at most PIECE bytes; a piece ending inside a tag is taken up again at
    // that tag. A tag longer than a piece (no progress) is retried with the rest of the bytes.
    const buffer = asBuffer(bytes);
    while (start < bytes.length) {
      const end = Math.min(bytes.length, start + PIECE);
      let reached = this.scan(buffer, start, end);
      if (reached === start && end < bytes.length) reached = this.scan(buffer, start, bytes.length);
      if (reached === start) break;
      start = reached;
    }
    this.consumed += start;
    this.carry = start < bytes.length ? bytes.subarray(start) : EMPTY;
    if (this.carry.length > LONGEST_TAG) this.damaged(0);
  }

  /** Tokenise bytes[start, end) as one Latin-1 string; returns where it stopped (the end, or a tag cut short). */
  private scan(bytes: Buffer, start: number, end: number): number {
    const source = bytes.toString("latin1", start, end);
    this.source = source;
    this.offset = this.consumed + start;
    const handler = this.handler;
    const length = source.length;
    let position = 0;
    for (;;) {
      const lt = source.indexOf("<", position);
      if (lt < 0) {
        if (handler.wantsText && position < length) handler.text(source.slice(position));
        position = length;
        break;
      }
      if (lt > position && handler.wantsText) handler.text(source.slice(position, lt));
      let at = lt + 1;
      let code = source.charCodeAt(at);
      const closing = code === 0x2f; /* / */
      if (closing) code = source.charCodeAt(++at);
      if (isNameStart(code)) {
        const nameStart = at;
        do code = source.charCodeAt(++at);
        while (isNameChar(code));
        const end = tagEnd(source, at);
        if (end > 0) {
          const name = source.slice(nameStart, at);
          position = end;
          if (closing) handler.close(name);
          else {
            const selfClosing = source.charCodeAt(end - 2) === 0x2f;
            this.attributesStart = at;
            this.attributesEnd = selfClosing ? end - 2 : end - 1;
            handler.open(name, this, selfClosing);
          }
          continue;
        }
      }
      const end = this.special(source, lt);
      if (end < 0) {
        position = lt;
        break;
      }
      position = end;
    }
    this.source = "";
    return start + position;
  }

  /** The end of the input: anything left over is a tag cut short. */
  end(): void {
    this.offset = this.consumed;
    for (let at = 0; at < this.carry.length; at++) {
      const byte = this.carry[at];
      if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) this.damaged(at);
    }
  }

  /**
   * Markup other than a plain tag at `lt`: returns where it ends, or -1 when it may continue in
   * the next chunk. Comments and processing instructions are skipped; CDATA is text.
   */
  private special(source: string, lt: number): number {
    const next = source.charCodeAt(lt + 1);
    if (next === 0x3f /* ? */) return this.skipTo(source, lt, "?>");
    if (next === 0x21 /* ! */) {
      if (source.length < lt + 9) return -1;
      if (source.startsWith("<!--", lt)) return this.skipTo(source, lt, "-->");
      if (source.startsWith("<![CDATA[", lt)) {
        const close = source.indexOf("]]>", lt + 9);
        if (close < 0) return -1;
        if (this.handler.wantsText) this.handler.text(escapeText(source.slice(lt + 9, close)));
        return close + 3;
      }
      if (/^<!DOCTYPE/i.test(source.slice(lt, lt + 9))) {
        throw new InputError(`${this.part} declares a DOCTYPE, which Word never writes; refused without reading it (it can hide entity bombs or fetch outside files)`, "unsafe");
      }
      this.damaged(lt);
    }
    // A tag whose end has not arrived yet, or a broken one: find its '>' outside quotes.
    let quote = 0;
    for (let at = lt + 1; at < source.length; at++) {
      const code = source.charCodeAt(at);
      if (quote) {
        if (code === quote) quote = 0;
      } else if (code === 0x22 || code === 0x27) quote = code;
      else if (code === 0x3e /* > */ || code === 0x3c /* < */) this.damaged(lt);
    }
    return -1;
  }

  private skipTo(source: string, lt: number, terminator: string): number {
    const close = source.indexOf(terminator, lt + 2);
    return close < 0 ? -1 : close + terminator.length;
  }

  /** `at`: where the damage is in the piece being scanned. */
  private damaged(at: number): never {
    throw new InputError(`damaged Word document: ${this.part} is not well-formed XML (near byte ${this.offset + at + 1})`, "corrupt");
  }
}

/** CDATA content as raw text, so decodeXml leaves it as written. */
function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;");
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The five XML entities and character references; anything else is left as written. */
export function decodeXml(raw: string): string {
  if (raw.indexOf("&") < 0) return raw;
  return raw.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|amp|lt|gt|quot|apos);/g, (whole, entity: string) => {
    if (entity.charCodeAt(0) !== 0x23) return NAMED[entity] ?? whole;
    const code = entity[1] === "x" ? Number.parseInt(entity.slice(2), 16) : Number.parseInt(entity.slice(1), 10);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

const NON_ASCII = /[\u0080-\u00ff]/;
/** What decodeText has to change: most texts have neither, and one test of this says so. */
const NOT_PLAIN = /[&\u0080-\u00ff]/;
/** Invalid UTF-8 becomes U+FFFD, as mammoth decodes it; a U+FEFF inside text is kept. */
const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });

/** Raw text from the tokenizer (UTF-8 bytes as Latin-1, entities encoded) as the text it stands for. */
export function decodeText(raw: string): string {
  if (!NOT_PLAIN.test(raw)) return raw;
  return decodeXml(NON_ASCII.test(raw) ? utf8.decode(Buffer.from(raw, "latin1")) : raw);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** One attribute's decoded value from a tag's raw attribute text, e.g. attribute(raw, "w:val"). */
export function attribute(attributes: string, name: string): string | undefined {
  return attributeIn(attributes, 0, attributes.length, name);
}

/** attribute() over source[start, end), so a tag's attributes are read where they lie. */
function attributeIn(source: string, start: number, end: number, name: string): string | undefined {
  if (end <= start) return undefined;
  let from = start;
  for (;;) {
    const at = source.indexOf(name, from);
    if (at < 0 || at + name.length > end) return undefined;
    from = at + name.length;
    // Whole names only: "w:val" must not match inside "w:lastVal".
    if (at > start && !isSpace(source.charCodeAt(at - 1))) continue;
    let cursor = from;
    while (cursor < end && isSpace(source.charCodeAt(cursor))) cursor++;
    if (cursor >= end || source.charCodeAt(cursor) !== 0x3d /* = */) continue;
    cursor++;
    while (cursor < end && isSpace(source.charCodeAt(cursor))) cursor++;
    if (cursor >= end) return undefined; // '=' at the very end: no value
    const quote = source[cursor]!;
    const close = source.indexOf(quote, cursor + 1);
    if (close < 0 || close >= end) return undefined;
    return decodeText(source.slice(cursor + 1, close));
  }
}
