/**
 * Markup typed or pasted into a cell as text ("Green&nbsp;", "<br>"): the readers remove the
 * markup a file really carries, so what is left is text. Values are read from the text without
 * it (Green), while the record keeps the cell as written and html-residue says what was there.
 */
const TYPED_TAG = /<\/?(?:p|br|ul|ol|li|span|div|font|strong|b|i|em|u|table|tr|td|th|o:p)\b[^<>]*>/gi;
const ENTITIES: Record<string, string> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const ENTITY = /&(nbsp|amp|lt|gt|quot|apos|#\d{2,5}|#x[0-9a-f]{2,4});/gi;

function decode(text: string): string {
  return text.replace(ENTITY, (_, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code === 160 ? " " : String.fromCodePoint(code);
    }
    return ENTITIES[name.toLowerCase()] ?? "";
  });
}

/** The cell's text as a reader means it: typed tags dropped, entities decoded, spaces tidied. */
export function withoutTypedMarkup(text: string): string {
  if (!text.includes("<") && !text.includes("&")) return text;
  // Twice: "&lt;br&gt;" decodes to a tag, which goes too.
  return decode(decode(text.replace(TYPED_TAG, " ")).replace(TYPED_TAG, " ")).replace(/[ \t\u00a0]+/g, " ").trim();
}
