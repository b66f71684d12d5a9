/**
 * Each failure class found by the fuzz (test/fuzz/*.test.ts, `npm run fuzz`), kept as a plain test
 * with the shape that found it, so it stays fixed whatever seed the next run draws.
 * docs/testing.md lists the runs and what they found.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { parseBytes, type DocumentOptions } from "../../src/pipeline.js";
import { readHtmlText } from "../../src/read/html.js";
import { cleanWordText } from "../../src/read/word-text.js";

/** A fixture .docx with its main part rewritten. */
function withDocumentXml(fixture: string, change: (xml: string) => string): Uint8Array {
  const files = unzipSync(readFileSync(fixture));
  files["word/document.xml"] = Buffer.from(change(Buffer.from(files["word/document.xml"]!).toString("utf8")), "utf8");
  return zipSync(files);
}

async function refusal(bytes: Uint8Array, options: DocumentOptions = {}): Promise<string> {
  try {
    await parseBytes(bytes, "fuzz", options);
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error("read without a refusal");
}

const mammoth: DocumentOptions = { docxReader: "mammoth" };

// Seed 1, mutant 5 (of a first version of the mutator): a second copy of the document after the
// root element. Through mammoth, xmldom spent 97-140 s on it before failing; the native reader
// read it as more of the document (30 updates from a file of 10). Both now refuse it.
describe("fuzz regressions: .docx with a second document after the root element", () => {
  const bytes = withDocumentXml("fixtures/docx/q4-2008-09.docx", (xml) => `${xml}<w:tr>${xml}`);
  const expected = "damaged Word document: word/document.xml is not well-formed XML (<w:tr> after the root element)";

  it("is refused by the native reader", async () => {
    expect(await refusal(bytes)).toBe(expected);
  });

  it("is refused before mammoth's parser sees it", async () => {
    expect(await refusal(bytes, mammoth)).toBe(expected);
  });
});

describe("fuzz regressions: .docx through mammoth (--docx-reader mammoth)", () => {

  it("refuses tags that do not balance, naming the tag", async () => {
    const unclosed = withDocumentXml("fixtures/docx/q4-2008-09.docx", (xml) => xml.replace("</w:body>", ""));
    expect(await refusal(unclosed, mammoth)).toBe("damaged Word document: word/document.xml is not well-formed XML (</w:document> closes <w:body>)");
    const stray = withDocumentXml("fixtures/docx/q4-2008-09.docx", (xml) => xml.replace("<w:body>", "<w:body></w:tc>"));
    expect(await refusal(stray, mammoth)).toBe("damaged Word document: word/document.xml is not well-formed XML (</w:tc> closes <w:body>)");
  });

  // Seed 1128, mutant 170: tables nested thousands deep inside a cell kept mammoth busy for 32
  // minutes. The native reader reads them; mammoth is spared anything deeper than Word makes.
  it("refuses tables nested more than 64 deep, which the native reader still reads", async () => {
    const nested = (depth: number) =>
      withDocumentXml("fixtures/docx/q4-2008-09.docx", (xml) =>
        xml.replace("<w:body>", `<w:body>${"<w:tbl><w:tr><w:tc><w:p/>".repeat(depth)}${"</w:tc></w:tr></w:tbl>".repeat(depth)}`),
      );
    expect(await refusal(nested(65), mammoth)).toBe("word/document.xml has tables nested more than 64 deep, too deep for --docx-reader mammoth: read it with the native reader (the default)");
    expect((await parseBytes(nested(65), "deep")).priorities).toHaveLength(7);
    expect((await parseBytes(nested(64), "deep", mammoth)).priorities).toHaveLength(7);
  });

  it("still reads the fixtures, which are well-formed", async () => {
    const report = await parseBytes(readFileSync("fixtures/libreoffice/q4-2008-09.docx"), "q4", mammoth);
    expect(report.priorities.map((priority) => priority.reference)).toEqual(["TP-1a", "TP-1d", "TP-2a", "TP-3a", "HM-1a", "HM-2a", "HM-2b"]);
  });
});

// Seed 1128, mutant 242 of test/fuzz/doc.test.ts (byte flips of fixtures/doc/q4-2008-09.doc):
// field begin marks without an end made word-extractor's field regex backtrack for 2.4 s of CPU
// (24-32 s on the loaded machine) on a 100 KB file. The cleaning itself is test/word-text.test.ts.
describe("fuzz regressions: .doc text cleaning", () => {
  it("is ours, in linear time, once the .doc reader has loaded word-extractor", async () => {
    const report = await parseBytes(readFileSync("fixtures/doc/q4-2008-09.doc"), "q4");
    expect(report.priorities).toHaveLength(7);
    const filters = createRequire(import.meta.url)("word-extractor/lib/filters.js") as { clean: unknown };
    expect(filters.clean).toBe(cleanWordText);
  });
});

// Found comparing the HTML reader before and after its lean tree (docs/testing.md): mutants of
// Word "Save as Web Page" files of ../shared/realworld/corpus with deep nesting spliced into the
// label of a Word list item (`<![if !supportLists]>1.<![endif]>`). Reading the label's text
// recursed once per level, so the page ended in "internal error: Maximum call stack size exceeded".
describe("fuzz regressions: HTML list item whose label nests 20,000 deep", () => {
  it("is read as a numbered list item", () => {
    const label = `${"<span>".repeat(20_000)}1.${"</span>".repeat(20_000)}`;
    const page = `<html><body><p class=MsoListParagraph style="mso-list:l0 level1 lfo1"><![if !supportLists]>${label}<![endif]>First item</p><table><tr><td><p style="mso-list:l1 level1 lfo2"><![if !supportLists]>${label}<![endif]>In a cell</p></td></tr></table></body></html>`;
    expect(readHtmlText(page)).toEqual([
      { kind: "paragraph", text: "First item", location: { paragraph: 1 } },
      { kind: "table", rows: [{ cells: [{ lines: [{ text: "In a cell", list: "number" }] }], location: { table: 1, row: 1 } }], location: { table: 1 } },
    ]);
  });
});
