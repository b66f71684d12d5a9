/**
 * Comment ranges in the main document part: each comment is anchored on a paragraph (the n-th
 * `<w:p>` start tag, counting every one, as the readers' `anchor` does) and spans the content of
 * the table cell that paragraph opens (to the end of the cell's last paragraph), or that one
 * paragraph outside tables. A string edit, not a DOM rewrite: every byte outside the inserted
 * markers is kept as it was, and no paragraph is added, so anchors still count the same after.
 */

export interface Anchored {
  id: number;
  /** 0-based ordinal of the paragraph among every `<w:p>` start tag of the part. */
  anchor: number;
}

interface Paragraph {
  /** Where its start tag begins and ends. */
  start: number;
  end: number;
  selfClosing: boolean;
  /** Where its `</w:p>` begins (for a self-closing one, the tag's end). */
  close: number;
  /** Index of the innermost cell it stands in, if any. */
  cell?: number;
}

const TOKEN = /<(\/?)w:(p|tc)(?=[\s>/])([^>]*?)(\/?)>/g;

/** Every paragraph of the part, with the cell it stands in, and each cell's last paragraph. */
function scan(xml: string): { paragraphs: Paragraph[]; lastInCell: Map<number, number> } {
  const paragraphs: Paragraph[] = [];
  const lastInCell = new Map<number, number>();
  const openParagraphs: number[] = [];
  const openCells: number[] = [];
  let cells = 0;
  for (let match = TOKEN.exec(xml); match; match = TOKEN.exec(xml)) {
    const [tag, closing, name, , selfClosing] = match;
    if (name === "p") {
      if (closing) {
        const index = openParagraphs.pop();
        const paragraph = index === undefined ? undefined : paragraphs[index];
        if (paragraph) paragraph.close = match.index;
        continue;
      }
      const cell = openCells.length > 0 ? openCells[openCells.length - 1] : undefined;
      const index = paragraphs.length;
      paragraphs.push({ start: match.index, end: match.index + tag.length, selfClosing: Boolean(selfClosing), close: match.index + tag.length, cell });
      if (cell !== undefined) lastInCell.set(cell, index);
      if (!selfClosing) openParagraphs.push(index);
    } else if (closing) {
      openCells.pop();
    } else if (!selfClosing) {
      openCells.push(cells++);
    }
  }
  return { paragraphs, lastInCell };
}

/** Where a paragraph's content starts: after its start tag and its properties (w:pPr). */
function contentStart(xml: string, paragraph: Paragraph): number {
  const at = paragraph.end;
  const open = /^<w:pPr(?=[\s>/])[^>]*?(\/?)>/.exec(xml.slice(at, at + 200));
  if (!open) return at;
  if (open[1]) return at + open[0].length;
  // Properties may hold an older w:pPr of their own (w:pPrChange): count to the matching close.
  const tags = /<(\/?)w:pPr(?=[\s>/])[^>]*?(\/?)>/g;
  tags.lastIndex = at;
  let depth = 0;
  for (let match = tags.exec(xml); match; match = tags.exec(xml)) {
    if (match[1]) depth--;
    else if (!match[2]) depth++;
    if (depth === 0) return match.index + match[0].length;
  }
  return at;
}

const rangeStart = (id: number) => `<w:commentRangeStart w:id="${id}"/>`;
const rangeEnd = (id: number) => `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;

export interface Placement {
  xml: string;
  /** Comments whose anchor names no paragraph of the part (left out). */
  missed: Anchored[];
}

/** Insert each comment's range and reference into the part. */
export function placeComments(xml: string, comments: Anchored[]): Placement {
  const { paragraphs, lastInCell } = scan(xml);
  const starts = new Map<number, number[]>();
  const ends = new Map<number, number[]>();
  const missed: Anchored[] = [];
  for (const comment of comments) {
    const paragraph = paragraphs[comment.anchor];
    if (!paragraph) {
      missed.push(comment);
      continue;
    }
    const last = paragraph.cell !== undefined ? (lastInCell.get(paragraph.cell) ?? comment.anchor) : comment.anchor;
    starts.set(comment.anchor, [...(starts.get(comment.anchor) ?? []), comment.id]);
    ends.set(last, [...(ends.get(last) ?? []), comment.id]);
  }
  /** `closing` edits at a place go in before `opening` ones there, so that the range opens first. */
  const edits: { at: number; to: number; text: string; closing: boolean }[] = [];
  for (const index of new Set([...starts.keys(), ...ends.keys()])) {
    const paragraph = paragraphs[index]!; // starts and ends hold only indices of paragraphs found above
    const opening = (starts.get(index) ?? []).map(rangeStart).join("");
    // Ranges close in the reverse order they opened, so they nest.
    const closing = [...(ends.get(index) ?? [])].reverse().map(rangeEnd).join("");
    if (paragraph.selfClosing) {
      // <w:p w:rsidR="…"/> becomes <w:p w:rsidR="…">…</w:p>: still one paragraph.
      const tag = xml.slice(paragraph.start, paragraph.end).replace(/\s*\/>$/, ">");
      edits.push({ at: paragraph.start, to: paragraph.end, text: `${tag}${opening}${closing}</w:p>`, closing: false });
      continue;
    }
    if (opening) edits.push({ at: contentStart(xml, paragraph), to: contentStart(xml, paragraph), text: opening, closing: false });
    if (closing) edits.push({ at: paragraph.close, to: paragraph.close, text: closing, closing: true });
  }
  // From the end backwards, so earlier positions stay valid; at one place the end goes in first,
  // so the start inserted after it lands before it.
  edits.sort((a, b) => b.at - a.at || Number(b.closing) - Number(a.closing));
  let out = xml;
  for (const edit of edits) out = out.slice(0, edit.at) + edit.text + out.slice(edit.to);
  return { xml: out, missed };
}

/** The highest comment id the part already uses (-1 for none). */
export function highestCommentId(xml: string): number {
  let highest = -1;
  for (const match of xml.matchAll(/<w:(?:commentRangeStart|commentRangeEnd|commentReference|comment)\b[^>]*?\bw:id="(-?\d+)"/g)) highest = Math.max(highest, Number(match[1]));
  return highest;
}
