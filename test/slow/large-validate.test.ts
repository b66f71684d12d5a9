/**
 * `lsp-report validate` of a long text file checks each update as it is parsed and keeps only a
 * summary of it (all but its actions and contributors) for the rules that compare updates, so a
 * long file is not held whole. Here 3,000 copies of one seed update (18.8 MB) are validated by
 * the built command with the JavaScript heap capped at 80 MB: holding every update whole, and
 * then its findings, needed more than 96 MB for these copies and ran out of memory under the
 * cap; the summaries and findings fit in about 56. How much the full 62 MB file (10,000 copies)
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

interface Finding {
  rule: string;
  reference: string | null;
  location: { line?: number } | null;
  data?: Record<string, unknown>;
}
interface FindingsOutput {
  files: { path: string; findings: Finding[] }[];
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

function validate(file: string, heapMb?: number) {
  const out = join(dir, `${file}.json`);
  const run = spawnSync(process.execPath, [...(heapMb ? [`--max-old-space-size=${heapMb}`] : []), "bin/lsp-report.js", "validate", join(dir, file), "--format", "json", "-o", out], { encoding: "utf8", timeout: 280_000 });
  expect(run.signal, "the command was killed or aborted").toBeNull();
  expect(run.stderr).toBe("");
  return { status: run.status, findings: (JSON.parse(readFileSync(out, "utf8")) as FindingsOutput).files[0]!.findings };
}

describe(`validate of ${COPIES.toLocaleString("en-GB")} copies of one update, with the heap capped at ${HEAP_MB} MB`, () => {
  it("finds in every copy what it finds in one, and each copy after the first a duplicate of the first", () => {
    const one = validate("one.txt");
    const large = validate("large.txt", HEAP_MB);
    // One copy has warnings and notes only; the copies' duplicate references are errors.
    expect(one.status).toBe(0);
    expect(large.status).toBe(1);

    // Each copy starts linesPerCopy lines after the one before: a finding's line says its copy.
    const copyOf = (finding: Finding) => Math.floor(((finding.location?.line ?? 1) - 1) / linesPerCopy);
    const byCopy = Array.from({ length: COPIES }, () => [] as string[]);
    for (const finding of large.findings) byCopy[copyOf(finding)]!.push(finding.rule);
    const ownRules = one.findings.map((finding) => finding.rule);
    expect(ownRules.length).toBeGreaterThan(0);
    expect(byCopy[0]).toEqual(ownRules);
    for (let copy = 1; copy < COPIES; copy++) expect([...byCopy[copy]!].sort(), `copy ${copy + 1}`).toEqual([...ownRules, "duplicate-reference"].sort());

    const duplicates = large.findings.filter((finding) => finding.rule === "duplicate-reference");
    expect(duplicates).toHaveLength(COPIES - 1);
    expect(new Set(duplicates.map((finding) => finding.reference))).toEqual(new Set(["HW-3b"]));
  });
});
