/**
 * Reading, parsing and writing an update at a time (a 62 MB text file must not be held whole):
 * the pieces must make the very text the whole-document path makes, and each stage must hand
 * on its first result before it has read everything.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitJson, JsonPieces } from "../src/emit/json.js";
import { InputError } from "../src/errors.js";
import type { Block } from "../src/model/blocks.js";
import { parseReport, parseUpdates } from "../src/parse/index.js";
import { parseBytes } from "../src/pipeline.js";
import { readDocument, streamDocument } from "../src/read/index.js";
import { mayHaveTooManyCells, readText, textBlocks } from "../src/read/text.js";
import type { Report } from "../src/schema/records.js";
import { runCli } from "./helpers/cli.js";

const Q2 = "fixtures/seeds/000_ebda395ebee889b1.txt";
const Q4 = "fixtures/seeds/001_6f959b4cb1bc6ca1.txt";
const encode = (text: string) => new TextEncoder().encode(text);
const tabs = (count: number) => "x\t".repeat(count);

/** JsonPieces driven as the parse command drives it: updates of each report one by one, then its end. */
function piecewise(reports: Report[]): string {
  const pieces = new JsonPieces();
  let text = "";
  for (const report of reports) {
    const shell = { ...report, priorities: [] };
    for (const update of report.priorities) text += pieces.update(shell, update);
    text += pieces.endReport(shell);
  }
  return text + pieces.end();
}

describe("JSON written an update at a time", () => {
  const files = ["seeds", "docx", "html", "doc", "libreoffice"].flatMap((folder) => readdirSync(join("fixtures", folder)).map((name) => join("fixtures", folder, name)));

  it("is byte for byte emitJson's text, for every fixture alone and all of them together", async () => {
    const reports: Report[] = [];
    for (const file of files) {
      const report = await parseBytes(readFileSync(file), file).catch(() => null);
      if (!report || report.priorities.length === 0) continue;
      reports.push(report);
      expect(piecewise([report]), file).toBe(emitJson([report]));
    }
    expect(reports.length).toBeGreaterThanOrEqual(6);
    expect(piecewise(reports)).toBe(emitJson(reports));
  });

  it("keeps what came before the first heading, notices, and line breaks and quotes inside texts", () => {
    const report = parseReport(readText(encode(`Draft "for comment"\n\n${readFileSync(Q4, "utf8")}`)), 'a "quoted"\nname.txt');
    report.notices.push({ code: "tracked-changes", message: "two lines\nof notice", text: "\u2028 \\ \u0007" });
    expect(report.unrecognised).not.toEqual([]);
    expect(piecewise([report])).toBe(emitJson([report]));
  });

  it("writes the empty output when no report has an update", () => {
    expect(piecewise([])).toBe(emitJson([]));
    expect(piecewise([{ source: { path: "x.txt", format: "text" }, priorities: [], unrecognised: [], notices: [] }])).toBe(emitJson([]));
  });
});

describe("a text file read as it is parsed", () => {
  it("hands on each block before reading the lines after it", () => {
    const blocks = textBlocks(encode(`A\tB\nC\tD\n\nA paragraph\n${tabs(1500)}\n`));
    expect(blocks.next().value).toMatchObject({ kind: "table", rows: [{ location: { line: 1 } }, { location: { line: 2 } }] });
    expect(blocks.next().value).toEqual({ kind: "paragraph", text: "A paragraph", location: { line: 4 } });
    expect(() => blocks.next()).toThrow(InputError);
  });

  it("gives the blocks readText gives, cells located as readDocument locates them", async () => {
    const bytes = readFileSync(Q2);
    const streamed = await streamDocument(bytes);
    expect([...streamed.blocks]).toEqual((await readDocument(bytes)).blocks);
  });

  it("tells from the bytes whether a line may have too many cells to read", () => {
    expect(mayHaveTooManyCells(encode(`a\tb\n${tabs(999)}\n${tabs(999)}`))).toBe(false);
    expect(mayHaveTooManyCells(encode(`${tabs(999)}\r${tabs(999)}\r\n${tabs(999)}`))).toBe(false);
    expect(mayHaveTooManyCells(encode(`${tabs(999)}\n${tabs(1000)}\n`))).toBe(true);
    expect(mayHaveTooManyCells(encode(`\n\n${"\t".repeat(1000)}`))).toBe(true);
  });

  it("raises a too-long line's error before the first block, not after updates were handed on", async () => {
    const bytes = encode(`${readFileSync(Q2, "utf8")}\n${tabs(1500)}\n`);
    await expect(streamDocument(bytes)).rejects.toThrow(/line \d+ has more than 1,000 tab-separated cells/);
  });

  it("parses each update as soon as the next heading is read, not after the whole document", async () => {
    const { blocks } = await streamDocument(readFileSync(Q2));
    let read = 0;
    function* counted(): Generator<Block> {
      for (const block of blocks) {
        read++;
        yield block;
      }
    }
    const whole = parseReport(readText(readFileSync(Q2)), Q2);
    const total = readText(readFileSync(Q2)).blocks.length;
    const { report, updates } = parseUpdates({ format: "text", blocks: counted(), notices: [] }, Q2);
    const first = updates.next();
    expect(first.value).toEqual(whole.priorities[0]);
    expect(read).toBeLessThan(total / 5);
    expect([first.value, ...updates]).toEqual(whole.priorities);
    expect(read).toBe(total);
    expect({ ...report, priorities: whole.priorities }).toEqual(whole);
  });
});

describe("lsp-report parse written as it is read", () => {
  it("refuses a text file with a line too long to read in its one line, and writes the other inputs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lsp-stream-"));
    const seed = readFileSync(Q2, "utf8");
    writeFileSync(join(dir, "long.txt"), `${seed}\n${tabs(1500)}\n`);
    const longLine = seed.split(/\r\n|\r|\n/).length + 1;
    const run = await runCli(["parse", join(dir, "long.txt"), Q4]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`lsp-report: ${join(dir, "long.txt")}: line ${longLine} has more than 1,000 tab-separated cells, and a Word table has at most 63 columns: not a text extraction of a performance update\n`);
    expect(JSON.parse(run.stdout).reports.map((report: Report) => report.source.path)).toEqual([Q4]);
  });

  it("writes CSV with one header, rows of every input in order, and none for a kind an update lacks", async () => {
    const run = await runCli(["parse", Q2, Q4, "--format", "csv", "--records", "contributors", "--bom"]);
    expect(run.code).toBe(0);
    expect(run.stdout.match(/source,format,reference/g)).toHaveLength(1);
    expect(run.stdout.charCodeAt(0)).toBe(0xfeff);
    const sources = run.stdout.split("\n").slice(1, -1).map((line) => line.split(",")[0]);
    expect(sources.indexOf(Q4)).toBeGreaterThan(sources.lastIndexOf(Q2));
  });

  it("leaves no -o file when it cannot be written, after every input's own line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lsp-stream-"));
    writeFileSync(join(dir, "taken"), "a file where a folder should be");
    const run = await runCli(["parse", "missing.txt", Q2, "-o", join(dir, "taken", "out.json")]);
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")).toEqual(["lsp-report: missing.txt: no such file or folder", expect.stringMatching(/^lsp-report: .*taken\/out\.json: cannot write \((ENOTDIR|EEXIST)\)$/), ""]);
    expect(readdirSync(dir)).toEqual(["taken"]);
  });
});
