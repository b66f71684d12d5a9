/**
 * The text reader's residue markup without htmlparser2 (src/read/residue-markup.ts): for every
 * cell it takes, the same lines as htmlparser2 and nodesToLines; everything else it leaves to
 * them. Cells are built from the markup text extractions hold and from the cases where HTML's
 * rules are least obvious (implied ends, stray end tags, quoted '>' in attributes, entities).
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markupToLines, looksLikeMarkup } from "../src/read/markup.js";
import { mayNeedMarkupParser, residueToLines } from "../src/read/residue-markup.js";
import { checkProperty } from "./helpers/fast-check.js";

const SEEDS = ["fixtures/seeds/000_ebda395ebee889b1.txt", "fixtures/seeds/001_6f959b4cb1bc6ca1.txt"];
const encode = (text: string) => new TextEncoder().encode(text);

/** Pieces of cells: the residue the text exports hold, its near misses, and plain text. */
const PIECES = [
  "<p>", "</p>", "<P>", "</P >", "<p/>", "<p class=MsoNormal>", '<p style="margin: 0">', "<ul>", "</ul>",
  '<ul style="list-style-type: none">', "<UL>", "<ol>", "</ol>", "<li>", "</li>", "<LI>", "<br>", "<br/>", "<br />",
  "</br>", "<li class='a>b'>", '<p title="x>y">', '<p ="a>b">', "<p a=b>", "<p\tx>", "<p a = 'x' b>", "<p a=\"&amp;\">",
  "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&nbsp;", "&#65;", "&#x41;", "&#128;", "&#0;", "&#55296;", "&NBSP;", "&AMP;",
  "&amp", "&Skills", "&not", "& ", "&", "&#", "&#x;",
  "<b>", "</b>", "<span>", "<div>", "</div>", "<!-- note -->", "<?xml?>", "</>", "</ p>", "</p x>", "</3>", "<", "<3", "35<", "< p>",
  "<p", "<ul style=\"", "</p", "<li a='",
  "Develop an action plan", "Q3", " ", "  ", "\u00a0", "\u200b", "x", "SAP rating of <35", "A & B", "2/3rds",
];

const cells = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 14 }).map((pieces) => pieces.join(""));
/** Cells of the pieces taken one by one: most are taken whole, so nesting and implied ends get exercised. */
const takenCells = fc.array(fc.constantFrom(...PIECES.filter((piece) => residueToLines(piece) !== undefined)), { minLength: 1, maxLength: 24 }).map((pieces) => pieces.join(""));

describe("residue markup without the HTML parser", () => {
  it("gives htmlparser2's lines for every cell it takes", async () => {
    await checkProperty(
      fc.property(cells, (cell) => {
        const lines = residueToLines(cell);
        if (lines !== undefined) expect(lines).toStrictEqual(markupToLines(cell));
      }),
      { numRuns: 5000 },
    );
    await checkProperty(
      fc.property(takenCells, (cell) => {
        const lines = residueToLines(cell);
        if (lines !== undefined) expect(lines).toStrictEqual(markupToLines(cell));
      }),
      { numRuns: 3000 },
    );
  });

  it("takes the paragraphs, lists and breaks of the text exports, and the common entities", () => {
    const taken = [
      "<p>First part.</p> <p>Second part.</p>",
      '<ul style="list-style-type: none"> Implement improved tensions tracking systems Monitor and evaluate responses',
      "<ol><li>one<li>two</ol><ul><li>three</li></ul>",
      "Line one<br>Line two<br/>Line three</br>",
      "Fish &amp; chips &lt;35 &#163;20&nbsp;each",
      "</p>stray end<p>SAP rating of <35",
    ];
    for (const cell of taken) {
      expect(residueToLines(cell), cell).toBeDefined();
      expect(residueToLines(cell)).toStrictEqual(markupToLines(cell));
    }
    expect(residueToLines("<ol><li>one<li>two</ol>")).toStrictEqual([{ text: "one", list: "number" }, { text: "two", list: "number" }]);
  });

  it("leaves other markup to the HTML parser", () => {
    for (const cell of ["<b>bold</b>", "<p>a<!-- c -->b</p>", "<p>&copy; 2008</p>", "<p>Fire &not safe</p>", "<p class='x", "<ul style=\"a", "<p>a</p x>"]) {
      expect(residueToLines(cell), cell).toBeUndefined();
    }
  });

  it("takes every cell of markup in the seeds, so reading them needs no HTML parser", () => {
    for (const seed of SEEDS) {
      const bytes = readFileSync(seed);
      const markupCells = bytes.toString("utf8").split(/[\t\n]/).filter(looksLikeMarkup);
      expect(markupCells.length).toBeGreaterThan(0);
      for (const cell of markupCells) expect(residueToLines(cell), cell).toStrictEqual(markupToLines(cell));
      expect(mayNeedMarkupParser(bytes)).toBe(false);
    }
  });

  it("says ahead, from the bytes, when a text will need the HTML parser", () => {
    expect(mayNeedMarkupParser(encode("Ref\t<p>a</p>\t<ul><li>b</ul>\tSAP <35 & 2/3rds\nLeisure &Skills\n"))).toBe(false);
    expect(mayNeedMarkupParser(encode("Ref\t<p>a <b>bold</b></p>\n"))).toBe(true);
    expect(mayNeedMarkupParser(encode("Ref\t<p>a</p><!-- note -->\n"))).toBe(true);
    expect(mayNeedMarkupParser(encode("Ref\t<p>&copy; 2008</p>\n"))).toBe(true);
    expect(mayNeedMarkupParser(encode("Ref\tFish &NBSP; chips\n"))).toBe(true);
    expect(mayNeedMarkupParser(encode("Ref\t<p>Fish &amp; chips</p>\tLeisure &Skills\n"))).toBe(true);
    expect(mayNeedMarkupParser(encode("Ref\t<p>Fish &amp; chips</p>\nLeisure &Skills\n"))).toBe(false);
  });
});
