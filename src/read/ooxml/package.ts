/**
 * The parts of a Word package the readers need, found as mammoth finds them: the main document
 * through the package relationships (_rels/.rels, type officeDocument; some writers call it
 * word/document2.xml), numbering and styles through the main part's relationships, each with
 * mammoth's fallback name.
 */
import { InputError } from "../../errors.js";
import type { ZipPackage } from "../zip.js";
import { scanPart } from "./numbering.js";

const DOCUMENT = "word/document.xml";

interface Relationship {
  type: string;
  target: string;
}

/** A small part's bytes (the tokenizer decodes what it reads), or undefined when the package lacks it. */
export function partBytes(zip: ZipPackage, name: string): Uint8Array | undefined {
  return zip.has(name) ? zip.read(name) : undefined;
}

function relationships(zip: ZipPackage, name: string): Relationship[] {
  const xml = partBytes(zip, name);
  if (xml === undefined) return [];
  const found: Relationship[] = [];
  scanPart(xml, name, {
    open(element, tag) {
      if (element === "Relationship" || element.endsWith(":Relationship")) {
        found.push({ type: tag.attribute("Type") ?? "", target: tag.attribute("Target") ?? "" });
      }
    },
    close() {},
  });
  return found;
}

/** A relationship target as a zip entry name, relative to the part's folder unless absolute. */
function resolve(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

export function mainDocumentPath(zip: ZipPackage): string | undefined {
  for (const { type, target } of relationships(zip, "_rels/.rels")) {
    const path = target.replace(/^\//, "");
    if (/\/relationships\/officeDocument$/.test(type) && path && zip.has(path)) return path;
  }
  return zip.has(DOCUMENT) ? DOCUMENT : undefined;
}

export function requireMainDocument(zip: ZipPackage): string {
  const main = mainDocumentPath(zip);
  if (!main) throw new InputError(`a zip archive that is not a Word document (no ${DOCUMENT})`, "unsupported");
  return main;
}

/** The main part's numbering and styles parts (mammoth falls back on word/numbering.xml and word/styles.xml). */
export function relatedParts(zip: ZipPackage, main: string): { numbering: string; styles: string } {
  const slash = main.lastIndexOf("/");
  const rels = `${main.slice(0, slash + 1)}_rels/${main.slice(slash + 1)}.rels`;
  const found = { numbering: "word/numbering.xml", styles: "word/styles.xml" };
  for (const { type, target } of relationships(zip, rels)) {
    if (/\/relationships\/numbering$/.test(type)) found.numbering = resolve(main, target);
    else if (/\/relationships\/styles$/.test(type)) found.styles = resolve(main, target);
  }
  return found;
}

const WORD_NAMESPACES = new Set(["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"]);
const CANONICAL: Record<string, string> = {
  "http://schemas.openxmlformats.org/markup-compatibility/2006": "mc",
  "urn:schemas-microsoft-com:vml": "v",
};

export interface Renamer {
  name(name: string): string;
  attributes(attributes: string): string;
}

/**
 * mammoth reads elements by namespace, so a part that binds WordprocessingML to a prefix other
 * than w: (or to the default namespace, or uses the Strict namespace) reads the same here.
 * From the root element's declarations: a renamer, or undefined when names are already canonical
 * (as Word writes them: the usual case costs nothing).
 */
export function prefixRenamer(attributes: string): Renamer | undefined {
  const map = new Map<string, string>();
  for (const [, prefix = "", uri = ""] of attributes.matchAll(/(?:^|\s)xmlns(?::([\w.-]+))?\s*=\s*["']([^"']*)["']/g)) {
    const canonical = WORD_NAMESPACES.has(uri) ? "w" : CANONICAL[uri];
    if (canonical !== undefined && canonical !== prefix) map.set(prefix, canonical);
  }
  if (map.size === 0) return undefined;
  const prefixed = [...map.keys()].filter((prefix) => prefix !== "");
  const attributePrefix = prefixed.length > 0 ? new RegExp(`(^|\\s)(${prefixed.map((p) => p.replace(/[.-]/g, "\\$&")).join("|")}):`, "g") : undefined;
  return {
    name(name) {
      const colon = name.indexOf(":");
      const canonical = map.get(colon < 0 ? "" : name.slice(0, colon));
      return canonical === undefined ? name : `${canonical}:${name.slice(colon + 1)}`;
    },
    attributes: (raw) => (attributePrefix ? raw.replace(attributePrefix, (_, space: string, prefix: string) => `${space}${map.get(prefix)}:`) : raw),
  };
}
