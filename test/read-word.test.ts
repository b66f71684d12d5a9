import { readFileSync } from "node:fs";
import { zipSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { cellText, type Block, type TableBlock } from "../src/model/blocks.js";
import { parseBytes } from "../src/index.js";
import { readDocument } from "../src/read/index.js";
import { readHtmlText } from "../src/read/html.js";
import { InputError } from "../src/errors.js";

const Q2_DOCX = readFileSync("fixtures/docx/q2-2008-09.docx");
const Q4_DOCX = readFileSync("fixtures/docx/q4-2008-09.docx");
const Q2_HTML = readFileSync("fixtures/html/q2-2008-09.html");

const tables = (blocks: Block[]) => blocks.filter((block): block is TableBlock => block.kind === "table");
const findCell = (blocks: Block[], text: string) =>
  tables(blocks).flatMap((table) => table.rows.flatMap((row) => row.cells)).find((cell) => cellText(cell).startsWith(text));

describe.each([
  [".docx", Q2_DOCX, "docx"],
  [".html", Q2_HTML, "html"],
])("what only the richer formats carry (%s)", (_name, bytes, format) => {
  it("reads the format from the bytes", async () => {
    expect((await readDocument(bytes)).format).toBe(format);
  });

  it("reads a RAG cell that is only coloured as its rating (TP-1d NI 187: amber fill, no text)", async () => {
    const report = await parseBytes(bytes, `x.${format}`);
    const [indicator] = report.priorities.find((priority) => priority.reference === "TP-1d")!.indicators;
    expect(indicator).toMatchObject({ ref: "NI 187", rag: "Amber", ragRaw: "", ragFill: "FFC000", ragFromFill: true, forecast: null });
  });

  it("keeps a number on a coloured RAG cell as the forecast and the colour as the rating (HW-3b NI 141)", async () => {
    const report = await parseBytes(bytes, `x.${format}`);
    const indicator = report.priorities.find((priority) => priority.reference === "HW-3b")!.indicators.find((pi) => pi.ref === "NI 141")!;
    expect(indicator).toMatchObject({ rag: "Green", ragFill: "00B050", ragFromFill: true, forecast: { value: 72.7, unit: "percent" } });
  });

  it("keeps the items of a bulleted list as lines of the cell", async () => {
    const cell = findCell((await readDocument(bytes)).blocks, "Implement improved tensions tracking systems")!;
    expect(cell.lines).toEqual([
      { text: "Implement improved tensions tracking systems", list: "bullet" },
      { text: "Monitor and evaluate responses", list: "bullet" },
      { text: "Develop preventative strategies in pilot areas to be identified", list: "bullet" },
    ]);
  });

  it("gives every row its table and row number", async () => {
    const report = await parseBytes(bytes, `x.${format}`);
    expect(report.priorities[0]!.indicators[0]!.location).toEqual({ table: 2, row: 2 });
  });
});

describe(".docx", () => {
  it("keeps the paragraphs of a multi-paragraph cell as lines (TP-1a Q4 progress)", async () => {
    const cell = findCell((await readDocument(Q4_DOCX)).blocks, "Considerable progress has been made")!;
    expect(cell.lines.map((line) => line.text.slice(0, 29))).toEqual(["Considerable progress has bee", "Early indications, based on C", "Also since the intorduction o"]);
  });

  it("lands merged header cells (gridSpan) in the right columns", async () => {
    const blocks = (await readDocument(Q4_DOCX)).blocks;
    const header = tables(blocks)[0]!.rows.find((row) => cellText(row.cells[0]) === "Progress as at 31st March 2009")!;
    expect(header.cells.map((cell) => [cellText(cell), cell.colSpan ?? 1])).toEqual([
      ["Progress as at 31st March 2009", 2],
      ["Next Steps / Future Milestones for Q1 & Q2 2009/10", 3],
      ["Risk / Challenges", 1],
      ["Timescale", 1],
      ["Contributory Officer", 2],
    ]);
    const report = await parseBytes(Q4_DOCX, "q4.docx");
    expect(report.priorities[0]!.actions[0]).toMatchObject({ officer: "ALMO / BITMO Chief Officers", risks: expect.stringMatching(/^An accurate picture of investment needs/) });
  });

  it("reads tracked changes as accepted and says the document still has them", async () => {
    const report = await parseBytes(Q2_DOCX, "q2.docx");
    expect(report.notices).toEqual([
      expect.objectContaining({ code: "tracked-changes", message: expect.stringMatching(/1 insertions, 1 deletions/) }),
      expect.objectContaining({ code: "tracked-changes", change: "deletion", text: expect.stringMatching(/^Area Panels\s*$/) }),
      expect.objectContaining({ code: "tracked-changes", change: "insertion", text: "Area Committees" }),
    ]);
    expect(report.priorities[0]!.assessment).toContain("Area Committees are on track");
    expect(report.priorities[0]!.assessment).not.toContain("Area Panels");
  });
});

describe("HTML", () => {
  it("reads Word's Save as Web Page markup: MsoNormal paragraphs, &nbsp; cells, <o:p>, inline backgrounds", () => {
    const blocks = readHtmlText(
      "<html><body><p class=MsoNormal>Thriving Places 2008/09 Quarter 2 Performance Update<o:p></o:p></p>" +
        "<table><tr><td><p class=MsoNormal>RAG Rating<o:p></o:p></p></td><td style='background:#FFC000;mso-shading:auto'><p class=MsoNormal>&nbsp;<o:p></o:p></p></td>" +
        "<td bgcolor=red>Red</td><td style='background-color: rgb(0, 176, 80)'>x</td></tr></table></body></html>",
    );
    expect(blocks[0]).toEqual({ kind: "paragraph", text: "Thriving Places 2008/09 Quarter 2 Performance Update", location: { paragraph: 1 } });
    const [row] = (blocks[1] as TableBlock).rows;
    expect(row!.cells.map((cell) => [cellText(cell), cell.fill])).toEqual([
      ["RAG Rating", undefined],
      ["", "FFC000"],
      ["Red", "FF0000"],
      ["x", "00B050"],
    ]);
  });

  it("places cells below a rowspan in the right columns", () => {
    const [table] = readHtmlText("<table><tr><td rowspan=2>A</td><td>B</td></tr><tr><td>C</td></tr></table>") as TableBlock[];
    expect(table!.rows[1]!.cells.map(cellText)).toEqual(["", "C"]);
  });

  it("never runs scripts and drops them from the text", () => {
    const blocks = readHtmlText("<html><body><script>globalThis.ran = true</script><p>Text</p></body></html>");
    expect((globalThis as Record<string, unknown>).ran).toBeUndefined();
    expect(blocks).toEqual([{ kind: "paragraph", text: "Text", location: { paragraph: 1 } }]);
  });

  it("reads pathologically nested markup without overflowing the stack", async () => {
    const depth = 10_000;
    const html = `<html><body><table><tr><td>${"<div>".repeat(depth)}deep${"</div>".repeat(depth)}</td></tr></table>${"<span>".repeat(depth)}x</body></html>`;
    const document = await readDocument(new TextEncoder().encode(html));
    expect(cellText((document.blocks[0] as TableBlock).rows[0]!.cells[0])).toBe("deep");
  });
});

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ole2With = (...names: string[]) => new Uint8Array([...OLE2, ...new Uint8Array(504), ...names.flatMap((name) => [...Buffer.from(name, "utf16le")])]);

async function refusal(bytes: Uint8Array, options = {}): Promise<InputError> {
  try {
    await readDocument(bytes, options);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error("expected the input to be refused");
}

describe("bad input gets one clear reason", () => {
  it.each([
    ["an empty file", new Uint8Array(), "empty", /^empty file$/],
    ["a truncated .docx", Q2_DOCX.subarray(0, 20_000), "corrupt", /^corrupt or truncated zip archive/],
    ["a zip that is not a Word document", zipSync({ "notes.txt": strToU8("hello") }), "unsupported", /zip archive that is not a Word document/],
    ["an Excel workbook", zipSync({ "xl/workbook.xml": strToU8("<workbook/>"), "[Content_Types].xml": strToU8("<Types/>") }), "unsupported", /Excel workbook/],
    ["a password-protected Word file", ole2With("EncryptionInfo", "EncryptedPackage"), "encrypted", /password-protected/],
    ["a PNG image", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), "unsupported", /PNG image/],
    ["a PDF", new TextEncoder().encode("%PDF-1.4\n%âãÏÓ\n1 0 obj"), "unsupported", /PDF document/],
    ["an Excel 97-2003 workbook", ole2With("Workbook"), "unsupported", /Excel 97-2003/],
  ])("%s", async (_name, bytes, code, message) => {
    const error = await refusal(bytes as Uint8Array);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it("refuses a zip that would expand past the limit (zip-bomb guard), the limit configurable", async () => {
    const bomb = zipSync({ "word/document.xml": new Uint8Array(3 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(20_000);
    const error = await refusal(bomb, { maxUncompressedBytes: 1024 * 1024 });
    expect(error.code).toBe("too-large");
    expect(error.message).toMatch(/over the 1 MB limit/);
  });

  it("refuses a zip whose directory understates what it expands to", async () => {
    const bomb = zipSync({ "word/document.xml": new Uint8Array(3 * 1024 * 1024) }, { level: 9 });
    // Rewrite the declared sizes (local header at 22, central directory entry at 24 past its signature) to 1 KB.
    const lying = Buffer.from(bomb);
    lying.writeUInt32LE(1024, 22);
    const central = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(1024, central + 24);
    const error = await refusal(lying, { maxUncompressedBytes: 1024 * 1024 });
    expect(["too-large", "corrupt"]).toContain(error.code);
  });

  it("is told apart by bytes, not by the file name: a .docx named .txt is still read as Word", async () => {
    const report = await parseBytes(Q4_DOCX, "renamed.txt");
    expect(report.source.format).toBe("docx");
    expect(report.priorities).toHaveLength(7);
  });
});

describe(".doc (Word 97-2003)", () => {
  it("reads tables as rows and cells, not run-on text", async () => {
    const document = await readDocument(readFileSync("fixtures/doc/q2-2008-09.doc"));
    expect(document.format).toBe("doc");
    const piTable = tables(document.blocks).find((table) => cellText(table.rows[1]?.cells[0]) === "NI 136")!;
    expect(piTable.rows.map((row) => cellText(row.cells[0]))).toEqual(["PI Ref", "NI 136", "NI 139", "NI 141"]);
    expect(piTable.rows[3]!.cells.map(cellText).slice(3)).toEqual(["58.61% (Q2 2007/08)", "66%", "70.91%", "72.7%", "No concerns with data"]);
  });

  it("keeps the paragraphs of a cell as lines", async () => {
    const document = await readDocument(readFileSync("fixtures/doc/q4-2008-09.doc"));
    const cell = findCell(document.blocks, "The COPS (crime opportunities profiling of streets)")!;
    expect(cell.lines.length).toBeGreaterThanOrEqual(1);
    expect(cellText(cell)).not.toMatch(/<\/?p>/);
    expect(cellText(cell)).not.toContain("\u0007"); // Word's cell mark
  });
});

describe(".docx vertical merges", () => {
  it("lands the cells beside a vMerge'd cell in the right columns", async () => {
    const { Document, Packer, Paragraph, Table, TableCell, TableRow, VerticalMergeType, ShadingType } = await import("docx");
    const cell = (text: string, extra = {}) => new TableCell({ children: [new Paragraph(text)], ...extra });
    const table = new Table({
      rows: [
        new TableRow({ children: ["PI Ref", "Definition", "2008/09 Target", "Year to Date Performance", "RAG Rating"].map((text) => cell(text)) }),
        new TableRow({ children: [cell("NI 187", { verticalMerge: VerticalMergeType.RESTART }), cell("SAP < 35"), cell("3%"), cell("3.35%"), cell("", { shading: { type: ShadingType.CLEAR, color: "auto", fill: "FF0000" } })] }),
        new TableRow({ children: [cell("", { verticalMerge: VerticalMergeType.CONTINUE }), cell("SAP > 65"), cell("35.05%"), cell("35.75%"), cell("Green", { shading: { type: ShadingType.CLEAR, color: "auto", fill: "00B050" } })] }),
      ],
    });
    const heading = new Paragraph("Thriving Places 2008/09 Quarter 2 Performance Update Reference TP-1d");
    const bytes = await Packer.toBuffer(new Document({ sections: [{ children: [heading, table] }] }));
    const report = await parseBytes(new Uint8Array(bytes), "merged.docx");
    const indicators = report.priorities[0]!.indicators;
    expect(indicators.map((pi) => [pi.ref, pi.definition, pi.result.value, pi.rag, pi.ragFill])).toEqual([
      ["NI 187", "SAP < 35", 3.35, "Red", "FF0000"],
      ["NI 187", "SAP > 65", 35.75, "Green", "00B050"],
    ]);
  });
});
