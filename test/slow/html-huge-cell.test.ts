/**
 * One HTML cell holding 434,650 tiny paragraphs (`<p>a</p>`, 3.5 MB of markup): the fuzz's
 * "huge cell" mutant 280 of seed 1128 (docs/testing.md), which peaked at 901 MB. As a DOM of
 * cheerio's nodes the page alone took ~430 MB of JavaScript heap; in the lean tree of
 * src/read/markup-tree.ts it takes ~60 MB. Here the built command reads such a page with the
 * heap capped at 128 MB, which the DOM could not fit in: it runs out of memory instead of reading.
 * How much memory it takes is not asserted here: docs/testing.md has the measured peaks.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Output } from "../../src/schema/records.js";

const PARAGRAPHS = 434_650;
const HEAP_MB = 128;
const Q2_HTML = "fixtures/html/q2-2008-09.html";
/** A contributor of the Q2 fixture, whose cell gets the paragraphs ahead of the name. */
const NAME = "Jim Hopkinson";

const dir = mkdtempSync(join(tmpdir(), "lsp-huge-cell-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture with the paragraphs put at the start of the cell that holds NAME (bytes kept as they are: latin1 in, latin1 out). */
function pageWithHugeCell(): string {
  const page = readFileSync(Q2_HTML, "latin1");
  const name = page.indexOf(NAME);
  expect(name).toBeGreaterThan(0);
  expect(page.indexOf(NAME, name + 1), `${NAME} appears once`).toBe(-1);
  const cellStart = page.indexOf(">", page.lastIndexOf("<td", name)) + 1;
  return page.slice(0, cellStart) + "<p>a</p>".repeat(PARAGRAPHS) + page.slice(cellStart);
}

describe(`an HTML cell of ${PARAGRAPHS.toLocaleString("en-GB")} paragraphs, read with the heap capped at ${HEAP_MB} MB`, () => {
  it("is read whole: the cell gives one line per paragraph, the rest of the page as without it", () => {
    const input = join(dir, "huge-cell.html");
    writeFileSync(input, pageWithHugeCell(), "latin1");
    const out = join(dir, "huge-cell.json");
    const run = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, "bin/lsp-report.js", "parse", input, "-o", out], { encoding: "utf8", timeout: 280_000 });
    expect(run.signal, "the command was killed or aborted").toBeNull();
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);

    const plain = spawnSync(process.execPath, ["bin/lsp-report.js", "parse", Q2_HTML], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    expect(plain.status).toBe(0);
    const withCell = (JSON.parse(readFileSync(out, "utf8")) as Output).reports[0]!.priorities;
    const without = (JSON.parse(plain.stdout) as Output).reports[0]!.priorities;
    expect(withCell.map((update) => update.reference)).toEqual(without.map((update) => update.reference));

    const names = withCell.flatMap((update) => update.contributors.map((contributor) => contributor.name));
    const grown = names.filter((name) => name.endsWith(NAME));
    expect(grown).toEqual([`${"a\n".repeat(PARAGRAPHS)}${NAME}`]);
    // Every other contributor reads as it did.
    expect(names.filter((name) => !name.endsWith(NAME))).toEqual(without.flatMap((update) => update.contributors.map((contributor) => contributor.name)).filter((name) => name !== NAME));
  });
});
