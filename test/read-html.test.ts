/**
 * The HTML reader beyond the fixtures: Word's list paragraphs, loose text, rows in document order,
 * and pathological nesting read in linear time.
 */
import { describe, expect, it } from "vitest";
import { cellText, type TableBlock } from "../src/model/blocks.js";
import { markupShape, nestingDepth, readHtmlText } from "../src/read/html.js";

/** Word's "Save as Web Page" list paragraphs: the label sits between <![if !supportLists]> and <![endif]>. */
const wordItem = (label: string, text: string) =>
  `<p class=MsoListParagraph style='margin-left:36.0pt;text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>` +
  `<span style='mso-list:Ignore'>${label}<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>${text}<o:p></o:p></p>`;

describe("Word's Save as Web Page lists", () => {
  const cell = `<td style='background:#00B050'>${wordItem("·", "Implement improved tensions tracking systems")}${wordItem("·", "Monitor and evaluate responses")}` +
    `${wordItem("1.", "Agree the plan")}${wordItem("b)", "Publish it")}<p class=MsoNormal>Plain paragraph<o:p></o:p></p></td>`;
  const expected = [
    { text: "Implement improved tensions tracking systems", list: "bullet" },
    { text: "Monitor and evaluate responses", list: "bullet" },
    { text: "Agree the plan", list: "number" },
    { text: "Publish it", list: "number" },
    { text: "Plain paragraph" },
  ];

  it("become list items without their bullet or number, numbered when the label is", () => {
    const [table] = readHtmlText(`<html><body><table><tr>${cell}</tr></table></body></html>`) as TableBlock[];
    expect(table!.rows[0]!.cells[0]).toEqual({ lines: expected, fill: "00B050" });
  });

  it("read the same when the page is deep enough for the linear-time parser", () => {
    const deep = `${"<span>".repeat(1500)}x${"</span>".repeat(1500)}`;
    expect(nestingDepth(deep)).toBe(1500);
    const [table] = readHtmlText(`<html><body><table><tr>${cell}</tr></table>${deep}</body></html>`) as TableBlock[];
    expect(table!.rows[0]!.cells[0]).toEqual({ lines: expected, fill: "00B050" });
  });
});

describe("HTML structure", () => {
  it("keeps loose text on either side of a block apart", () => {
    expect(readHtmlText("<body>Before<div>Inside</div>After</body>").map((block) => (block.kind === "paragraph" ? block.text : ""))).toEqual(["Before", "Inside", "After"]);
  });

  it("reads rows in document order when sections and bare rows mix", () => {
    const [table] = readHtmlText("<table><thead><tr><th>PI Ref</th></tr></thead><tr><td>NI 141</td></tr><tfoot><tr><td>end</td></tr></tfoot></table>") as TableBlock[];
    expect(table!.rows.map((row) => cellText(row.cells[0]))).toEqual(["PI Ref", "NI 141", "end"]);
  });

  it("does not count elements whose end tag may be left out as nesting (a long table without </td></tr>)", () => {
    expect(nestingDepth(`<table>${"<tr><td>x".repeat(5000)}</table>`)).toBe(1);
  });

  // How long these take is measured by `npm run fuzz`, not asserted here.
  it("reads 40,000 levels of nesting (with the linear-time parser: parse5 would take seconds, growing with the square)", () => {
    const depth = 40_000;
    const page = `<html><body><table><tr><td>${"<div>".repeat(depth)}deep${"</div>".repeat(depth)}</td></tr></table></body></html>`;
    expect(markupShape(page).depth).toBe(depth + 3); // html, body, table
    const blocks = readHtmlText(page);
    expect(cellText((blocks[0] as TableBlock).rows[0]!.cells[0])).toBe("deep");
  });

  it("reads a cell with thousands of attributes (with the linear-time parser: parse5 compares each with all before it)", () => {
    const attributes = Array.from({ length: 5000 }, (_, index) => `data-a${index}="x"`).join(" ");
    const page = `<table><tr><td ${attributes} bgcolor="#FF0000">Red</td><td>next</td></tr></table>`;
    expect(markupShape(page).attributes).toBe(5001);
    const [table] = readHtmlText(page) as TableBlock[];
    expect(table!.rows[0]!.cells.map(cellText)).toEqual(["Red", "next"]);
    expect(table!.rows[0]!.cells[0]!.fill).toBe("FF0000");
  });

  it("fills the cells that rowspans cover in every row of a long table where every cell spans down", () => {
    const rows = Array.from({ length: 2000 }, (_, row) => (row % 2 === 0 ? `<tr><td rowspan="2">a${row}</td><td rowspan="2">b${row}</td><td>c${row}</td></tr>` : `<tr><td>c${row}</td></tr>`));
    const [table] = readHtmlText(`<table>${rows.join("")}</table>`) as TableBlock[];
    expect(table!.rows).toHaveLength(2000);
    expect(table!.rows[1]!.cells.map(cellText)).toEqual(["", "", "c1"]);
    expect(table!.rows[1998]!.cells.map(cellText)).toEqual(["a1998", "b1998", "c1998"]);
    expect(table!.rows[1999]!.cells.map(cellText)).toEqual(["", "", "c1999"]);
    expect(table!.rows.every((row) => row.cells.length === 3)).toBe(true);
  });
});
