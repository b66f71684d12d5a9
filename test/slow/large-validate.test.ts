/**
 * `lsp-report validate` of a long text file checks each update as it is parsed and keeps only a
 * summary of it (all but its actions and contributors) for the rules that compare updates, so a
 * long file is not held whole. Here 3,000 copies of one seed update (18.8 MB) are validated by
 * the built command with the JavaScript heap capped at 80 MB: holding every update whole, and
 * then its findings, needed more than 96 MB for these copies and ran out of memory under the
 * cap; the summaries and findings fit in about 56 (findings listed in the default format: JSON's
 * larger output text needs another 20-30 MB, whichever engine). How much the full 62 MB file (10,000 copies)
 * takes is measured by `npm run bench` (bench/bigtext.js), not asserted here.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const COPIES = 3000;
const HEAP_MB = 80;
const Q2 = "fixtures/seeds/000_ebda395ebee889b1.txt";

/** A finding as the default (stylish) format lists it: its line and, at the end, its rule. */
interface Listed {
  line: number;
  rule: string;
}

/** The HW-3b update of the Q2 seed: from its heading line to the next update's heading. */
function oneUpdate(): string {
  const lines = readFileSync(Q2, "utf8").split("\n");
  const start = lines.findIndex((line) => line.startsWith("Health and Wellbeing 2008/09 Quarter 2 Performance Update"));
  const end = lines.findIndex((line, index) => index > start && line.includes("Performance Update"));
  return `${lines.slice(start, end).join("\n")}\n`;
}

const dir = mkdtempSync(join(tmpdir(), "lsp-large-validate-"));
let linesPerCopy = 0;
beforeAll(() => {
  const update = oneUpdate();
  linesPerCopy = update.split("\n").length - 1;
  writeFileSync(join(dir, "one.txt"), update);
  writeFileSync(join(dir, "large.txt"), update.repeat(COPIES));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The findings as listed in the default format (its output is the smallest, so the heap holds
 * what the engine keeps rather than a large output text), and how many the summary counts.
 */
function validate(file: string, heapMb?: number) {
  const out = join(dir, `${file}.out`);
  const run = spawnSync(process.execPath, [...(heapMb ? [`--max-old-space-size=${heapMb}`] : []), "bin/lsp-report.js", "validate", join(dir, file), "-o", out], { encoding: "utf8", timeout: 280_000 });
  expect(run.signal, "the command was killed or aborted").toBeNull();
  expect(run.stderr).toBe("");
  const text = readFileSync(out, "utf8");
  const listed: Listed[] = [...text.matchAll(/^ {4}line (\d+)\b.*\s([a-z]+(?:-[a-z]+)+)$/gm)].map((match) => ({ line: Number(match[1]), rule: match[2]! }));
  const [, errors = "0", warnings = "0", infos = "0"] = /\((\d+) errors?, (\d+) warnings?, (\d+) infos?\)/.exec(text) ?? [];
  return { status: run.status, listed, counted: Number(errors) + Number(warnings) + Number(infos) };
}

describe(`validate of ${COPIES.toLocaleString("en-GB")} copies of one update, with the heap capped at ${HEAP_MB} MB`, () => {
  it("finds in every copy what it finds in one, and each copy after the first a duplicate of the first", () => {
    const one = validate("one.txt");
    const large = validate("large.txt", HEAP_MB);
    // One copy has warnings and notes only; the copies' duplicate references are errors.
    expect(one.status).toBe(0);
    expect(large.status).toBe(1);

    expect(one.listed).toHaveLength(one.counted);
    expect(large.listed).toHaveLength(large.counted);

    // Each copy starts linesPerCopy lines after the one before: a finding's line says its copy.
    const byCopy = Array.from({ length: COPIES }, () => [] as string[]);
    for (const finding of large.listed) byCopy[Math.floor((finding.line - 1) / linesPerCopy)]!.push(finding.rule);
    const ownRules = one.listed.map((finding) => finding.rule);
    expect(ownRules.length).toBeGreaterThan(0);
    expect(byCopy[0]).toEqual(ownRules);
    for (let copy = 1; copy < COPIES; copy++) expect([...byCopy[copy]!].sort(), `copy ${copy + 1}`).toEqual([...ownRules, "duplicate-reference"].sort());

    expect(large.listed.filter((finding) => finding.rule === "duplicate-reference")).toHaveLength(COPIES - 1);
  });
});
