/**
 * The HTML residue of text extractions, read without the HTML parser. Text exports of the
 * updates hold little markup: paragraphs (`<p>…</p>`), lists (`<ul style="list-style-type: none">`,
 * `<li>`), line breaks and the odd entity. Loading htmlparser2 and the packages it brings costs
 * about a tenth of a short run's time (docs/benchmarks.md, "Start-up"), so a cell holding only
 * that markup is turned into lines here, with the lines htmlparser2 and nodesToLines would give.
 *
 * Anything else (another tag, a comment, an entity other than the few below, a tag whose '>' is
 * not in the cell) gives undefined, and the caller parses the cell with htmlparser2. What is
 * taken here follows htmlparser2 10's tokenizer and tree building for these five tags: implied
 * ends (`<p>` ends an open p, `<ul>` and `<ol>` end a p, `<li>` ends an li), an end tag closing
 * everything opened after its element, `</p>` without an open p as an empty paragraph, `</br>` as
 * `<br>`, other unmatched end tags ignored. test/residue-markup.test.ts holds both to the same
 * lines on generated cells.
 */
import type { CellLine } from "../model/blocks.js";
import { cleanSpaces } from "./markup.js";

type TagName = "p" | "ul" | "ol" | "li" | "br";
const TAGS: ReadonlySet<string> = new Set<TagName>(["p", "ul", "ol", "li", "br"]);

/** The entities taken here, each with its semicolon (others, and any without one, go to the parser). */
const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map([
  ["amp", "&"],
  ["lt", "<"],
  ["gt", ">"],
  ["quot", '"'],
  ["apos", "'"],
  ["nbsp", "\u00a0"],
]);
const ENTITY = /^&(?:([a-z]+)|#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6}));/;

/** htmlparser2's white space inside tags. */
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0c || c === 0x0d;
const isAsciiLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isEntityStart = (c: number) => isAsciiLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x23;

/** The text of an entity this module decodes at `at`, and its length; undefined for any other. */
function entityAt(text: string, at: number): { value: string; length: number } | undefined {
  const match = ENTITY.exec(text.slice(at, at + 12));
  if (!match) return undefined;
  if (match[1] !== undefined) {
    const value = NAMED_ENTITIES.get(match[1]);
    return value === undefined ? undefined : { value, length: match[0].length };
  }
  const code = match[2] !== undefined ? Number(match[2]) : Number.parseInt(match[3]!, 16);
  // Printable code points that the HTML decoder keeps as they are: not controls, not the C1
  // range it maps to Windows-1252, not surrogates, not beyond the BMP's last character.
  const plain = (code >= 0x20 && code < 0x7f) || (code >= 0xa0 && code < 0xd800) || (code >= 0xe000 && code <= 0xfffd);
  return plain ? { value: String.fromCharCode(code), length: match[0].length } : undefined;
}

/**
 * The end of the start tag whose name ends at `at` (just past its '>'), or -1 when it is not
 * closed in this text or its attributes hold an entity: htmlparser2's attribute states, where a
 * quoted value may hold '>' and a '/' is as a space.
 */
function startTagEnd(text: string, at: number): number {
  let i = at;
  for (;;) {
    while (i < text.length && (isSpace(text.charCodeAt(i)) || text.charCodeAt(i) === 0x2f)) i++;
    if (i >= text.length) return -1;
    if (text.charCodeAt(i) === 0x3e) return i + 1;
    // An attribute name: its first character whatever it is (even '=' or a quote), then up to
    // '=', '/', '>' or a space.
    if (text.charCodeAt(i) === 0x26) return -1;
    i++;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x3d || c === 0x2f || c === 0x3e || isSpace(c)) break;
      if (c === 0x26) return -1;
      i++;
    }
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (i >= text.length) return -1;
    if (text.charCodeAt(i) !== 0x3d) continue; // no value: the next attribute, '/' or '>'
    i++;
    while (i < text.length && isSpace(text.charCodeAt(i))) i++;
    if (i >= text.length) return -1;
    const quote = text.charCodeAt(i);
    if (quote === 0x22 || quote === 0x27) {
      const close = text.indexOf(quote === 0x22 ? '"' : "'", i + 1);
      if (close < 0 || text.slice(i + 1, close).includes("&")) return -1;
      i = close + 1;
      continue;
    }
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x3e || isSpace(c)) break;
      if (c === 0x26) return -1;
      i++;
    }
  }
}

/** The lines of a cell holding only the residue markup above, or undefined for the HTML parser. */
export function residueToLines(text: string): CellLine[] | undefined {
  const lines: CellLine[] = [];
  let current = "";
  // The elements open, innermost last, each with the list kind its children inherit.
  const open: { name: TagName; childKind: CellLine["list"] }[] = [];
  // The kinds of the list items open, innermost last.
  const items: NonNullable<CellLine["list"]>[] = [];

  const flush = () => {
    const line = cleanSpaces(current);
    const list = items[items.length - 1];
    if (line) lines.push(list ? { text: line, list } : { text: line });
    current = "";
  };
  // Every one of the five is a block: entering and leaving it ends a line.
  const enter = (name: TagName) => {
    flush();
    const inherited = open[open.length - 1]?.childKind;
    if (name === "li") items.push(inherited ?? "bullet");
    if (name === "br") return flush();
    open.push({ name, childKind: name === "ol" ? "number" : name === "ul" ? "bullet" : inherited });
  };
  const leave = () => {
    flush();
    if (open.pop()!.name === "li") items.pop();
  };
  const leaveWhileInnermost = (names: readonly TagName[]) => {
    while (open.length > 0 && names.includes(open[open.length - 1]!.name)) leave();
  };

  let from = 0; // start of the text not yet added to the current line
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x26) {
      if (i + 1 >= text.length || !isEntityStart(text.charCodeAt(i + 1))) {
        i++;
        continue;
      }
      const entity = entityAt(text, i);
      if (!entity) return undefined;
      current += text.slice(from, i) + entity.value;
      i += entity.length;
      from = i;
      continue;
    }
    if (c !== 0x3c) {
      i++;
      continue;
    }
    if (i + 1 >= text.length) return undefined;
    const next = text.charCodeAt(i + 1);
    if (isAsciiLetter(next)) {
      let nameEnd = i + 1;
      while (nameEnd < text.length && !isSpace(text.charCodeAt(nameEnd)) && text.charCodeAt(nameEnd) !== 0x2f && text.charCodeAt(nameEnd) !== 0x3e) nameEnd++;
      const name = text.slice(i + 1, nameEnd).toLowerCase();
      const end = TAGS.has(name) ? startTagEnd(text, nameEnd) : -1;
      if (end < 0) return undefined;
      current += text.slice(from, i);
      if (name === "p" || name === "ul" || name === "ol") leaveWhileInnermost(["p"]);
      else if (name === "li") leaveWhileInnermost(["li"]);
      enter(name as TagName);
      i = from = end;
      continue;
    }
    if (next === 0x2f) {
      // An end tag: a letter, the name up to '>' or a space, then nothing but spaces before '>'.
      if (i + 2 >= text.length || !isAsciiLetter(text.charCodeAt(i + 2))) return undefined;
      const close = text.indexOf(">", i + 2);
      if (close < 0) return undefined;
      const [name = "", ...rest] = text.slice(i + 2, close).split(/[ \n\t\f\r]+/);
      if (!TAGS.has(name.toLowerCase()) || rest.some((part) => part !== "")) return undefined;
      current += text.slice(from, i);
      const tag = name.toLowerCase() as TagName;
      const depth = open.map((element) => element.name).lastIndexOf(tag);
      if (tag === "br") enter("br");
      else if (depth >= 0) while (open.length > depth) leave();
      else if (tag === "p") {
        enter("p");
        leave();
      }
      i = from = close + 1;
      continue;
    }
    // '!' and '?' open comments and declarations; anything else leaves the '<' as text ("<35").
    if (next === 0x21 || next === 0x3f) return undefined;
    i++;
  }
  current += text.slice(from);
  while (open.length > 0) leave();
  flush();
  return lines;
}

/**
 * Might some cell of this text need the HTML parser, that is hold markup residueToLines does not
 * take? Answered on the bytes, before reading, to load the parser ahead (an import) only then; a
 * wrong "no" costs no correctness, as such a cell loads it when met (a slower require).
 * A tag other than the five, a comment or declaration, or an entity other than those above on a
 * line that holds a tag, say yes.
 */
export function mayNeedMarkupParser(bytes: Uint8Array): boolean {
  for (let at = bytes.indexOf(0x3c); at >= 0; at = bytes.indexOf(0x3c, at + 1)) {
    const next = bytes[at + 1];
    if (next === undefined) continue;
    if (next === 0x21 || next === 0x3f) return true;
    const nameStart = next === 0x2f ? at + 2 : at + 1;
    if (next === 0x2f && !isAsciiLetter(bytes[nameStart] ?? 0)) return true;
    if (!isAsciiLetter(bytes[nameStart] ?? 0)) continue;
    let nameEnd = nameStart;
    while (nameEnd < bytes.length && !isSpace(bytes[nameEnd]!) && bytes[nameEnd] !== 0x2f && bytes[nameEnd] !== 0x3e) nameEnd++;
    if (!TAGS.has(Buffer.from(bytes.subarray(nameStart, nameEnd)).toString("latin1").toLowerCase())) return true;
  }
  for (let at = bytes.indexOf(0x26); at >= 0; at = bytes.indexOf(0x26, at + 1)) {
    if (!isEntityStart(bytes[at + 1] ?? 0)) continue;
    const entity = Buffer.from(bytes.subarray(at, at + 12)).toString("latin1");
    if (entityAt(entity, 0)) continue;
    if (/^&(?:nbsp|amp|lt|gt|quot|#\d+|#x[0-9a-f]+);/i.test(entity)) return true; // a cell of markup by itself
    let lineStart = at;
    while (lineStart > 0 && bytes[lineStart - 1] !== 0x0a) lineStart--;
    let lineEnd = bytes.indexOf(0x0a, at);
    if (lineEnd < 0) lineEnd = bytes.length;
    if (bytes.subarray(lineStart, lineEnd).includes(0x3c)) return true;
  }
  return false;
}
