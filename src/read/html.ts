/**
 * HTML to blocks: web pages, Word's "Save as Web Page" output, and mammoth's rendering of .docx.
 * The page is parsed, never run. The walk is iterative, so deeply nested markup cannot overflow
 * the stack; nested tables become text of the cell that holds them.
 */
import * as htmlparser2 from "htmlparser2";
import type { Block, Cell, ReadDocument, Row, TableBlock } from "../model/blocks.js";
import { decodeText } from "./decode.js";
import { cleanSpaces, nodesToLines } from "./markup.js";
import { parseHtml5 } from "./markup-html5.js";
import { attributesOf, MarkupElement, MarkupNote, MarkupText, parseLinear, setChildren, textContent, type MarkupContainer, type MarkupNode, type MarkupParent } from "./markup-tree.js";

const NAMED_FILLS: Record<string, string> = {
  red: "FF0000", darkred: "8B0000", crimson: "DC143C", orange: "FFA500", darkorange: "FF8C00", gold: "FFD700", yellow: "FFFF00",
  amber: "FFC000", green: "008000", lime: "00FF00", limegreen: "32CD32", darkgreen: "006400", forestgreen: "228B22",
};

/** A cell's background as 6-digit hex: bgcolor, or background / background-color in its style. */
export function fillOf(element: MarkupElement): string | undefined {
  const style = element.attribs.style ?? "";
  const fromStyle = /background(?:-color)?\s*:\s*([^;]+)/i.exec(style)?.[1];
  const colour = (fromStyle ?? element.attribs.bgcolor ?? "").trim().toLowerCase();
  if (!colour || colour === "transparent" || colour === "auto" || colour === "none") return undefined;
  const hex = /#([0-9a-f]{6}|[0-9a-f]{3})\b/.exec(colour)?.[1];
  if (hex) return (hex.length === 3 ? [...hex].map((d) => d + d).join("") : hex).toUpperCase();
  const rgb = /rgb\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)/.exec(colour);
  if (rgb) return rgb.slice(1, 4).map((n) => Math.min(255, Number(n)).toString(16).padStart(2, "0")).join("").toUpperCase();
  if (/^[0-9a-f]{6}$/.test(colour)) return colour.toUpperCase();
  return NAMED_FILLS[colour.split(/\s/, 1)[0] ?? ""];
}

const childElements = (node: MarkupElement, names: string[]) => node.children.filter((child): child is MarkupElement => child instanceof MarkupElement && names.includes(child.name.toLowerCase()));

/** The rows of a table, not of tables nested in it, in document order (rows and sections may mix). */
function tableRows(table: MarkupElement): MarkupElement[] {
  return childElements(table, ["tr", "thead", "tbody", "tfoot"]).flatMap((child) => (child.name.toLowerCase() === "tr" ? [child] : childElements(child, ["tr"])));
}

const span = (value: string | undefined) => Math.max(1, Math.min(Number.parseInt(value ?? "1", 10) || 1, 64));

/** Table element → block, with cells that rowspan down left as empty cells in the rows below. */
export function tableBlock(table: MarkupElement, tableNumber: number): TableBlock {
  // Cells spanning down into later rows, by the grid column they start at (oldest first); an
  // entry leaves once its rows are used up, so a long table with rowspans everywhere stays linear.
  const pending = new Map<number, { rowsLeft: number; colSpan: number }[]>();
  const rows: Row[] = tableRows(table).map((tr, rowIndex) => {
    const cells: Cell[] = [];
    let column = 0;
    const fillPending = () => {
      for (let covering = pending.get(column)?.[0]; covering; covering = pending.get(column)?.[0]) {
        if (--covering.rowsLeft === 0) {
          const queue = pending.get(column)!;
          queue.shift();
          if (queue.length === 0) pending.delete(column);
        }
        cells.push(covering.colSpan > 1 ? { lines: [], colSpan: covering.colSpan } : { lines: [] });
        column += covering.colSpan;
      }
    };
    for (const td of childElements(tr, ["td", "th"])) {
      fillPending();
      const colSpan = span(td.attribs.colspan);
      const rowSpan = span(td.attribs.rowspan);
      const cell: Cell = { lines: nodesToLines(td.children) };
      const fill = fillOf(td);
      if (fill) cell.fill = fill;
      if (colSpan > 1) cell.colSpan = colSpan;
      if (rowSpan > 1) {
        const queue = pending.get(column);
        if (queue) queue.push({ rowsLeft: rowSpan - 1, colSpan });
        else pending.set(column, [{ rowsLeft: rowSpan - 1, colSpan }]);
      }
      cells.push(cell);
      column += colSpan;
    }
    fillPending();
    return { cells, location: { table: tableNumber, row: rowIndex + 1 } };
  });
  return { kind: "table", rows, location: { table: tableNumber } };
}

const PARAGRAPH_TAGS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "caption", "blockquote", "pre"]);

const LOOSE_BREAKS = new Set(["div", "body", "section", "article", "main", "header", "footer", "center", "form", "dl", "dt", "dd"]);

/** Document order walk: top-level tables become table blocks, paragraphs outside them paragraph blocks. */
export function blocksOf(root: MarkupParent): Block[] {
  const blocks: Block[] = [];
  let tables = 0;
  let paragraphs = 0;
  let loose = "";
  const flushLoose = () => {
    const text = cleanSpaces(loose);
    loose = "";
    if (text) blocks.push({ kind: "paragraph", text, location: { paragraph: ++paragraphs } });
  };
  // One frame per open element (as in nodesToLines): its children, the next to visit, and
  // whether leaving it ends the loose text, so that loose text on either side stays apart.
  const frames: { children: readonly MarkupNode[]; next: number; breaks: boolean }[] = [{ children: root.children, next: 0, breaks: false }];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    if (frame.next === frame.children.length) {
      frames.pop();
      if (frame.breaks) flushLoose();
      continue;
    }
    const node = frame.children[frame.next++]!;
    if (node instanceof MarkupText) {
      loose += node.data;
      continue;
    }
    if (!(node instanceof MarkupElement)) continue;
    const name = node.name.toLowerCase();
    if (name === "script" || name === "style" || name === "head" || name === "title" || name === "template") continue;
    if (name === "table") {
      flushLoose();
      blocks.push(tableBlock(node, ++tables));
      continue;
    }
    if (PARAGRAPH_TAGS.has(name) && !node.children.some((child) => child instanceof MarkupElement && child.name.toLowerCase() === "table")) {
      flushLoose();
      const text = nodesToLines(node.children).map((line) => line.text).join("\n");
      if (text) blocks.push({ kind: "paragraph", text, location: { paragraph: ++paragraphs } });
      continue;
    }
    const breaks = LOOSE_BREAKS.has(name);
    if (name === "br" || breaks) flushLoose();
    frames.push({ children: node.children, next: 0, breaks });
  }
  flushLoose();
  return blocks;
}

/**
 * Not counted in the nesting estimate below: elements that never have content, and those whose
 * end tag HTML lets authors leave out (a long table written without </td></tr> is not deep).
 */
const UNCOUNTED = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "o:p",
  "p", "li", "td", "th", "tr", "thead", "tbody", "tfoot", "option", "dt", "dd", "colgroup", "caption"]);

/**
 * How deep the markup nests and the most attributes one tag has, estimated in one linear pass
 * over the tags. parse5 (the HTML standard's error recovery, which the reader uses) spends time
 * proportional to the depth on every tag, and checks each attribute against all earlier ones of
 * its tag: a page nested 40,000 deep, or one <td> with 100,000 attributes, takes it from ten
 * seconds to minutes. htmlparser2 does not care.
 */
export function markupShape(html: string): { depth: number; attributes: number } {
  let depth = 0;
  let deepest = 0;
  let attributes = 0;
  for (const [tag, closing, name = "", selfClosing] of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    // Each attribute takes at least two characters: only a long tag can hold many.
    if (tag.length > 2 * MANY_ATTRIBUTES) attributes = Math.max(attributes, tag.match(/\s+[^\s=>/]/g)?.length ?? 0);
    if (UNCOUNTED.has(name.toLowerCase())) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else if (!selfClosing) deepest = Math.max(deepest, ++depth);
  }
  return { depth: deepest, attributes };
}

export const nestingDepth = (html: string): number => markupShape(html).depth;

/** Beyond this depth, or this many attributes on one tag, no real document goes; past either, the linear-time parser reads the page. */
const DEEP = 1000;
const MANY_ATTRIBUTES = 1000;

/**
 * Word's "Save as Web Page" writes list items as paragraphs styled `mso-list:l0 level1 lfo1`,
 * their bullet or number as text between `<![if !supportLists]>` and `<![endif]>` (or in a span
 * styled `mso-list:Ignore`). Make them list items, numbered when the label is a number or letter,
 * and drop the label, so they read like the lists of a .docx.
 */
function wordListParagraphs(root: MarkupContainer): void {
  for (const paragraph of listParagraphCandidates(root)) {
    if (!/mso-list:\s*l\d/i.test(paragraph.attribs.style ?? "")) continue;
    let label = "";
    let inLabel = false;
    const kept: MarkupNode[] = [];
    for (const child of paragraph.children) {
      const note = child instanceof MarkupNote ? child.data : undefined;
      if (note !== undefined && /\[if !supportLists\]/i.test(note)) inLabel = true;
      const ignored = child instanceof MarkupElement && /mso-list:\s*ignore/i.test(child.attribs.style ?? "");
      if (inLabel || ignored) {
        label += textContent(child);
        child.parent = null;
      } else kept.push(child);
      if (note !== undefined && /\[endif\]/i.test(note)) inLabel = false;
    }
    setChildren(paragraph, kept);
    paragraph.name = "li";
    if (/^\s*(?:\d+|[a-z]|[ivxlc]+)[.)]/i.test(label.replace(/\u00a0/g, " "))) wrapInList(paragraph);
  }
}

/**
 * Every <p> whose style mentions mso-list, in document order, found before any is changed: the
 * elements a `p[style*='mso-list']` selector matched (it looks inside elements only, so not in
 * a template's content).
 */
function listParagraphCandidates(root: MarkupContainer): MarkupElement[] {
  const found: MarkupElement[] = [];
  const frames: { children: readonly MarkupNode[]; next: number }[] = [{ children: root.children, next: 0 }];
  while (frames.length > 0) {
    const frame = frames[frames.length - 1]!;
    if (frame.next === frame.children.length) {
      frames.pop();
      continue;
    }
    const node = frame.children[frame.next++]!;
    if (!(node instanceof MarkupElement)) continue;
    if (node.name === "p" && node.attribs.style?.includes("mso-list")) found.push(node);
    if (node.children.length > 0) frames.push({ children: node.children, next: 0 });
  }
  return found;
}

/** Put a numbered list around a list item, in its place: `<ol><li>…</li></ol>`. */
function wrapInList(item: MarkupElement): void {
  const parent = item.parent;
  if (!parent) return;
  const list = new MarkupElement("ol", attributesOf({}), item.namespace);
  const siblings = [...parent.children];
  siblings[siblings.indexOf(item)] = list;
  setChildren(parent, siblings);
  setChildren(list, [item]);
}

export function readHtmlText(html: string): Block[] {
  // Word's <o:p> is noise; comments and conditional comments are dropped by the parser.
  const source = html.replace(/<\/?o:p>/gi, "");
  const shape = markupShape(source);
  const root = shape.depth > DEEP || shape.attributes > MANY_ATTRIBUTES ? parseLinear(htmlparser2, source) : parseHtml5(source);
  wordListParagraphs(root);
  return blocksOf(root);
}

export function readHtml(bytes: Uint8Array): ReadDocument {
  return { format: "html", blocks: readHtmlText(decodeText(bytes).text), notices: [] };
}
