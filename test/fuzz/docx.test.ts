/**
 * Fuzz of the .docx readers (native, and mammoth through --docx-reader mammoth): damage to the zip
 * itself (bytes, its central directory, sizes that lie), and, more often, edits to the XML parts
 * inside it (word/document.xml, numbering.xml, styles.xml, the relationships, [Content_Types].xml)
 * re-zipped as a well-formed package, so the damage reaches the XML readers and not only the zip guard.
 */
import { unzipSync, zipSync, type Zippable } from "fflate";
import { byteFlips, fuzz, rangeEdits, truncation, type Mutation, type Random } from "./harness.js";

// ---- Damage to the zip container.

/** Where the end-of-central-directory record is (the last one in the file), or -1. */
function endRecord(bytes: Buffer): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) if (bytes.readUInt32LE(at) === 0x06054b50) return at;
  return -1;
}

/** Offsets of the central directory's entries. */
function centralEntries(bytes: Buffer): number[] {
  const end = endRecord(bytes);
  if (end < 0) return [];
  const entries: number[] = [];
  let at = bytes.readUInt32LE(end + 16);
  for (let index = bytes.readUInt16LE(end + 10); index > 0 && at + 46 <= bytes.length && bytes.readUInt32LE(at) === 0x02014b50; index--) {
    entries.push(at);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return entries;
}

const anyValue = (r: Random, bits: 16 | 32) => r.pick([0, 1, 2, 0xff, r.int(0, 64), r.int(0, 0xffff), bits === 16 ? 0xffff : 0xffffffff, bits === 16 ? 0xfffe : 0x7fffffff, r.int(0, 2 ** bits - 1)]);

/** Fields of the central directory (and its end record) set to other values: counts, offsets, name lengths, methods, flags. */
const centralDirectoryDamage: Mutation = {
  name: "central directory damage",
  apply(bytes, r) {
    const copy = Buffer.from(bytes);
    const end = endRecord(copy);
    const entries = centralEntries(copy);
    for (let count = r.int(1, 3); count > 0; count--) {
      if (end >= 0 && (entries.length === 0 || r.next() < 0.3)) {
        // disk numbers, entry counts, directory size and offset, comment length
        const [field, size] = r.pick([[4, 2], [6, 2], [8, 2], [10, 2], [12, 4], [16, 4], [20, 2]] as const);
        if (size === 2) copy.writeUInt16LE(anyValue(r, 16) & 0xffff, end + field);
        else copy.writeUInt32LE(anyValue(r, 32) >>> 0, end + field);
      } else if (entries.length > 0) {
        const entry = r.pick(entries);
        // flags, method, crc, sizes, name / extra / comment lengths, local header offset
        const [field, size] = r.pick([[8, 2], [10, 2], [16, 4], [20, 4], [24, 4], [28, 2], [30, 2], [32, 2], [42, 4]] as const);
        if (size === 2) copy.writeUInt16LE(anyValue(r, 16) & 0xffff, entry + field);
        else copy.writeUInt32LE(anyValue(r, 32) >>> 0, entry + field);
      }
    }
    return copy;
  },
};

/** Declared sizes far beyond what the entries hold (or just past it), in the directory, the local header or both. */
const oversizedSizes: Mutation = {
  name: "oversized declared sizes",
  apply(bytes, r) {
    const copy = Buffer.from(bytes);
    const entries = centralEntries(copy);
    for (let count = r.int(1, 3); count > 0 && entries.length > 0; count--) {
      const entry = r.pick(entries);
      const actual = copy.readUInt32LE(entry + 24);
      const size = r.pick([0xffffffff, 0xfffffffe, 0x7fffffff, 300 * 1024 * 1024, actual + 1, actual * 1000, 0]) >>> 0;
      const compressed = r.next() < 0.3;
      if (r.next() < 0.8) copy.writeUInt32LE(size, entry + (compressed ? 20 : 24));
      const local = copy.readUInt32LE(entry + 42);
      if (r.next() < 0.5 && local + 30 <= copy.length && copy.readUInt32LE(local) === 0x04034b50) copy.writeUInt32LE(size, local + (compressed ? 18 : 22));
    }
    return copy;
  },
};

// ---- Damage to the XML inside: unzip, edit one or more parts, zip again.

const PARTS = ["word/document.xml", "word/numbering.xml", "word/styles.xml", "word/_rels/document.xml.rels", "_rels/.rels", "[Content_Types].xml"];

/** A part to edit: the main document most often, where the readers do most of their work. */
function pickPart(files: Zippable, r: Random): string {
  const present = PARTS.filter((name) => name in files);
  return r.next() < 0.6 && present.includes("word/document.xml") ? "word/document.xml" : r.pick(present);
}

const decode = (bytes: Uint8Array) => Buffer.from(bytes).toString("utf8");

const ANY_NAME = "[A-Za-z_][\\w.:-]*";

/** Positions of start tags named `name` (`<w:tc`, `<w:p`, …) in a part, of any start tag by default. */
function tagStarts(xml: string, name = ANY_NAME): number[] {
  return [...xml.matchAll(new RegExp(`<${name}[\\s>/]`, "g"))].map((match) => match.index);
}

/** A random start tag's position (or end tag's, with `name` = "/…"), or a random point when there is none. */
function somewhere(xml: string, r: Random, name = ANY_NAME): number {
  const starts = tagStarts(xml, name);
  return starts.length > 0 ? r.pick(starts) : r.int(0, xml.length);
}

/** Just after a random start tag named `name` (e.g. inside a w:tc), or a random tag position. */
function inside(xml: string, r: Random, name: string): number {
  const start = somewhere(xml, r, name);
  const end = xml.indexOf(">", start);
  return end < 0 ? start : end + 1;
}

const insertAt = (xml: string, at: number, text: string) => xml.slice(0, at) + text + xml.slice(at);

const bogusNumber = (r: Random) => r.pick(["100000", "-1", "0", "-100000", "x", "", "1e9", "NaN", "Infinity", "2147483648", "99999999999999999999", " 3", "0x10", "1.5"]);

type XmlEdit = (xml: string, r: Random) => string;

const XML_EDITS: Record<string, XmlEdit> = {
  "drop a tag"(xml, r) {
    const at = somewhere(xml, r, r.pick([ANY_NAME, `/${ANY_NAME}`]));
    const end = xml.indexOf(">", at);
    return end < 0 ? xml : xml.slice(0, at) + xml.slice(end + 1);
  },
  "duplicate a range"(xml, r) {
    const at = somewhere(xml, r);
    return insertAt(xml, at, xml.slice(at, at + r.int(1, 20_000)));
  },
  "nest an element"(xml, r) {
    const tag = r.pick(["w:tbl", "w:tr", "w:tc", "w:p", "w:r", "w:t", "w:ins", "w:del", "w:sdt", "w:sdtContent", "mc:AlternateContent", "mc:Choice", "w:hyperlink", "w:pPr", "w:tcPr", "w:numPr", "w:abstractNum", "w:lvl", "w:style"]);
    const from = somewhere(xml, r);
    const to = r.next() < 0.5 ? somewhere(xml, r) : from;
    const [a, b] = from <= to ? [from, to] : [to, from];
    return `${xml.slice(0, a)}<${tag}>${xml.slice(a, b)}</${tag}>${xml.slice(b)}`;
  },
  "unbalanced tags"(xml, r) {
    const tag = r.pick(["w:tbl", "w:tr", "w:tc", "w:p", "w:r", "w:t", "w:body", "w:document"]);
    const text = r.next() < 0.5 ? `<${tag}>` : `</${tag}>`;
    return insertAt(xml, somewhere(xml, r), text.repeat(r.int(1, 50)));
  },
  "duplicate attribute"(xml, r) {
    const withAttribute = [...xml.matchAll(/<[\w:]+(\s+[\w:]+="[^"]*")/g)];
    if (withAttribute.length === 0) return xml;
    const match = r.pick(withAttribute);
    const at = match.index + match[0].length;
    return insertAt(xml, at, (match[1] ?? "").repeat(r.int(1, 3)));
  },
  "many attributes"(xml, r) {
    const at = inside(xml, r, r.pick(["w:tc", "w:p", "w:t", "w:gridSpan", "Relationship", "w:lvl"])) - 1;
    const attributes = Array.from({ length: r.int(1000, 30_000) }, (_, index) => ` a${index}="${r.int(0, 9)}"`).join("");
    const closing = xml[at - 1] === "/" ? at - 1 : at;
    return insertAt(xml, closing, attributes);
  },
  "unclosed tag"(xml, r) {
    const kind = r.pick(["no >", "no end tag", "cut", "open quote", "stray <"] as const);
    if (kind === "cut") return xml.slice(0, r.int(0, xml.length));
    if (kind === "no end tag") return xml.replace(r.pick(["</w:tc>", "</w:tr>", "</w:tbl>", "</w:p>", "</w:t>", "</w:body>", "</Relationships>", "</w:numbering>", "</w:styles>"]), "");
    const at = somewhere(xml, r);
    if (kind === "stray <") return insertAt(xml, at, r.pick(["<", "<<", "< ", "<1", "<!", "<?", "<!-", "<![CDATA["]));
    const end = xml.indexOf(">", at);
    if (end < 0) return xml;
    return kind === "no >" ? xml.slice(0, end) + xml.slice(end + 1) : insertAt(xml, end, ' x="');
  },
  "DOCTYPE and entities"(xml, r) {
    const declaration = r.pick([
      '<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY i "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>',
      '<!DOCTYPE w:document SYSTEM "file:///etc/passwd">',
      '<!DOCTYPE x [<!ENTITY i SYSTEM "http://127.0.0.1:9/x">]>',
      "<!doctype html>",
      "",
    ]);
    const afterDeclaration = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
    let result = insertAt(xml, afterDeclaration, declaration);
    for (let count = r.int(0, 5); count > 0; count--) {
      const at = inside(result, r, r.pick(["w:t", "w:tc", "w:p"]));
      result = insertAt(result, at, r.pick(["&i;", "&a;", "&amp", "&#0;", "&#xFFFFFF;", "&#xD800;", "&#99999999;", "&;", "&#x;", "&nbsp;", "&#65;"]));
    }
    return result;
  },
  "huge cell"(xml, r) {
    const at = inside(xml, r, "w:tc");
    const kind = r.pick(["text", "paragraphs", "runs", "breaks"] as const);
    const count = r.int(10_000, kind === "text" ? 1_000_000 : 100_000);
    if (kind === "text") return insertAt(xml, at, `<w:p><w:r><w:t>${r.pick(["Red ", "x", "72.7% ", "\u00a0", "&amp;"]).repeat(count)}</w:t></w:r></w:p>`);
    if (kind === "paragraphs") return insertAt(xml, at, "<w:p><w:r><w:t>Green</w:t></w:r></w:p>".repeat(count));
    if (kind === "runs") return insertAt(xml, at, `<w:p>${"<w:r><w:t>a</w:t></w:r>".repeat(count)}</w:p>`);
    return insertAt(xml, at, `<w:p><w:r>${r.pick(["<w:br/>", "<w:tab/>", "<w:cr/>", '<w:sym w:font="Wingdings" w:char="F0E0"/>']).repeat(count)}</w:r></w:p>`);
  },
  "deeply nested tables"(xml, r) {
    const depth = r.int(100, 20_000);
    const paragraph = r.next() < 0.5 ? "<w:p><w:r><w:t>deep</w:t></w:r></w:p>" : "";
    const open = `<w:tbl><w:tr><w:tc>${paragraph}`.repeat(depth);
    const close = r.next() < 0.7 ? "</w:tc></w:tr></w:tbl>".repeat(depth) : "";
    return insertAt(xml, inside(xml, r, r.pick(["w:tc", "w:body"])), `${open}<w:p><w:r><w:t>Red</w:t></w:r></w:p>${close}`);
  },
  "bogus spans and merges"(xml, r) {
    let result = xml.replace(/(<w:(?:gridSpan|vMerge)\b[^>]*?w:val=")[^"]*(")/g, (whole, start: string, end: string) => (r.next() < 0.5 ? `${start}${bogusNumber(r)}${end}` : whole));
    // and spans or merges added to cells that had none
    result = result.replace(/<w:tc>/g, (whole) => {
      if (r.next() > 0.3) return whole;
      const span = r.next() < 0.5 ? `<w:gridSpan w:val="${bogusNumber(r)}"/>` : "";
      const merge = r.next() < 0.5 ? `<w:vMerge${r.pick(["", ' w:val="restart"', ' w:val="continue"', ` w:val="${bogusNumber(r)}"`])}/>` : "";
      return `<w:tc><w:tcPr>${span}${merge}</w:tcPr>`;
    });
    return result;
  },
  "merges on every cell of a long table"(xml, r) {
    const rows = r.int(100, 5000);
    const cells = r.int(1, 10);
    const cell = () => `<w:tc><w:tcPr>${r.next() < 0.5 ? `<w:gridSpan w:val="${r.pick(["2", "64", "100000"])}"/>` : ""}<w:vMerge${r.next() < 0.2 ? ' w:val="restart"' : ""}/></w:tcPr><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc>`;
    const table = `<w:tbl>${Array.from({ length: rows }, () => `<w:tr>${Array.from({ length: cells }, cell).join("")}</w:tr>`).join("")}</w:tbl>`;
    return insertAt(xml, inside(xml, r, "w:body"), table);
  },
  "list items pointing nowhere"(xml, r) {
    return xml.replace(/<w:p>/g, (whole) => {
      if (r.next() > 0.2) return whole;
      const ilvl = r.next() < 0.8 ? `<w:ilvl w:val="${r.pick(["0", "1", "4", "5", "9", ...["-1", "100000", "x", ""]])}"/>` : "";
      const numId = r.next() < 0.8 ? `<w:numId w:val="${r.pick(["1", "2", "0", "999", "-1", "x", ""])}"/>` : "";
      const style = r.next() < 0.3 ? `<w:pStyle w:val="${r.pick(["Heading1", "ListBullet", "Missing", ""])}"/>` : "";
      return `<w:p><w:pPr>${style}<w:numPr>${ilvl}${numId}</w:numPr></w:pPr>`;
    });
  },
  "numbering links"(xml, r) {
    // abstract numberings pointing at each other through numbering styles, ids that do not exist
    return xml
      .replace(/(<w:abstractNumId w:val=")[^"]*(")/g, (_, start: string, end: string) => `${start}${r.pick(["0", "1", "2", "999", "", "-1"])}${end}`)
      .replace(/(<w:abstractNum\b[^>]*>)/g, (whole: string) => (r.next() < 0.5 ? `${whole}<w:numStyleLink w:val="${r.pick(["ListBullet", "Missing", ""])}"/>` : whole))
      .replace(/(<w:lvl w:ilvl=")[^"]*(")/g, (whole, start: string, end: string) => (r.next() < 0.3 ? `${start}${bogusNumber(r)}${end}` : whole));
  },
  "relationship targets"(xml, r) {
    return xml.replace(/Target="[^"]*"/g, (whole) =>
      r.next() < 0.5 ? `Target="${r.pick(["", "/", "..", "../../../../etc/passwd", "word/document.xml", "/word/document.xml", "numbering.xml", "document.xml", "word/missing.xml", "word/", "%2e%2e/x", "x".repeat(70_000)])}"` : whole,
    );
  },
};

/** Bytes that are not UTF-8 (or the whole part in another encoding). */
function nonUtf8(bytes: Uint8Array, r: Random): Uint8Array {
  const kind = r.pick(["bytes", "utf-16", "latin1", "nul"] as const);
  const text = decode(bytes);
  if (kind === "utf-16") return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace('encoding="UTF-8"', 'encoding="UTF-16"'), "utf16le")]);
  if (kind === "latin1") return Buffer.from(text.replace(/>([^<]{1,40})</g, (whole, inner: string) => (r.next() < 0.2 ? `>${inner}\u00e9\u00a3\u00ff<` : whole)), "latin1");
  const copy = Buffer.from(bytes);
  for (let count = r.int(1, 30); count > 0; count--) copy[r.int(0, copy.length - 1)] = kind === "nul" ? 0 : r.pick([0x80, 0x96, 0xc3, 0xe2, 0xf0, 0xfe, 0xff]);
  return copy;
}

/** Unzip a fixture, change it, zip it again (stored or deflated, as writers differ). */
function repackaged(name: string, change: (files: Zippable, r: Random) => void): Mutation {
  return {
    name,
    apply(bytes, r) {
      const files: Zippable = unzipSync(bytes);
      change(files, r);
      return Buffer.from(zipSync(files, { level: r.pick([0, 1, 6, 9] as const) }));
    },
  };
}

const xmlEdits = repackaged("XML edits", (files, r) => {
  for (let count = r.int(1, 3); count > 0; count--) {
    const part = pickPart(files, r);
    const editName = r.pick(Object.keys(XML_EDITS));
    const edit = XML_EDITS[editName]!;
    files[part] = Buffer.from(edit(decode(files[part] as Uint8Array), r), "utf8");
  }
});

/** The same edits, each named, so a long run shows which kind of edit fails (the quick run mixes them). */
const namedEdits = Object.entries(XML_EDITS).map(([name, edit]) =>
  repackaged(`XML: ${name}`, (files, r) => {
    const part = pickPart(files, r);
    files[part] = Buffer.from(edit(decode(files[part] as Uint8Array), r), "utf8");
  }),
);

const notUtf8 = repackaged("XML not in UTF-8", (files, r) => {
  const part = pickPart(files, r);
  files[part] = nonUtf8(files[part] as Uint8Array, r);
});

const missingParts = repackaged("parts missing or emptied", (files, r) => {
  for (let count = r.int(1, 2); count > 0; count--) {
    const part = r.pick(PARTS);
    if (r.next() < 0.6) delete files[part];
    else files[part] = new Uint8Array(r.int(0, 1) === 0 ? 0 : 1);
  }
});

fuzz(".docx", {
  fixtures: ["fixtures/docx/q2-2008-09.docx", "fixtures/docx/q4-2008-09.docx", "fixtures/libreoffice/q2-2008-09.docx", "fixtures/libreoffice/q4-2008-09.docx"],
  mutations: [byteFlips, truncation, rangeEdits, centralDirectoryDamage, oversizedSizes, xmlEdits, xmlEdits, xmlEdits, notUtf8, missingParts, ...namedEdits],
  // mammoth (--docx-reader mammoth) takes a second or more per mutant: every fifth one.
  readers: [{ options: {} }, { options: { docxReader: "mammoth" }, every: 5 }],
  quickRuns: 30,
});
