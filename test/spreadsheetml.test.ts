import { strFromU8, unzipSync } from "fflate";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import { columnLetters, writeWorkbook, type SheetSpec } from "../src/emit/spreadsheetml.js";

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

const awkward: SheetSpec = {
  name: "it's <odd> & new",
  widths: [12, 10, 10],
  rows: [
    [{ value: "text" }, { value: "number" }, { value: "flag" }],
    [{ value: 'a & b <c> "d"' }, { value: 0 }, { value: true }],
    [{ value: "  padded  " }, { value: -1.5 }, { value: false }],
    [{ value: "two\nlines" }, { value: 1e-7 }, { value: null }],
    [{ value: "=1+1" }, { value: 12_345_678_901 }, { value: null, style: { fill: "FF0000" } }],
    [{ value: "" }, { value: Number.NaN }, { value: "x" }],
  ],
};

describe("the SpreadsheetML writer", () => {
  it("names columns as Excel does", () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703, 16_384].map(columnLetters)).toEqual(["A", "B", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
  });

  it("keeps text that XML escapes or trims, numbers, booleans and empty cells as they were", async () => {
    const sheet = (await readBack(writeWorkbook([awkward], "lsp-report"))).getWorksheet(awkward.name)!;
    const values = [2, 3, 4, 5, 6].map((row) => [1, 2, 3].map((column) => sheet.getRow(row).getCell(column).value));
    expect(values).toEqual([
      ['a & b <c> "d"', 0, true],
      ["  padded  ", -1.5, false],
      ["two\nlines", 1e-7, null],
      ["=1+1", 12_345_678_901, null],
      // Excel has no NaN: it becomes the text JavaScript gives it, never a broken number cell.
      ["", "NaN", "x"],
    ]);
    expect(sheet.getRow(5).getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect((sheet.getRow(5).getCell(3).fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFF0000");
  });

  it("quotes a sheet name with an apostrophe in its filter's name", async () => {
    const bytes = writeWorkbook([awkward], "lsp-report");
    const xml = strFromU8(unzipSync(bytes)["xl/workbook.xml"]!);
    expect(xml).toContain(`<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'it''s &lt;odd&gt; &amp; new'!$A$1:$C$6</definedName>`);
    const workbook = await readBack(bytes);
    expect(workbook.getWorksheet(awkward.name)!.autoFilter).toBe("A1:C6");
    expect(workbook.creator).toBe("lsp-report");
  });

  it("keeps leading and trailing spaces, which Excel drops from text not marked to preserve them", () => {
    const strings = strFromU8(unzipSync(writeWorkbook([awkward], "lsp-report"))["xl/sharedStrings.xml"]!);
    expect(strings).toContain('<si><t xml:space="preserve">  padded  </t></si>');
    expect(strings).toContain("<si><t>two\nlines</t></si>");
  });

  describe("reproducible", () => {
    afterEach(() => vi.useRealTimers());
    it("gives the same bytes for the same sheets, whenever it is written (no timestamps)", () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(new Date("2009-03-31T12:00:00Z"));
      const then = writeWorkbook([awkward], "lsp-report");
      vi.setSystemTime(new Date("2026-11-28T20:00:00Z"));
      expect(Buffer.from(writeWorkbook([awkward], "lsp-report")).equals(Buffer.from(then))).toBe(true);
    });
  });
});
