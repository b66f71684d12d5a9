/** Fuzz of the HTML reader: byte damage, markup edits, and the shapes that once took minutes (many attributes, rowspans everywhere, deep nesting). */
import { byteFlips, fuzz, rangeEdits, splice, truncation, type Mutation, type Random } from "./harness.js";

const text = (bytes: Buffer) => bytes.toString("utf8");

/** A random tag's position in the page (the start of a `<td`, `<tr`, `<p`, … ), or a random point. */
function tagStart(page: string, r: Random, name = "[a-z]"): number {
  const starts = [...page.matchAll(new RegExp(`<${name}`, "gi"))].map((match) => match.index);
  return starts.length > 0 ? r.pick(starts) : r.int(0, page.length);
}

const markupEdits: Mutation = {
  name: "markup edits",
  apply(bytes, r) {
    let page = text(bytes);
    for (let count = r.int(1, 6); count > 0; count--) {
      const at = tagStart(page, r);
      const edit = r.pick(["drop <", "drop >", "unclose", "duplicate", "stray end tags", "entity"] as const);
      if (edit === "drop <") page = page.slice(0, at) + page.slice(at + 1);
      else if (edit === "drop >") {
        const end = page.indexOf(">", at);
        if (end >= 0) page = page.slice(0, end) + page.slice(end + 1);
      } else if (edit === "unclose") page = page.replace(r.pick(["</td>", "</tr>", "</table>", "</p>", "</div>"]), "");
      else if (edit === "duplicate") page = page.slice(0, at) + page.slice(at, at + r.int(1, 4000)) + page.slice(at);
      else if (edit === "stray end tags") page = page.slice(0, at) + "</table></tr></td>".repeat(r.int(1, 20)) + page.slice(at);
      else page = page.slice(0, at) + r.pick(["&#xFFFFFF;", "&#0;", "&nbsp", "&", "&#x1F600;", "<![endif]>", "<!--"]) + page.slice(at);
    }
    return Buffer.from(page, "utf8");
  },
};

/** One tag given thousands of attributes (parse5 compares each with all before it). */
const manyAttributes: Mutation = {
  name: "many attributes on one tag",
  apply(bytes, r) {
    const page = text(bytes);
    const at = tagStart(page, r, "td") + 3;
    const attributes = Array.from({ length: r.int(1000, 40_000) }, (_, index) => ` a${index}="${r.int(0, 9)}"`).join("");
    return Buffer.from(page.slice(0, at) + attributes + page.slice(at), "utf8");
  },
};

/** rowspan (and colspan) on every cell, with values from sensible to absurd. */
const spansEverywhere: Mutation = {
  name: "spans on every cell",
  apply(bytes, r) {
    const value = () => r.pick(["2", "3", "64", "0", "-1", "999999999", "x", ""]);
    let page = text(bytes).replace(/<td\b/gi, () => `<td rowspan="${value()}"${r.next() < 0.3 ? ` colspan="${value()}"` : ""}`);
    // And a long table of them after.
    const rows = r.int(100, 3000);
    page += `<table>${`<tr>${'<td rowspan="3">x</td>'.repeat(r.int(1, 8))}</tr>`.repeat(rows)}</table>`;
    return Buffer.from(page, "utf8");
  },
};

const deepNesting: Mutation = {
  name: "deep nesting",
  apply(bytes, r) {
    const tag = r.pick(["div", "span", "table><tr><td", "ul><li", "b"]);
    const depth = r.int(500, 20_000);
    const open = `<${tag}>`.repeat(depth);
    return splice(bytes, r, r.next() < 0.5 ? open : `${open}x${`</${tag.split(">")[0]}>`.repeat(depth)}`);
  },
};

const hugeCell: Mutation = {
  name: "huge cell",
  apply(bytes, r) {
    const page = text(bytes);
    const at = page.indexOf(">", tagStart(page, r, "td")) + 1;
    const filler = r.pick(["Red ", "x", "<p>a</p>", "<br>", "\t", "&nbsp;"]).repeat(r.int(10_000, 500_000));
    return Buffer.from(page.slice(0, at) + filler + page.slice(at), "utf8");
  },
};

fuzz("HTML", {
  fixtures: ["fixtures/html/q2-2008-09.html", "fixtures/html/q4-2008-09.html"],
  mutations: [byteFlips, truncation, rangeEdits, markupEdits, manyAttributes, spansEverywhere, deepNesting, hugeCell],
  quickRuns: 20,
});
