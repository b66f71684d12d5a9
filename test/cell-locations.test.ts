/**
 * Every reader gives each cell its place: the row's table and row (or line, for text) and the
 * cell's 1-based grid column, counted after the spans of the cells before it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readDocument } from "../src/read/index.js";
import { toGridRows } from "../src/parse/grid.js";
import type { TableBlock } from "../src/model/blocks.js";

const encode = (text: string) => new TextEncoder().encode(text);

describe("cell locations", () => {
  it("text: line and grid column", async () => {
    const document = await readDocument(encode("Title\nPI Ref\tDefinition\tRAG Rating\nNI 187\tFuel poverty\tAmber\n"));
    const table = document.blocks.find((block): block is TableBlock => block.kind === "table")!;
    expect(table.rows[1]!.cells.map((cell) => cell.location)).toEqual([
      { line: 3, cell: 1 },
      { line: 3, cell: 2 },
      { line: 3, cell: 3 },
    ]);
  });

  it("HTML: table, row and the grid column after a colspan and under a rowspan", async () => {
    const html = `<table>
      <tr><td colspan="2">Heading</td><td rowspan="2">Amber</td><td>x</td></tr>
      <tr><td>a</td><td>b</td><td>c</td></tr>
    </table>`;
    const document = await readDocument(encode(html));
    const table = document.blocks[0] as TableBlock;
    expect(table.rows[0]!.cells.map((cell) => cell.location)).toEqual([
      { table: 1, row: 1, cell: 1 },
      { table: 1, row: 1, cell: 3 },
      { table: 1, row: 1, cell: 4 },
    ]);
    // Row 2: a, b, then the place the rowspan covers (column 3), then c in column 4.
    expect(table.rows[1]!.cells.map((cell) => [cellTextOf(cell.lines), cell.location?.cell])).toEqual([
      ["a", 1],
      ["b", 2],
      ["", 3],
      ["c", 4],
    ]);
  });

  it("grid rows repeat a spanning cell's location over the columns it covers", async () => {
    const document = await readDocument(encode(`<table><tr><td colspan="3">Wide</td><td>Narrow</td></tr></table>`));
    const [row] = toGridRows(document.blocks);
    expect(row!.cellLocations.map((location) => location.cell)).toEqual([1, 1, 1, 4]);
  });

  it("the Word renderings of a seed place the RAG cell of NI 187 in its own column", async () => {
    for (const file of ["fixtures/docx/q2-2008-09.docx", "fixtures/html/q2-2008-09.html"]) {
      const document = await readDocument(new Uint8Array(readFileSync(file)));
      const rows = toGridRows(document.blocks);
      const header = rows.find((row) => row.cells.some((cell) => cell.trim() === "RAG Rating"))!;
      const ragColumn = header.cells.findIndex((cell) => cell.trim() === "RAG Rating");
      expect(header.cellLocations[ragColumn]!.cell, file).toBe(ragColumn + 1);
      expect(header.cellLocations[ragColumn]!.table, file).toBe(header.location.table);
    }
  });
});

function cellTextOf(lines: { text: string }[]): string {
  return lines.map((line) => line.text).join("\n");
}
