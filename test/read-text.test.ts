import { isUtf8 } from "node:buffer";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cellText, type TableBlock } from "../src/model/blocks.js";
import { readText } from "../src/read/text.js";
import fc from "fast-check";
import { InputError } from "../src/errors.js";
import { decodeLines, decodeText } from "../src/read/decode.js";
import { cleanSpaces } from "../src/read/markup.js";

const encode = (text: string) => new TextEncoder().encode(text);
const tables = (text: string) => readText(encode(text)).blocks.filter((block): block is TableBlock => block.kind === "table");

describe("text reader", () => {
  it("reads tab-separated lines as table rows, a blank line ending the table", () => {
    const blocks = readText(encode("A\tB\nC\tD\n\nE\tF\n")).blocks;
    expect(blocks.map((block) => block.kind)).toEqual(["table", "table"]);
    const [first] = blocks as TableBlock[];
    expect(first!.rows.map((row) => row.cells.map(cellText))).toEqual([["A", "B"], ["C", "D"]]);
    expect(first!.rows[1]!.location).toEqual({ line: 2 });
  });

  it("reads a line without tabs as a paragraph with its line number", () => {
    const blocks = readText(encode("\n\nOverall assessment of progress\n")).blocks;
    expect(blocks).toEqual([{ kind: "paragraph", text: "Overall assessment of progress", location: { line: 3 } }]);
  });

  it("skips markdown separator lines without ending the table", () => {
    const [table] = tables("Heading\tReference\tHM-2a\n--\t------------------\t--------------\nX\tY\n");
    expect(table!.rows).toHaveLength(2);
    expect(table!.rows[1]!.location.line).toBe(3);
  });

  it("drops trailing tabs but keeps empty columns inside a row (merged cells expanded)", () => {
    const [table] = tables("Improvement Priority\tLead Officer\tOrganisation\t\t\t\t\tOverall Progress Rating\tDirection of Travel\nIdea\tMe\t\t\t\n");
    expect(table!.rows[0]!.cells).toHaveLength(9);
    expect(table!.rows[1]!.cells.map(cellText)).toEqual(["Idea", "Me"]);
  });

  it("reads CRLF line ends and a UTF-8 byte order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode("A\tB\r\nC\tD\r\n")]);
    const [table] = readText(bytes).blocks as TableBlock[];
    expect(table!.rows.map((row) => row.cells.map(cellText))).toEqual([["A", "B"], ["C", "D"]]);
  });

  it("decodes files that are not valid UTF-8 as Windows-1252", () => {
    // "£47,000,000 – the arrow ‘é’" in Windows-1252: £ = A3, en dash = 96, quotes = 91/92, é = E9.
    const bytes = new Uint8Array([0xa3, ...encode("47"), 0x20, 0x96, 0x20, 0x91, 0xe9, 0x92]);
    expect(decodeText(bytes)).toEqual({ text: "£47 – ‘é’", encoding: "windows-1252" });
  });

  it("decodes UTF-16 with a byte order mark", () => {
    const utf16 = Buffer.from("\ufeffA\tB", "utf16le");
    expect(decodeText(utf16).text).toBe("A\tB");
  });

  it("turns <p> residue into separate lines and removes the tags", () => {
    const [table] = tables("<p>First paragraph.</p> <p>Second &amp; last.</p>\tplain\n");
    expect(table!.rows[0]!.cells[0]!.lines).toEqual([{ text: "First paragraph." }, { text: "Second & last." }]);
    expect(cellText(table!.rows[0]!.cells[0])).toBe("First paragraph.\nSecond & last.");
  });

  it("removes an unclosed <ul> wrapper and keeps list items as list lines", () => {
    const [table] = tables('x\t<ul style="list-style-type: none"> Implement improved tensions tracking systems Monitor and evaluate responses \n');
    expect(cellText(table!.rows[0]!.cells[1])).toBe("Implement improved tensions tracking systems Monitor and evaluate responses");
    const [list] = tables("x\t<ul><li>One</li><li>Two</li></ul>\n");
    expect(list!.rows[0]!.cells[1]!.lines).toEqual([
      { text: "One", list: "bullet" },
      { text: "Two", list: "bullet" },
    ]);
  });

  it("leaves a '<' in prose alone (SAP rating of <35)", () => {
    const [table] = tables("x\tproperties with a SAP rating of <35, 606 have been improved\n");
    expect(cellText(table!.rows[0]!.cells[1])).toBe("properties with a SAP rating of <35, 606 have been improved");
  });

  it("reads both seeds without residue left in any cell", () => {
    for (const file of ["fixtures/seeds/000_ebda395ebee889b1.txt", "fixtures/seeds/001_6f959b4cb1bc6ca1.txt"]) {
      const document = readText(readFileSync(file));
      const texts = document.blocks.flatMap((block) =>
        block.kind === "paragraph" ? [block.text] : block.rows.flatMap((row) => row.cells.map(cellText)),
      );
      expect(texts.filter((text) => /<\/?(p|ul|li)\b|&nbsp;|^-{2,}$/.test(text))).toEqual([]);
    }
  });

  it("numbers lines as written, whatever their ends (\\r\\n, \\r, \\n)", () => {
    const blocks = readText(encode("Title\r\nA\tB\rC\tD\n\nE")).blocks;
    expect(blocks.map((block) => block.location)).toEqual([{ line: 1 }, { line: 2 }, { line: 5 }]);
    expect((blocks[1] as TableBlock).rows.map((row) => row.location)).toEqual([{ line: 2 }, { line: 3 }]);
  });

  it("refuses a line with more tab-separated cells than any Word table has columns, in one plain line", () => {
    const error = (() => {
      try {
        readText(encode(`Heading\n${"a\t".repeat(5000)}a\n`));
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).message).toBe("line 2 has more than 1,000 tab-separated cells, and a Word table has at most 63 columns: not a text extraction of a performance update");
  });
});

describe("decodeLines", () => {
  const pieces = fc.constantFrom("a", "\t", "\r", "\n", "\r\n", "é", "–", " ", "€");
  const text = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(""));

  it("cuts the same lines as split(/\\r\\n|\\r|\\n/) in UTF-8, with a BOM, in UTF-16 and in Windows-1252", () => {
    fc.assert(
      fc.property(text, (value) => {
        const expected = value.split(/\r\n|\r|\n/);
        expect([...decodeLines(Buffer.from(value, "utf8"))]).toEqual(expected);
        expect([...decodeLines(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(value, "utf8")]))]).toEqual(expected);
        expect([...decodeLines(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(value, "utf16le")]))]).toEqual(expected);
        // Windows-1252: é is 0xE9, – is 0x96, € is 0x80 (bytes that happen to be valid UTF-8 are read as UTF-8).
        const cp1252 = Buffer.from([...value].map((character) => ({ é: 0xe9, "–": 0x96, "€": 0x80 })[character] ?? character.charCodeAt(0)));
        if (!isUtf8(cp1252)) expect([...decodeLines(cp1252)]).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe("cleanSpaces", () => {
  it("collapses every run of white space (no-break and zero-width spaces too) and trims, skipping the work only when nothing would change", () => {
    const piece = fc.constantFrom("a", "b", " ", "  ", "\t", "\n", "\u00a0", "\u200b", "\ufeff", "\u2028", "x y");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }), (parts) => {
        const text = parts.join("");
        expect(cleanSpaces(text)).toBe(text.replace(/[\s\u00a0\u200b]+/g, " ").trim());
      }),
      { numRuns: 500 },
    );
  });
});
