/**
 * row-shifted: a row whose cells stand one column right of their headers, read from the
 * documents. The Q4 seed's "Private sector stock" row (TP-1a) has its Next Steps cell blank, the
 * next steps under Risk / Challenges and a 70-word paragraph under Timescale; realistic edits
 * shift an indicator row (a cell added before the PI Ref, as Word does when a cell is inserted)
 * and an action row. Quiet on rows that are merely unusual.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBytes } from "../src/index.js";
import type { Finding } from "../src/schema/findings.js";
import { validate } from "../src/validate/index.js";
import { runCli } from "./helpers/cli.js";

const Q2 = readFileSync("fixtures/seeds/000_ebda395ebee889b1.txt", "utf8");
const Q4 = readFileSync("fixtures/seeds/001_6f959b4cb1bc6ca1.txt", "utf8");

async function findingsOf(name: string, text: string): Promise<Finding[]> {
  return validate([await parseBytes(Buffer.from(text, "utf8"), name)]);
}

/** The cells of one line (1-based) of a seed. */
const cellsOf = (text: string, line: number) => text.split("\n")[line - 1]!.split("\t");

/** Insert a blank cell before cell `at` (0-based) of one line, as an officer adding a cell in Word would. */
function insertCell(text: string, line: number, at: number): string {
  const lines = text.split("\n");
  const cells = lines[line - 1]!.split("\t");
  cells.splice(at, 0, "");
  lines[line - 1] = cells.join("\t");
  return lines.join("\n");
}

const onLine = (findings: Finding[], line: number) => findings.filter((finding) => finding.location?.line === line);
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe("row-shifted on the Q4 seed as written", () => {
  it("TP-1a's Private sector stock row: Next Steps blank, the next steps under Risk / Challenges, a paragraph under Timescale", async () => {
    const cells = cellsOf(Q4, 15);
    expect(cells[0]).toMatch(/^Private sector stock/);
    expect(cells[1]).toBe("");
    const findings = await findingsOf("q4.txt", Q4);
    const shifted = findings.filter((finding) => finding.rule === "row-shifted");
    expect(shifted).toHaveLength(1);
    expect(shifted[0]).toMatchObject({
      severity: "warning",
      reference: "TP-1a",
      location: { line: 15, cell: 2, column: "Next Steps / Future Milestones for Q1 & Q2 2009/10" },
      data: { blankColumn: "Next Steps / Future Milestones for Q1 & Q2 2009/10", blankCell: 2, misfits: 1 },
    });
    const message = shifted[0]!.message;
    // What was seen, with the count taken from the document's own cell.
    expect(message).toContain(`Timescale holds ${words(cells[3]!)} words of text, not a date ("Work is being progressed`);
    expect(message).toContain(`Risk / Challenges "Work is being progressed`);
    expect(message).toContain(`Next Steps / Future Milestones… "Work in Partnership`);
    expect(shifted[0]!.place).toBe('TP-1a › action "Private sector stock - fundin…" › Next Steps / Future Milestones for Q1 & Q2 2009/10 (blank)');
    // It stands alone on its row: the timescale guessed from "June/July 2009" is not judged.
    expect(onLine(findings, 15).map((finding) => finding.rule)).toEqual(["row-shifted"]);
  });

  it("is found in the .docx and HTML renderings too, on the same cell", async () => {
    for (const file of ["fixtures/docx/q4-2008-09.docx", "fixtures/html/q4-2008-09.html"]) {
      const run = await runCli(["validate", file, "--format", "json"]);
      const findings = (JSON.parse(run.stdout) as { files: { findings: Finding[] }[] }).files[0]!.findings.filter((finding) => finding.rule === "row-shifted");
      expect(findings.map((finding) => [finding.reference, finding.location?.cell, finding.location?.column])).toEqual([["TP-1a", 2, "Next Steps / Future Milestones for Q1 & Q2 2009/10"]]);
    }
  });
});

describe("row-shifted on realistic edits", () => {
  it("NI 187 (Q2) with a cell added before its PI Ref: named by the PI Ref, the figures read one column left, the row's other findings replaced", async () => {
    const before = onLine(await findingsOf("q2.txt", Q2), 234).map((finding) => finding.rule);
    expect(before).toEqual(["rag-mismatch"]);
    const edited = insertCell(Q2, 234, 0);
    const findings = await findingsOf("q2.txt", edited);
    expect(onLine(findings, 234).map((finding) => finding.rule)).toEqual(["row-shifted"]);
    const [shifted] = onLine(findings, 234);
    expect(shifted!.location).toMatchObject({ cell: 1, column: "PI Ref" });
    expect(shifted!.message).toMatch(/^NI 187 \(its PI Ref one column right\): the row's cells look shifted one column right from PI Ref, which is blank: Definition holds a PI Ref \("NI 187"\); Baseline holds \d+ words of text/);
    // The figures as the seed has them, one column left: baseline 4.00%, target 3%, result 3.35%, rated Amber.
    const [, , , baseline, target, result, rag] = cellsOf(Q2, 234);
    expect([baseline, target, result, rag]).toEqual(["4.00% (2007/08)", "3%", "3.35%", "Amber"]);
    expect(shifted!.message).toContain(`Baseline "4.00% (2007/08)", 2008/09 Target "3%", Year to Date Performance "3.35%", RAG Rating "Amber", Data Quality blank`);
  });

  it("NI 158 (Q4, three targets) with a cell added before its PI Ref: its unit-missing finding is replaced", async () => {
    expect(onLine(await findingsOf("q4.txt", Q4), 9).map((finding) => finding.rule)).toEqual(["unit-missing"]);
    const findings = await findingsOf("q4.txt", insertCell(Q4, 9, 0));
    expect(onLine(findings, 9).map((finding) => finding.rule)).toEqual(["row-shifted"]);
    expect(onLine(findings, 9)[0]!.message).toContain(`Baseline "22.81% (March 2008)", 2008/09 Target "15.0%", 2009/10 Target "10.0%", 2010/11 Target "5.0%", 2008/09 Year end Result "18.46"`);
  });

  it("an HM-1a (Q2) action row with a cell added after its progress: key actions under Contributory Officer, the officer under Timescale", async () => {
    const [, , actions, officer, timescale] = cellsOf(Q2, 16);
    expect([officer, timescale]).toEqual(["AMs/SW", "Q2 2009/10"]);
    const findings = await findingsOf("q2.txt", insertCell(Q2, 16, 1));
    const shifted = onLine(findings, 16);
    expect(shifted.map((finding) => finding.rule)).toEqual(["row-shifted"]);
    expect(shifted[0]!.location).toMatchObject({ cell: 2, column: "Risk / Challenges" });
    expect(shifted[0]!.message).toContain(`Contributory Officer holds ${words(actions!)} words of text`);
    expect(shifted[0]!.message).toContain(`Contributory Officer "AMs/SW", Timescale "Q2 2009/10", Other Information blank`);
  });
});

describe("row-shifted stays quiet", () => {
  it("on a blank PI Ref under which the rest already fit (a second measure of one PI)", async () => {
    const lines = Q2.split("\n");
    lines[233] = lines[233]!.replace(/^NI 187\t/, "\t");
    const findings = await findingsOf("q2.txt", lines.join("\n"));
    expect(findings.filter((finding) => finding.rule === "row-shifted")).toEqual([]);
  });

  it("on a long timescale note with no blank cell before it (TP-1a's line 11: timescale-unparsed says it)", async () => {
    expect(cellsOf(Q4, 11).some((cell) => cell.startsWith("<p>Performance is reported monthly"))).toBe(true);
    expect(onLine(await findingsOf("q4.txt", Q4), 11).map((finding) => finding.rule)).toEqual(["timescale-unparsed"]);
  });

  it("on a row that does not read right one column left either (a rating typed under Baseline beside a blank Comments: the RAG cell's rating would land under the result)", async () => {
    const lines = Q2.split("\n");
    const cells = lines[233]!.split("\t");
    cells[2] = "";
    cells[3] = "Amber";
    lines[233] = cells.join("\t");
    const findings = await findingsOf("q2.txt", lines.join("\n"));
    expect(findings.filter((finding) => finding.rule === "row-shifted")).toEqual([]);
  });
});
