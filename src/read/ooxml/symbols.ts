/**
 * w:sym: a character of a symbol font (Wingdings arrows in a "direction of travel" cell, Symbol,
 * Webdings) as the Unicode character it shows, mapped as mammoth maps it (the same table,
 * dingbat-to-unicode, loaded on the first symbol only). A character the table lacks is no text,
 * as in mammoth.
 */
import { createRequire } from "node:module";

type Lookup = (font: string, hex: string) => { string: string } | undefined;
let lookup: Lookup | undefined;

export function symbolText(font: string | undefined, char: string | undefined): string {
  if (!font || !char) return "";
  lookup ??= (createRequire(import.meta.url)("dingbat-to-unicode") as { hex: Lookup }).hex;
  const found = lookup(font, char) ?? (/^F0..$/i.test(char) ? lookup(font, char.slice(2)) : undefined);
  return found?.string ?? "";
}
