/**
 * The HTML reader beyond the fixtures: Word's list paragraphs, loose text, rows in document order,
 * and pathological nesting read in linear time.
 */
import { describe, expect, it } from "vitest";
import { cellText, type TableBlock } from "../src/model/blocks.js";
import { nestingDepth, readHtmlText } from "../src/read/html.js";

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
    expect(table.rows[0].cells[0]).toEqual({ lines: expected, fill: "00B050" });
  });

  it("read the same when the page is deep enough for the linear-time parser", () => {
    const deep = `${"<span>".repeat(1500)}x${"</span>".repeat(1500)}`;
    expect(nestingDepth(deep)).toBe(1500);
    const [table] = readHtmlText(`<html><body><table><tr>${cell}</tr></table>${deep}</body></html>`) as TableBlock[];
    expect(table.rows[0].cells[0]).toEqual({ lines: expected, fill: "00B050" });
  });
});

describe("HTML structure", () => {
  it("keeps loose text on either side of a block apart", () => {
    expect(readHtmlText("<body>Before<div>Inside</div>After</body>").map((block) => (block.kind === "paragraph" ? block.text : ""))).toEqual(["Before", "Inside", "After"]);
  });

  it("reads rows in document order when sections and bare rows mix", () => {
    const [table] = readHtmlText("<table><thead><tr><th>PI Ref</th></tr></thead><tr><td>NI 141</td></tr><tfoot><tr><td>end</td></tr></tfoot></table>") as TableBlock[];
    expect(table.rows.map((row) => cellText(row.cells[0]))).toEqual(["PI Ref", "NI 141", "end"]);
  });

  it("does not count elements whose end tag may be left out as nesting (a long table without </td></tr>)", () => {
    expect(nestingDepth(`<table>${"<tr><td>x".repeat(5000)}</table>`)).toBe(1);
  });

  it("reads 40,000 levels of nesting in well under the time parse5 would take (seconds, growing with the square)", () => {
    const depth = 40_000;
    const start = performance.now();
    const blocks = readHtmlText(`<html><body><table><tr><td>${"<div>".repeat(depth)}deep${"</div>".repeat(depth)}</td></tr></table></body></html>`);
    expect(cellText((blocks[0] as TableBlock).rows[0].cells[0])).toBe("deep");
    expect(performance.now() - start).toBeLessThan(3000);
  });
});
