/**
 * Which paragraphs are list items, and of which kind, read from word/numbering.xml (and the
 * numbering styles of word/styles.xml) the way mammoth reads them, so both readers agree:
 * - w:numPr with both w:numId and w:ilvl: that level of that list, or no list if it is not defined;
 * - else a level whose w:pStyle names the paragraph's style;
 * - else w:numId alone: level 0 of that list.
 * A level is numbered unless its w:numFmt is "bullet". mammoth maps only levels 0-4 to lists,
 * and a heading style wins over a list (its default style map lists headings first).
 */
import { XmlTokenizer, type XmlHandler } from "./tokenizer.js";

export interface ListLevel {
  ordered: boolean;
  /** 0-based level (w:ilvl). */
  level: number;
}

interface AbstractNumbering {
  levels: Map<string, ListLevel & { style?: string }>;
  styleLink?: string;
}

export interface Numbering {
  /** The list level of a paragraph from its w:numPr (either may be missing) and style. */
  levelOf(numId: string | undefined, ilvl: string | undefined, styleId: string | undefined): ListLevel | undefined;
}

/** Styles the reader needs: paragraph style names (for headings) and numbering styles' lists. */
export interface Styles {
  paragraphNames: Map<string, string>;
  numberingStyleNumIds: Map<string, string>;
}

/** Run a small part (numbering.xml, styles.xml, .rels) through the tokenizer in one go. */
export function scanPart(xml: Uint8Array, part: string, handler: Omit<XmlHandler, "text" | "wantsText">): void {
  const tokenizer = new XmlTokenizer({ ...handler, text() {}, wantsText: false }, part);
  tokenizer.write(xml);
  tokenizer.end();
}

export function readStyles(xml: Uint8Array | undefined): Styles {
  const styles: Styles = { paragraphNames: new Map(), numberingStyleNumIds: new Map() };
  if (!xml) return styles;
  let style: { id: string; type: string } | undefined;
  let depth = 0;
  let styleDepth = -1;
  scanPart(xml, "word/styles.xml", {
    open(name, tag, selfClosing) {
      if (name === "w:style") {
        style = { id: tag.attribute("w:styleId") ?? "", type: tag.attribute("w:type") ?? "" };
        styleDepth = depth;
      } else if (style && name === "w:name" && style.type === "paragraph") {
        styles.paragraphNames.set(style.id, tag.attribute("w:val") ?? "");
      } else if (style && name === "w:numId" && style.type === "numbering") {
        styles.numberingStyleNumIds.set(style.id, tag.attribute("w:val") ?? "");
      }
      if (!selfClosing) depth++;
    },
    close(name) {
      depth--;
      if (name === "w:style" && depth === styleDepth) style = undefined;
    },
  });
  return styles;
}

export function readNumbering(xml: Uint8Array | undefined, styles: () => Styles): Numbering {
  const abstracts = new Map<string, AbstractNumbering>();
  const nums = new Map<string, string>();
  if (xml) {
    let abstract: AbstractNumbering | undefined;
    let levelWithoutIndex: (ListLevel & { style?: string }) | undefined;
    let level: (ListLevel & { style?: string; index?: string }) | undefined;
    let numId: string | undefined;
    scanPart(xml, "word/numbering.xml", {
      open(name, tag) {
        switch (name) {
          case "w:abstractNum":
            abstract = { levels: new Map() };
            levelWithoutIndex = undefined;
            abstracts.set(tag.attribute("w:abstractNumId") ?? "", abstract);
            break;
          case "w:lvl":
            level = { ordered: true, level: 0, index: tag.attribute("w:ilvl") };
            break;
          case "w:numFmt":
            if (level) level.ordered = tag.attribute("w:val") !== "bullet";
            break;
          case "w:pStyle":
            if (level) level.style = tag.attribute("w:val");
            break;
          case "w:numStyleLink":
            if (abstract && !level) abstract.styleLink = tag.attribute("w:val");
            break;
          case "w:num":
            numId = tag.attribute("w:numId");
            break;
          case "w:abstractNumId":
            if (numId !== undefined) nums.set(numId, tag.attribute("w:val") ?? "");
            break;
        }
      },
      close(name) {
        if (name === "w:lvl" && level && abstract) {
          const { index, ...rest } = level;
          if (index === undefined) levelWithoutIndex ??= { ...rest, level: 0 };
          else abstract.levels.set(index, { ...rest, level: Number.parseInt(index, 10) });
          level = undefined;
        } else if (name === "w:abstractNum" && abstract) {
          if (levelWithoutIndex && !abstract.levels.has("0")) abstract.levels.set("0", levelWithoutIndex);
          abstract = undefined;
        } else if (name === "w:num") numId = undefined;
      },
    });
  }
  const byStyle = new Map<string, ListLevel>();
  for (const abstract of abstracts.values()) for (const level of abstract.levels.values()) if (level.style !== undefined) byStyle.set(level.style, level);

  function find(numId: string, ilvl: string, seen: Set<string>): ListLevel | undefined {
    if (seen.has(numId)) return undefined;
    seen.add(numId);
    const abstractId = nums.get(numId);
    const abstract = abstractId === undefined ? undefined : abstracts.get(abstractId);
    if (!abstract) return undefined;
    if (abstract.styleLink === undefined) return abstract.levels.get(ilvl);
    const linked = styles().numberingStyleNumIds.get(abstract.styleLink);
    return linked === undefined ? undefined : find(linked, ilvl, seen);
  }

  return {
    levelOf(numId, ilvl, styleId) {
      if (numId !== undefined && ilvl !== undefined) return find(numId, ilvl, new Set());
      if (styleId !== undefined) {
        const level = byStyle.get(styleId);
        if (level) return level;
      }
      if (numId !== undefined) return find(numId, "0", new Set());
      return undefined;
    },
  };
}

const HEADING_ID = /^Heading[1-6]?$/;
const HEADING_NAME = /^(?:[Hh]eading [1-6]|Heading)$/;

/** mammoth's default style map sends these paragraph styles to h1-h6, ahead of any list mapping. */
export function isHeadingStyle(styleId: string | undefined, styles: () => Styles): boolean {
  if (styleId === undefined) return false;
  if (HEADING_ID.test(styleId)) return true;
  const name = styles().paragraphNames.get(styleId);
  return name !== undefined && HEADING_NAME.test(name);
}
