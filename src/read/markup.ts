/**
 * HTML fragments to clean lines: used for the HTML residue left in text extractions
 * (`<p>…</p>`, `<ul style="list-style-type: none"> …`) and for cell contents of HTML documents.
 * Paragraphs and list items become separate lines; inline markup disappears; entities decode.
 */
import { createRequire } from "node:module";
import type * as Htmlparser2 from "htmlparser2";
import { MarkupElement, MarkupText, parseLinear, type LinearParser, type MarkupNode } from "./markup-tree.js";
import type { CellLine } from "../model/blocks.js";
import { residueToLines } from "./residue-markup.js";

/** Tags that look like markup rather than a stray '<' in prose such as "SAP rating of <35". */
const MARKUP_TAG = /<\/?(?:p|ul|ol|li|br|div|span|b|i|u|strong|em|font|sup|sub|a|o:p)(?:\s[^<>]*)?\/?>|&(?:nbsp|amp|lt|gt|quot|#\d+|#x[0-9a-f]+);/i;

const BLOCK_TAGS = new Set(["p", "div", "ul", "ol", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "blockquote"]);

export function looksLikeMarkup(text: string): boolean {
  return MARKUP_TAG.test(text);
}

/** Any white space that cleaning would change: other than one plain space between words. */
const UNCLEAN_SPACE = /[^\S ]|\u200b| {2}|^ | $/;

/** Collapse runs of white space (including non-breaking spaces) and trim. */
export function cleanSpaces(text: string): string {
  // Most cell text is clean already: keep it rather than build a copy of every cell.
  return UNCLEAN_SPACE.test(text) ? text.replace(/[\s\u00a0\u200b]+/g, " ").trim() : text;
}

/**
 * Turn an HTML fragment into lines. Nesting depth is bounded by the walk being iterative,
 * so pathologically nested input cannot overflow the stack.
 */
export function markupToLines(html: string): CellLine[] {
  // htmlparser2 alone: a text file must not load parse5.
  return nodesToLines(parseLinear(htmlParser(), html).children);
}

/**
 * htmlparser2 is loaded only for text that may hold markup: most text files have none, and with
 * the packages it brings (domutils, dom-serializer, entities) it costs ~30 ms of start-up.
 * readDocument loads it ahead (a dynamic import, which a bundler can see) when the bytes may hold
 * markup that residue-markup.ts does not read itself; a cell that needs it all the same, or a
 * caller of the synchronous readers, gets it here, through require.
 */
let parser: LinearParser | undefined;

export async function loadMarkupParser(): Promise<void> {
  parser ??= await import("./markup-parser.js");
}

/** htmlparser2, for markup-tree.ts's linear-time parse. */
export function htmlParser(): LinearParser {
  parser ??= createRequire(import.meta.url)("htmlparser2") as typeof Htmlparser2;
  return parser;
}

/** The lines of already parsed nodes (the contents of an HTML table cell). */
export function nodesToLines(nodes: readonly MarkupNode[]): CellLine[] {
  const lines: CellLine[] = [];
  let current = "";
  // The kinds of the list items we are inside, innermost last.
  const openItems: NonNullable<CellLine["list"]>[] = [];

  const flush = () => {
    const text = cleanSpaces(current);
    const list = openItems[openItems.length - 1];
    if (text) lines.push(list ? { text, list } : { text });
    current = "";
  };

  // Iterative depth-first walk with one frame per open element, not one entry per node (a cell
  // may hold hundreds of thousands): the element's children, the next one to visit, the list kind
  // its list items take, and what leaving it does (a block ends its line, a list item its list).
  interface Frame {
    children: readonly MarkupNode[];
    next: number;
    listKind: CellLine["list"];
    isBlock: boolean;
    isItem: boolean;
  }
  const frames: Frame[] = [{ children: nodes, next: 0, listKind: undefined, isBlock: false, isItem: false }];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    if (frame.next === frame.children.length) {
      frames.pop();
      if (frame.isBlock) flush();
      if (frame.isItem) openItems.pop();
      continue;
    }
    const node = frame.children[frame.next++]!;
    if (node instanceof MarkupText) {
      current += node.data;
      continue;
    }
    if (!(node instanceof MarkupElement)) continue;
    const name = node.name.toLowerCase();
    if (name === "script" || name === "style" || name === "head" || name === "title") continue;
    const isBlock = BLOCK_TAGS.has(name);
    if (isBlock) flush();
    const isItem = name === "li";
    if (isItem) openItems.push(frame.listKind ?? "bullet");
    const listKind = name === "ol" ? "number" : name === "ul" ? "bullet" : frame.listKind;
    frames.push({ children: node.children, next: 0, listKind, isBlock, isItem });
  }
  flush();
  return lines;
}

/**
 * Lines of a cell's text as written in a text extraction: markup cleaned when present, the few
 * tags and entities text exports hold without the HTML parser (src/read/residue-markup.ts).
 */
export function textToLines(text: string): CellLine[] {
  if (looksLikeMarkup(text)) return residueToLines(text) ?? markupToLines(text);
  const clean = cleanSpaces(text);
  return clean ? [{ text: clean }] : [];
}
