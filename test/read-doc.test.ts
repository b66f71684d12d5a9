/**
 * The .doc reader: rows end where Word's table-terminating paragraphs say (including those whose
 * properties Word moved to the Data stream), cells keep their spans and shading, and the result
 * is the same as reading the .docx the .doc was saved from.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cellText, type Block, type TableBlock } from "../src/model/blocks.js";
import { parseBytes } from "../src/index.js";
import { readDocument } from "../src/read/index.js";
import { blocksFromMarkedText, blocksFromUnmarkedText } from "../src/read/doc.js";

const read = async (path: string) => (await readDocument(readFileSync(path))).blocks;
/** word-extractor cannot tell a bulleted paragraph from a plain one: the lines are the same, the list kind is lost. */
const withoutListKinds = (blocks: Block[]) => JSON.parse(JSON.stringify(blocks).replace(/,"list":"(?:bullet|number)"/g, "")) as Block[];

/**
 * Only .docx has anchors (places in word/document.xml); cell locations are compared once the .doc
 * reader gives them too.
 */
const withoutDocxOnly = (blocks: Block[], cellLocations: boolean) =>
  JSON.parse(JSON.stringify(blocks, (key, value) => (key === "anchor" || (!cellLocations && key === "location" && value && "cell" in value) ? undefined : value))) as Block[];
const hasCellLocations = (blocks: Block[]) => blocks.some((block) => block.kind === "table" && block.rows.some((row) => row.cells.some((cell) => cell.location)));

describe(".doc renderings read like the .docx they were saved from", () => {
  it.each(["q2-2008-09", "q4-2008-09"])("%s: the same paragraphs, tables, rows, cells, spans and fills", async (name) => {
    const doc = await read(`fixtures/doc/${name}.doc`);
    const docx = await read(`fixtures/docx/${name}.docx`);
    expect(doc).toEqual(withoutListKinds(withoutDocxOnly(docx, hasCellLocations(doc))));
  });

  it("ends rows where Word says, even beside rows of other widths (TP-1a Q4: merged headers and 9-cell rows)", async () => {
    const blocks = await read("fixtures/doc/q4-2008-09.doc");
    const [first] = blocks.filter((block): block is TableBlock => block.kind === "table");
    expect(first!.rows.map((row) => row.cells.length)).toEqual([3, 5, 9, 1, 9, 9, 9, 5, 9, 9]);
    const header = first!.rows.find((row) => cellText(row.cells[0]) === "Progress as at 31st March 2009")!;
    expect(header.cells.map((cell) => cell.colSpan ?? 1)).toEqual([2, 3, 1, 1, 2]);
  });

  it("reads a RAG cell that is only coloured as its rating, and a coloured forecast as both", async () => {
    const report = await parseBytes(readFileSync("fixtures/doc/q2-2008-09.doc"), "q2.doc");
    const [ni187] = report.priorities.find((priority) => priority.reference === "TP-1d")!.indicators;
    expect(ni187).toMatchObject({ ref: "NI 187", rag: "Amber", ragRaw: "", ragFill: "FFC000", ragFromFill: true });
    const ni141 = report.priorities.find((priority) => priority.reference === "HW-3b")!.indicators.find((pi) => pi.ref === "NI 141")!;
    expect(ni141).toMatchObject({ rag: "Green", ragFill: "00B050", forecast: { value: 72.7 } });
  });

  it("keeps Word's dashes and quotes (word-extractor would make them ASCII)", async () => {
    const text = JSON.stringify(await read("fixtures/doc/q2-2008-09.doc"));
    expect(text).toContain("To be identified – the ro");
  });
});

describe("marked text → blocks", () => {
  const CELL = "\ue007";
  const PARAGRAPH = "\ue00d";
  const IN_CELL = "\ue00e";
  const row = (index: number) => String.fromCharCode(0xe100 + index);
  const layout = (...edges: number[]) => ({ cells: edges.slice(0, -1).map((left, i) => ({ left, right: edges[i + 1]!, merged: false })) });

  it("splits paragraphs, tables, rows and cells; a paragraph break between rows ends the table", () => {
    const body = `Heading${PARAGRAPH}A${CELL}B${IN_CELL}B2${CELL}${row(0)}C${IN_CELL}C2${CELL}${CELL}${row(1)}${PARAGRAPH}Between${PARAGRAPH}D${CELL}${row(2)}After`;
    const blocks = blocksFromMarkedText(body);
    expect(blocks.map((block) => (block.kind === "paragraph" ? block.text : block.rows.map((r) => r.cells.map((cell) => cell.lines.map((line) => line.text)))))).toEqual([
      "Heading",
      [[["A"], ["B", "B2"]], [["C", "C2"], []]],
      "Between",
      [[["D"]]],
      "After",
    ]);
    expect((blocks[1] as TableBlock).rows[1]!.location).toEqual({ table: 1, row: 2 });
    expect(blocks[2]!.location).toEqual({ paragraph: 2 });
  });

  it("gives cells the grid columns between their edges, and their fills", () => {
    const layouts = [{ cells: [{ left: 0, right: 200, merged: false }, { left: 200, right: 300, merged: false, fill: "FF0000" }] }, layout(0, 100, 200, 300)];
    const [table] = blocksFromMarkedText(`Wide${CELL}Red${CELL}${row(0)}a${CELL}b${CELL}c${CELL}${row(1)}`, layouts) as TableBlock[];
    expect(table!.rows.map((r) => r.cells.map((cell) => [cellText(cell), cell.colSpan ?? 1, cell.fill ?? null]))).toEqual([
      [["Wide", 2, null], ["Red", 1, "FF0000"]],
      [["a", 1, null], ["b", 1, null], ["c", 1, null]],
    ]);
  });

  it("folds cells merged the Word 97 way (fMerged) into the cell before", () => {
    const layouts = [{ cells: [{ left: 0, right: 100, merged: false }, { left: 100, right: 200, merged: true }, { left: 200, right: 300, merged: false }] }];
    const [table] = blocksFromMarkedText(`Merged${CELL}${CELL}x${CELL}${row(0)}`, layouts) as TableBlock[];
    expect(table!.rows[0]!.cells.map((cell) => [cellText(cell), cell.colSpan ?? 1])).toEqual([["Merged", 2], ["x", 1]]);
  });

  it("treats private-use characters that are not row ends (symbol fonts) as text", () => {
    const [paragraph] = blocksFromMarkedText(`Direction ${row(3)} of travel`);
    expect(paragraph).toMatchObject({ kind: "paragraph", text: `Direction ${row(3)} of travel` });
  });

  it("falls back to guessing row ends when the text carries no row marks", () => {
    const [table] = blocksFromUnmarkedText(`A${CELL}B${CELL}${CELL}C${CELL}D${CELL}${CELL}${PARAGRAPH}`) as TableBlock[];
    expect(table!.rows.map((r) => r.cells.map(cellText))).toEqual([["A", "B"], ["C", "D"]]);
  });
});
