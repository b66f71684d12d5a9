/**
 * `validate --annotate DIR` on the bundled .docx renderings: every finding becomes a Word
 * comment whose range lies inside the cell the finding names (read back from the copy's own
 * XML), the copy reads back to the same findings, the input is untouched, comments already in
 * a document are kept, and DIR may not be an input folder.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import type { Finding, ValidateOutput } from "../src/schema/findings.js";
import { runCli } from "./helpers/cli.js";

const DOCX = ["fixtures/docx/q2-2008-09.docx", "fixtures/docx/q4-2008-09.docx"];
const made: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), "lsp-annotate-"));
  made.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const sha = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const parts = (path: string) => unzipSync(new Uint8Array(readFileSync(path)));
const findingsOf = (run: { stdout: string }) => (JSON.parse(run.stdout) as ValidateOutput).files.flatMap((file) => file.findings);

/** The span [start, end) of the innermost table cell around a position, or null outside tables. */
function cellAround(xml: string, position: number): [number, number] | null {
  const open: number[] = [];
  const tags = /<(\/?)w:tc(?=[\s>/])[^>]*?(\/?)>/g;
  let inner: number | undefined;
  for (let match = tags.exec(xml); match; match = tags.exec(xml)) {
    if (match.index > position && inner === undefined) inner = open[open.length - 1] ?? -1;
    if (match[1]) {
      const start = open.pop()!;
      if (start === inner) return [start, match.index];
    } else if (!match[2]) open.push(match.index);
  }
  return null;
}

/** Where the n-th <w:p> start tag (every one counted) begins. */
function paragraphAt(xml: string, anchor: number): number {
  const tags = [...xml.matchAll(/<w:p(?=[\s>/])/g)];
  return tags[anchor]!.index;
}

describe.each(DOCX)("annotating %s", (input) => {
  let dir: string;
  let copy: string;
  let findings: Finding[];
  let before: string;
  beforeAll(async () => {
    dir = scratch();
    before = sha(input);
    const run = await runCli(["validate", input, "--format", "json", "--annotate", join(dir, "checked")]);
    expect([0, 1]).toContain(run.code);
    findings = findingsOf(run);
    copy = join(dir, "checked", input.split("/").pop()!);
  });

  it("writes the copy under the same name and leaves the input as it was", () => {
    expect(existsSync(copy)).toBe(true);
    expect(sha(input)).toBe(before);
  });

  it("puts each finding's comment inside the cell it is about, errors first, by lsp-report with rule and hint", () => {
    const files = parts(copy);
    const xml = strFromU8(files["word/document.xml"]!);
    const comments = strFromU8(files["word/comments.xml"]!);
    const bodies = [...comments.matchAll(/<w:comment w:id="(\d+)" w:author="([^"]*)"[^>]*>([\s\S]*?)<\/w:comment>/g)].map((match) => ({ id: match[1], author: match[2], text: [...match[3]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("\n") }));
    expect(bodies).toHaveLength(findings.length);
    const severities = bodies.map((body) => /^(Error|Warning|Note):/.exec(body.text)?.[1]);
    expect(severities).toEqual([...severities].sort((a, b) => ["Error", "Warning", "Note"].indexOf(a!) - ["Error", "Warning", "Note"].indexOf(b!)));
    let inCells = 0;
    // Comments are written errors first, otherwise in the findings' order.
    const rank = { error: 0, warning: 1, info: 2 };
    const ordered = findings.map((finding, index) => ({ finding, index })).sort((a, b) => rank[a.finding.severity] - rank[b.finding.severity] || a.index - b.index);
    for (const [index, { finding }] of ordered.entries()) {
      const unescape = (text: string) => text.replace(/&quot;/g, '"').replace(/&gt;/g, ">").replace(/&lt;/g, "<").replace(/&amp;/g, "&");
      const body = bodies[index];
      expect(unescape(body!.text)).toContain(finding.message);
      expect(body, finding.message).toBeDefined();
      expect(body!.author).toBe("lsp-report");
      expect(body!.text).toContain(`lsp-report rules ${finding.rule}`);
      const start = xml.indexOf(`<w:commentRangeStart w:id="${body!.id}"/>`);
      const end = xml.indexOf(`<w:commentRangeEnd w:id="${body!.id}"/>`);
      const reference = xml.indexOf(`<w:commentReference w:id="${body!.id}"/>`);
      expect(start).toBeGreaterThan(0);
      expect(end).toBeGreaterThan(start);
      expect(reference).toBeGreaterThan(end);
      const anchor = finding.location?.anchor;
      if (anchor === undefined) continue; // a finding about the whole file: on the first paragraph
      if (finding.location?.table === undefined) {
        // A finding about a paragraph outside the tables (a tracked change in an assessment): in that paragraph.
        const paragraph = paragraphAt(xml, anchor);
        expect(start, `${finding.rule} at ${finding.place}`).toBeGreaterThan(paragraph);
        expect(end).toBeLessThan(xml.indexOf("</w:p>", paragraph) + 6);
        continue;
      }
      const cell = cellAround(xml, paragraphAt(xml, anchor));
      expect(cell, `${finding.rule} at ${finding.place}`).not.toBeNull();
      const [cellStart, cellEnd] = cell!;
      expect(start).toBeGreaterThan(cellStart);
      expect(reference).toBeLessThan(cellEnd);
      // The range opens in the cell's first paragraph: no other paragraph starts between them.
      expect(xml.slice(paragraphAt(xml, anchor) + 4, start)).not.toMatch(/<w:p(?=[\s>/])/);
      inCells++;
    }
    expect(inCells).toBeGreaterThan(findings.length - 2);
  });

  it("the NI 187 comment (Q2) sits in the RAG Rating cell of NI 187's row", () => {
    const mismatch = findings.find((finding) => finding.rule === "rag-mismatch");
    if (!input.includes("q2")) return expect(mismatch).toBeUndefined();
    const xml = strFromU8(parts(copy)["word/document.xml"]!);
    const cell = cellAround(xml, paragraphAt(xml, mismatch!.location!.anchor!))!;
    // The row holding that cell starts with the PI Ref, and the cell is shaded amber with no text.
    const rowStart = xml.lastIndexOf("<w:tr", cell[0]);
    expect(xml.slice(rowStart, cell[0]).replace(/<[^>]+>/g, "")).toMatch(/^NI 187/);
    expect(xml.slice(cell[0], cell[1])).toMatch(/w:fill="FFC000"/);
    expect(xml.slice(cell[0], cell[1])).toContain("<w:commentRangeStart");
  });

  it("reads back to the same findings: the comments do not disturb the reader", async () => {
    const again = findingsOf(await runCli(["validate", copy, "--format", "json"]));
    const strip = (list: Finding[]) => list.map(({ source: _source, ...rest }) => rest);
    expect(strip(again)).toEqual(strip(findings));
  });

  it("keeps the comments already in the document, ours taking ids after theirs", async () => {
    const second = join(scratch(), "again");
    const run = await runCli(["validate", copy, "--format", "json", "--annotate", second]);
    expect([0, 1]).toContain(run.code);
    const comments = strFromU8(parts(join(second, copy.split("/").pop()!))["word/comments.xml"]!);
    const ids = [...comments.matchAll(/<w:comment w:id="(\d+)"/g)].map((match) => match[1]);
    expect(ids).toHaveLength(2 * findings.length);
    expect(new Set(ids).size).toBe(ids.length);
    const files = parts(join(second, copy.split("/").pop()!));
    expect(strFromU8(files["word/_rels/document.xml.rels"]!).match(/relationships\/comments"/g)).toHaveLength(1);
    expect(strFromU8(files["[Content_Types].xml"]!).match(/PartName="\/word\/comments.xml"/g)).toHaveLength(1);
  });

  it("keeps every other part's bytes", () => {
    const original = parts(input);
    const annotated = parts(copy);
    const changed = new Set(["word/document.xml", "word/comments.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"]);
    for (const [name, data] of Object.entries(original)) {
      if (changed.has(name)) continue;
      expect(Buffer.from(annotated[name]!).equals(Buffer.from(data)), name).toBe(true);
    }
  });
});

describe("validate --annotate, the command", () => {
  it("says a text input needs a .docx, still validates it, and exits as validate does", async () => {
    const dir = scratch();
    const run = await runCli(["validate", "fixtures/seeds/000_ebda395ebee889b1.txt", "--annotate", join(dir, "out")]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("rag-mismatch");
    expect(run.stderr).toMatch(/^lsp-report: fixtures\/seeds\/000_ebda395ebee889b1\.txt: not annotated: annotation needs a \.docx \(in Word: .*LibreOffice: soffice --headless --convert-to docx/m);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("refuses --docx-reader mammoth in one line, before reading or writing anything: its reading has no cell anchors", async () => {
    const dir = scratch();
    const run = await runCli(["validate", DOCX[0]!, "--docx-reader", "mammoth", "--annotate", join(dir, "out")]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      "lsp-report: --annotate needs the native .docx reader, which records where each cell is in the document; --docx-reader mammoth does not, so its comments could not be placed: leave out --docx-reader mammoth to annotate\n",
    );
    expect(existsSync(join(dir, "out"))).toBe(false);
    // Named explicitly, the native reader annotates as the default does.
    const native = await runCli(["validate", DOCX[0]!, "--docx-reader", "native", "--annotate", join(dir, "out")]);
    expect(native.code).toBe(1);
    expect(existsSync(join(dir, "out", "q2-2008-09.docx"))).toBe(true);
  });

  it("refuses a folder inside an input folder, before writing anything", async () => {
    const dir = scratch();
    cpSync("fixtures/docx", join(dir, "in"), { recursive: true });
    const run = await runCli(["validate", "in", "--annotate", "in/checked"], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("lsp-report: --annotate in/checked is inside the input folder in: write the output outside the inputs\n");
    expect(existsSync(join(dir, "in", "checked"))).toBe(false);
  });
});
