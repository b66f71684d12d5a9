/**
 * The .docx reader on small hand-written packages: what it reads from word/document.xml beside
 * mammoth (fills, spans, tracked changes) stays aligned with mammoth's tables, and the package
 * is read once, through the zip guard.
 */
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { cellText, type Block, type TableBlock } from "../src/model/blocks.js";
import { readDocument } from "../src/read/index.js";
import { scanDocumentXml } from "../src/read/docx-mammoth.js";
import { InputError } from "../src/errors.js";

const NS = [
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"',
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"',
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"',
  'xmlns:v="urn:schemas-microsoft-com:vml"',
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"',
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"',
  'mc:Ignorable="wps"',
].join(" ");

function docx(body: string, main = "word/document.xml"): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    "_rels/.rels": strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/${main}"/></Relationships>`,
    ),
    [main]: strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body}</w:body></w:document>`),
  });
}

const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, properties = "") => `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ""}${p(text)}</w:tc>`;
const tr = (...cells: string[]) => `<w:tr>${cells.join("")}</w:tr>`;
const tbl = (...rows: string[]) => `<w:tbl><w:tblPr/><w:tblGrid/>${rows.join("")}</w:tbl>`;
const shd = (fill: string, val = "clear", color = "auto") => `<w:shd w:val="${val}" w:color="${color}" w:fill="${fill}"/>`;
const change = 'w:id="9" w:author="Performance officer" w:date="2008-10-20T10:00:00Z"';

const tables = (blocks: Block[]) => blocks.filter((block): block is TableBlock => block.kind === "table");
const fills = (table: TableBlock) => table.rows.map((row) => row.cells.map((cell) => cell.fill ?? null));
const texts = (table: TableBlock) => table.rows.map((row) => row.cells.map(cellText));

describe("cell shading (w:shd) read beside mammoth", () => {
  it("reads the fill; white and auto are no colour; a solid pattern shows its pattern colour", async () => {
    const bytes = docx(tbl(tr(tc("Red", shd("FF0000")), tc("auto", shd("auto")), tc("white", shd("FFFFFF")), tc("", shd("auto", "solid", "00B050")), tc("lower", shd("ffc000")))));
    const [table] = tables((await readDocument(bytes)).blocks);
    expect(fills(table!)).toEqual([["FF0000", null, null, "00B050", "FFC000"]]);
  });

  it("ignores the old shading and span kept in a tracked property change (w:tcPrChange)", async () => {
    const changed = `${shd("00B050")}<w:tcPrChange ${change}><w:tcPr><w:gridSpan w:val="2"/>${shd("FF0000")}</w:tcPr></w:tcPrChange>`;
    const [table] = tables((await readDocument(docx(tbl(tr(tc("now green", changed), tc("amber", shd("FFC000"))))))).blocks);
    expect(fills(table!)).toEqual([["00B050", "FFC000"]]);
  });

  it("puts fills in the right grid columns past merged cells (gridSpan)", async () => {
    const bytes = docx(tbl(tr(tc("Progress", '<w:gridSpan w:val="2"/>'), tc("Risk", shd("FF0000"))), tr(tc("a"), tc("b"), tc("c", shd("00B050")))));
    const [table] = tables((await readDocument(bytes)).blocks);
    expect(table!.rows[0]!.cells.map((cell) => cell.colSpan ?? 1)).toEqual([2, 1]);
    expect(fills(table!)).toEqual([[null, "FF0000"], [null, null, "00B050"]]);
  });

  it("keeps a nested table's fills out of the table around it", async () => {
    const nested = `<w:tc>${tbl(tr(tc("inner", shd("0000FF"))))}${p("")}</w:tc>`;
    const bytes = docx(tbl(tr(nested, tc("outer", shd("FF0000"))), tr(tc("x", shd("00B050")), tc("y"))) + p("after") + tbl(tr(tc("second", shd("FFC000")))));
    const [outer, second] = tables((await readDocument(bytes)).blocks);
    expect(fills(outer!)).toEqual([[null, "FF0000"], ["00B050", null]]);
    expect(fills(second!)).toEqual([["FFC000"]]);
  });

  it("reads alternate content as mammoth does (the fallback), so a table in a text box does not shift the tables after it", async () => {
    const box = (fill: string) => `<w:txbxContent>${tbl(tr(tc("in a text box", shd(fill))))}${p("")}</w:txbxContent>`;
    const alternate =
      `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx>${box("0000FF")}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${box("0000FF")}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const document = await readDocument(docx(alternate + tbl(tr(tc("RAG Rating"), tc("", shd("FFC000"))))));
    const found = tables(document.blocks);
    expect(found.map(texts)).toEqual([[["in a text box"]], [["RAG Rating", ""]]]);
    expect(found.map(fills)).toEqual([[["0000FF"]], [[null, "FFC000"]]]);
  });
});

describe("tracked changes", () => {
  it("leaves out rows deleted as a tracked change, as mammoth does, so the rows after keep their colours", async () => {
    const deleted = `<w:tr><w:trPr><w:del ${change}/></w:trPr>${tc("gone", shd("00B050"))}${tc("gone")}</w:tr>`;
    const document = await readDocument(docx(tbl(tr(tc("PI Ref"), tc("RAG Rating")), deleted, tr(tc("NI 187"), tc("", shd("FF0000"))))));
    const [table] = tables(document.blocks);
    expect(texts(table!)).toEqual([["PI Ref", "RAG Rating"], ["NI 187", ""]]);
    expect(fills(table!)).toEqual([[null, null], [null, "FF0000"]]);
    expect(document.notices).toEqual([expect.objectContaining({ code: "tracked-changes", message: expect.stringMatching(/\(0 insertions, 1 deletions\)/) })]);
  });

  it("reads the accepted view: insertions and moves to kept, deletions and moves from dropped; all counted", async () => {
    const body =
      `<w:p><w:r><w:t xml:space="preserve">Area </w:t></w:r><w:del ${change}><w:r><w:delText>Panels</w:delText></w:r></w:del>` +
      `<w:ins ${change}><w:r><w:t>Committees</w:t></w:r></w:ins><w:moveFrom ${change}><w:r><w:t xml:space="preserve"> old place</w:t></w:r></w:moveFrom></w:p>` +
      `<w:p><w:moveTo ${change}><w:r><w:t>moved here</w:t></w:r></w:moveTo></w:p>`;
    const document = await readDocument(docx(body));
    expect(document.blocks.map((block) => (block.kind === "paragraph" ? block.text : ""))).toEqual(["Area Committees", "moved here"]);
    expect(document.notices[0]!.message).toBe("the document still has unaccepted tracked changes (2 insertions, 2 deletions); read as if accepted");
  });

  it("says nothing when there are no tracked changes", async () => {
    expect((await readDocument(docx(p("Clean text")))).notices).toEqual([]);
  });
});

describe("the package", () => {
  it("finds the main document through the package relationships (word/document2.xml)", async () => {
    const document = await readDocument(docx(tbl(tr(tc("Amber", shd("FFC000")))), "word/document2.xml"));
    expect(fills(tables(document.blocks)[0]!)).toEqual([["FFC000"]]);
  });

  it("reads a zip64 package (written by .NET and Java tools)", async () => {
    const document = await readDocument(toZip64(docx(tbl(tr(tc("Green", shd("00B050")))))));
    expect(fills(tables(document.blocks)[0]!)).toEqual([["00B050"]]);
  });

  it("refuses a zip whose entries are encrypted", async () => {
    const bytes = Buffer.from(docx(p("secret")));
    for (let at = bytes.indexOf("PK\x01\x02"); at >= 0; at = bytes.indexOf("PK\x01\x02", at + 1)) bytes.writeUInt16LE(bytes.readUInt16LE(at + 8) | 1, at + 8);
    await expect(readDocument(bytes)).rejects.toMatchObject({ code: "encrypted" });
  });

  it("refuses an entry that expands past the limit while inflating, though its directory stays under it", async () => {
    // 2 MB of zeros whose directory and local header both claim 1 KB: the declared total passes
    // the 1 MB cap, so only the check made while inflating can refuse it.
    const bytes = declareSize(zipSync({ "word/document.xml": new Uint8Array(2 * 1024 * 1024) }), "word/document.xml", 1024);
    const error = await readDocument(bytes, { maxUncompressedBytes: 1024 * 1024 }).catch((caught) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: "too-large", message: expect.stringMatching(/^word\/document\.xml expands past its declared size, over the 1 MB limit/) });
    // Without the cap in the way it is still refused: the size differs from the declared one.
    await expect(readDocument(bytes)).rejects.toMatchObject({ code: "corrupt" });
  });

  it("reads a main part too large to inflate at once, in pieces, with characters and tags cut at their edges", async () => {
    // ~3.7 MB of paragraphs, mostly two- and three-byte UTF-8 (é, €): zlib hands the part on in
    // pieces, whose edges fall inside tags and, almost surely, inside characters; every paragraph must read whole.
    const line = (index: number) => `${index} ${"€é".repeat(60)} &amp; done`;
    const count = 10_000;
    const document = await readDocument(docx(Array.from({ length: count }, (_, index) => p(line(index))).join("")));
    const paragraphs = document.blocks.map((block) => (block.kind === "paragraph" ? block.text : ""));
    expect(paragraphs).toHaveLength(count);
    expect(paragraphs.filter((text, index) => text !== line(index).replace("&amp;", "&"))).toEqual([]);
  });

  it("refuses a part that expands past the limit while it streams (declared larger than one inflate takes)", async () => {
    // Declared 1.5 MB (under the 2 MB cap), 40 MB of zeros in fact: stopped as it crosses the cap.
    const bytes = declareSize(zipSync({ "word/document.xml": new Uint8Array(40 * 1024 * 1024) }), "word/document.xml", 1536 * 1024);
    const error = await readDocument(bytes, { maxUncompressedBytes: 2 * 1024 * 1024 }).catch((caught) => caught);
    expect(error).toMatchObject({ code: "too-large", message: expect.stringMatching(/^word\/document\.xml expands past its declared size, over the 2 MB limit/) });
  });

  it("refuses a main part cut short inside its compressed data, in plain words", async () => {
    const xml = strToU8(`<w:document ${NS}><w:body>${p("x".repeat(3_000_000))}</w:body></w:document>`);
    const whole = Buffer.from(zipSync({ "word/document.xml": xml }, { level: 1 }));
    // Cut the deflate stream in half while keeping the directory: the sizes still add up.
    const at = whole.indexOf("word/document.xml") + "word/document.xml".length;
    const compressed = whole.readUInt32LE(at - "word/document.xml".length - 30 + 18);
    whole.fill(0, at + compressed / 2, at + compressed);
    const error = await readDocument(whole).catch((caught) => caught);
    expect(error).toMatchObject({ code: "corrupt", message: expect.stringMatching(/^corrupt or truncated zip archive \(word\/document\.xml (is cut short|holds damaged compressed data)\)$/) });
  });

  it("scans a long document.xml (20,000 rows) to its last row", () => {
    // Its speed is measured by npm run bench (bench/readers.js), not asserted here.
    const row = tr(tc("NI 187"), tc("3.35%"), tc("", shd("FFC000")));
    const xml = `<w:document ${NS}><w:body>${tbl(...new Array(20_000).fill(row))}</w:body></w:document>`;
    const scan = scanDocumentXml(xml);
    expect(scan.tables[0]).toHaveLength(20_000);
    expect(scan.tables[0]![19_999]).toEqual([{ column: 0 }, { column: 1 }, { column: 2, fill: "FFC000" }]);
  });
});

/** Make an entry's local header and directory entry both claim `size` uncompressed bytes. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const bytes = Buffer.from(zip);
  for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
    if (at >= 30 && bytes.readUInt32LE(at - 30) === 0x04034b50) bytes.writeUInt32LE(size, at - 30 + 22);
    else if (at >= 46 && bytes.readUInt32LE(at - 46) === 0x02014b50) bytes.writeUInt32LE(size, at - 46 + 24);
  }
  return bytes;
}

/** Rewrite a zip (as fflate writes it: no extras, no comments) into zip64 form. */
function toZip64(zip: Uint8Array): Uint8Array {
  const bytes = Buffer.from(zip);
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  const directoryStart = bytes.readUInt32LE(end + 16);
  const entries: Buffer[] = [];
  for (let at = directoryStart, index = 0; index < count; index++) {
    const nameLength = bytes.readUInt16LE(at + 28);
    const header = Buffer.from(bytes.subarray(at, at + 46));
    const extra = Buffer.alloc(28);
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(24, 2);
    extra.writeBigUInt64LE(BigInt(header.readUInt32LE(24)), 4);
    extra.writeBigUInt64LE(BigInt(header.readUInt32LE(20)), 12);
    extra.writeBigUInt64LE(BigInt(header.readUInt32LE(42)), 20);
    for (const field of [20, 24, 42]) header.writeUInt32LE(0xffffffff, field);
    header.writeUInt16LE(28, 30);
    entries.push(Buffer.concat([header, bytes.subarray(at + 46, at + 46 + nameLength), extra]));
    at += 46 + nameLength;
  }
  const directory = Buffer.concat(entries);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(count), 24);
  record.writeBigUInt64LE(BigInt(count), 32);
  record.writeBigUInt64LE(BigInt(directory.length), 40);
  record.writeBigUInt64LE(BigInt(directoryStart), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(directoryStart + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  const tail = Buffer.alloc(22);
  tail.writeUInt32LE(0x06054b50, 0);
  tail.writeUInt16LE(0xffff, 8);
  tail.writeUInt16LE(0xffff, 10);
  tail.writeUInt32LE(0xffffffff, 12);
  tail.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([bytes.subarray(0, directoryStart), directory, record, locator, tail]);
}

describe("cell anchors (native reader)", () => {
  // Paragraph ordinals, counted by hand from the XML below, every <w:p> and <w:p/> in raw order:
  // 0 "Intro"; 1 the paragraph holding alternate content; 2, 3 inside its mc:Choice (not read,
  // still counted); 4 "A"; 5, 6 the nested table's cells; 7 the empty paragraph after it; 8 the
  // self-closing <w:p/>; 9 "deleted" (a deleted row, dropped); 10 "B"; 11 ""; 12 "after".
  const choice = `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>${p("one")}${p("two")}</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback/></mc:AlternateContent></w:r></w:p>`;
  const nested = `<w:tc>${tbl(tr(tc("n1"), tc("n2")))}${p("")}</w:tc>`;
  const deletedRow = `<w:tr><w:trPr><w:del ${change}/></w:trPr>${tc("deleted")}</w:tr>`;

  it("gives each cell its table, row, grid column and the ordinal of its first <w:p> among all of them", async () => {
    const table1 = tbl(tr(tc("A"), nested, "<w:tc><w:p/></w:tc>"), deletedRow, tr(tc("B", '<w:gridSpan w:val="2"/>'), tc("")));
    const document = await readDocument(docx(`${p("Intro")}${choice}${table1}${p("after")}`));
    const [table] = tables(document.blocks);
    expect(table!.rows.map((row) => row.cells.map((cell) => cell.location))).toEqual([
      [{ table: 1, row: 1, cell: 1, anchor: 4 }, { table: 1, row: 1, cell: 2, anchor: 5 }, { table: 1, row: 1, cell: 3, anchor: 8 }],
      [{ table: 1, row: 2, cell: 1, anchor: 10 }, { table: 1, row: 2, cell: 3, anchor: 11 }],
    ]);
    expect(texts(table!)).toEqual([["A", "n1\nn2", ""], ["B", ""]]);
    const paragraphs = document.blocks.filter((block) => block.kind === "paragraph");
    expect(paragraphs.map((block) => block.location)).toEqual([{ paragraph: 1, anchor: 0 }, { paragraph: 2, anchor: 12 }]);
  });

  it("anchors the empty cell a vertical merge leaves at the merged-away cell's own paragraph", async () => {
    const merged = tbl(tr(tc("RAG", '<w:vMerge w:val="restart"/>'), tc("x")), tr(tc("", "<w:vMerge/>"), tc("y")));
    const [table] = tables((await readDocument(docx(merged))).blocks);
    expect(table!.rows[1]!.cells.map((cell) => [cellText(cell), cell.location])).toEqual([
      ["", { table: 1, row: 2, cell: 1, anchor: 2 }],
      ["y", { table: 1, row: 2, cell: 2, anchor: 3 }],
    ]);
  });
});

describe("XML kept inert, errors in plain words (both readers)", () => {
  const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:document ${NS}><w:body>${p("&b;")}</w:body></w:document>`;
  const packaged = (xml: string) => zipSync({ "_rels/.rels": strToU8('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'), "word/document.xml": strToU8(xml) });

  it.each(["native", "mammoth"] as const)("%s: a DOCTYPE is refused in one line, nothing expanded", async (reader) => {
    const error = await readDocument(packaged(bomb), { docxReader: reader }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect(error).toMatchObject({ code: "unsafe", message: "word/document.xml declares a DOCTYPE, which Word never writes; refused without reading it (it can hide entity bombs or fetch outside files)" });
  });

  it.each(["native", "mammoth"] as const)("%s: broken XML is one plain line, never the parser's words", async (reader) => {
    const error = await readDocument(packaged(`<w:document ${NS}><w:body><w:p><w:r><w:t>Amber</w:r></w:p></w:body></w:document>`), { docxReader: reader }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/^damaged Word document: /);
    expect((error as Error).message).not.toMatch(/xmldom|@#\[line|\n/);
  });

  it("native: an empty document.xml, or duplicate attributes, still give a result", async () => {
    expect((await readDocument(packaged(""))).blocks).toEqual([]);
    const duplicated = `<w:document ${NS}><w:body><w:p w:rsidR="1" w:rsidR="2"><w:r><w:t>Amber</w:t></w:r></w:p></w:body></w:document>`;
    expect((await readDocument(packaged(duplicated))).blocks).toMatchObject([{ kind: "paragraph", text: "Amber" }]);
  });

  it("native: tables nested 2,000 deep read without recursion, the same every time", async () => {
    const deep = (depth: number) => `${"<w:tbl><w:tr><w:tc>".repeat(depth)}${p("deepest")}${"</w:tc></w:tr></w:tbl>".repeat(depth)}`;
    const bytes = docx(deep(2000) + p("after"));
    const first = await readDocument(bytes);
    expect(first.blocks).toHaveLength(2);
    expect(texts(tables(first.blocks)[0]!)).toEqual([["deepest"]]);
    expect(first.blocks[1]).toMatchObject({ kind: "paragraph", text: "after" });
    expect(await readDocument(bytes)).toEqual(first);
  });
});
