/**
 * `lsp-report validate` from the outside: the four output formats (parsed, not snapshotted),
 * colour, exit codes and the options that change them. Edited inputs are copies of the seeds in
 * temporary folders; the fixtures are never touched.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import type { CliIo } from "../src/cli/io.js";
import { formatGithub } from "../src/emit/findings/github.js";
import { ValidateOutput as ValidateOutputSchema, type Finding, type ValidateOutput } from "../src/schema/findings.js";
import { runCli, type CliRun } from "./helpers/cli.js";

const Q2 = "fixtures/seeds/000_ebda395ebee889b1.txt";
const Q4 = "fixtures/seeds/001_6f959b4cb1bc6ca1.txt";
const SEEDS = "fixtures/seeds";
const Q2_DOCX = "fixtures/docx/q2-2008-09.docx";
const Q2_UPDATES = ["HM-1a", "HM-1b", "HM-2a", "HM-2b", "HW-3b", "TP-1b", "TP-1c", "TP-1d", "TP-2b", "TP-3a"];
const Q4_UPDATES = ["TP-1a", "TP-1d", "TP-2a", "TP-3a", "HM-1a", "HM-2a", "HM-2b"];
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[\d+(;\d+)*m/;

/** main() in process with full control of the environment and of whether stdout is a terminal. */
async function runWith(args: string[], options: { cwd?: string; env?: Record<string, string>; tty?: boolean } = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: () => Promise.resolve(new Uint8Array()),
    cwd: options.cwd ?? process.cwd(),
    env: { ...options.env },
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: options.tty ?? false,
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

function json(run: CliRun): ValidateOutput {
  return JSON.parse(run.stdout) as ValidateOutput;
}

function allFindings(output: ValidateOutput): Finding[] {
  return output.files.flatMap((file) => file.findings);
}

function count(output: ValidateOutput, severity: Finding["severity"]): number {
  return allFindings(output).filter((finding) => finding.severity === severity).length;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "lsp-report-validate-cli-"));
}

/** A copy of a seed with the cells of one line (1-based) changed, written into a folder. */
function editedSeed(folder: string, name: string, seed: string, lineNumber: number, edit: (cells: string[]) => void): string {
  const lines = readFileSync(seed, "utf8").split("\n");
  const cells = lines[lineNumber - 1]!.split("\t");
  edit(cells);
  lines[lineNumber - 1] = cells.join("\t");
  const path = join(folder, name);
  writeFileSync(path, lines.join("\n"));
  return path;
}

// The NI 187 row of the Q2 seed: PI Ref, Definition, Comments, Baseline, Target, Year to Date, RAG, Data Quality.
const NI187_LINE = 234;
const RAG_CELL = 6;

let seeds: CliRun;
let seedsOutput: ValidateOutput;

beforeAll(async () => {
  seeds = await runCli(["validate", SEEDS, "--format", "json"]);
  seedsOutput = json(seeds);
});

describe("validate --format json", () => {
  it("is schemaVersion 1 with one entry per input, in the order given, and matches the published schema", () => {
    expect(seeds.code).toBe(1);
    expect(seeds.stderr).toBe("");
    expect(seedsOutput.schemaVersion).toBe("1");
    expect(seedsOutput.files.map((file) => [file.path, file.format])).toEqual([
      [Q2, "text"],
      [Q4, "text"],
    ]);
    expect(() => ValidateOutputSchema.parse(seedsOutput)).not.toThrow();
  });

  it("keeps the order of the command line", async () => {
    const output = json(await runCli(["validate", Q4, Q2, "--format", "json"]));
    expect(output.files.map((file) => file.path)).toEqual([Q4, Q2]);
  });

  it("gives every finding rule, severity, message, reference, indicator and a line for a text input", () => {
    const findings = allFindings(seedsOutput);
    expect(findings.length).toBeGreaterThan(0);
    for (const file of seedsOutput.files) {
      for (const finding of file.findings) {
        expect(finding).toEqual(
          expect.objectContaining({
            rule: expect.stringMatching(/^[a-z]+(-[a-z]+)*$/),
            severity: expect.stringMatching(/^(error|warning|info)$/),
            message: expect.any(String),
            source: file.path,
          }),
        );
        expect(finding.message.length).toBeGreaterThan(0);
        expect(finding).toHaveProperty("reference");
        expect(finding).toHaveProperty("indicator");
        expect(finding.reference).toMatch(/^[A-Z]{2}-\d[a-z]$/);
        // The line and the cell's grid column, and the column's header where the cell has one.
        expect(finding.location).toMatchObject({ line: expect.any(Number), cell: expect.any(Number) });
        expect(Object.keys(finding.location!).filter((key) => !["line", "cell", "column"].includes(key))).toEqual([]);
        expect(finding.location!.line).toBeGreaterThan(0);
        expect(finding.place?.startsWith(`${finding.reference} › `)).toBe(true);
      }
    }
  });

  it("puts a finding's update in the file it came from", () => {
    const [q2, q4] = seedsOutput.files;
    for (const finding of q2!.findings) {
      expect(Q2_UPDATES).toContain(finding.reference);
      expect(finding.quarter).toBe(2);
    }
    for (const finding of q4!.findings) {
      expect(Q4_UPDATES).toContain(finding.reference);
      expect(finding.quarter).toBe(4);
    }
  });

  it("counts in the summary exactly the findings listed", () => {
    expect(seedsOutput.summary).toEqual({
      files: 2,
      errors: count(seedsOutput, "error"),
      warnings: count(seedsOutput, "warning"),
      infos: count(seedsOutput, "info"),
    });
    expect(seedsOutput.summary.warnings).toBeGreaterThan(0);
    expect(seedsOutput.summary.infos).toBeGreaterThan(0);
  });

  it("finds exactly one error in the seeds: rag-mismatch on TP-1d NI 187, Q2 line 234, with its numbers", () => {
    const errors = allFindings(seedsOutput).filter((finding) => finding.severity === "error");
    expect(errors).toHaveLength(1);
    const [error] = errors;
    // Line 234's seventh cell, under the header "RAG Rating" on line 233 of the seed.
    expect(error).toMatchObject({ rule: "rag-mismatch", source: Q2, reference: "TP-1d", indicator: "NI 187", year: "2008/09", quarter: 2 });
    expect(error!.location).toEqual({ line: NI187_LINE, cell: RAG_CELL + 1, column: "RAG Rating" });
    expect(error!.place).toBe('TP-1d › NI 187 › RAG Rating "Amber"');
    for (const part of ["3.35%", "3%", "11.7% worse", "lower is better", "from baseline 4.00%", "tolerance 10%", "computed Red, rated Amber"]) {
      expect(error!.message).toContain(part);
    }
    expect(error!.message.startsWith("NI 187: ")).toBe(true);
  });

  it("locates findings of a .docx by table and row", async () => {
    const run = await runCli(["validate", Q2_DOCX, "--format", "json"]);
    expect(run.code).toBe(1);
    const output = json(run);
    expect(output.files).toHaveLength(1);
    expect(output.files[0]).toMatchObject({ path: Q2_DOCX, format: "docx" });
    const located = allFindings(output).filter((finding) => finding.location !== null);
    expect(located.length).toBeGreaterThan(0);
    for (const finding of located) {
      // The fixture's tracked change is in HM-1a's assessment, a paragraph outside the tables.
      if (finding.rule === "tracked-changes") {
        expect(finding.location).toMatchObject({ paragraph: expect.any(Number), anchor: expect.any(Number) });
        continue;
      }
      expect(finding.location).toMatchObject({ table: expect.any(Number), row: expect.any(Number), cell: expect.any(Number) });
      expect(finding.location).not.toHaveProperty("line");
    }
    const mismatch = allFindings(output).find((finding) => finding.rule === "rag-mismatch");
    expect(mismatch).toMatchObject({ severity: "error", reference: "TP-1d", indicator: "NI 187" });
    // The RAG cell is shaded amber with no text in the Word rendering.
    expect(mismatch!.location).toMatchObject({ table: 38, row: 2, cell: 7, column: "RAG Rating" });
    expect(mismatch!.place).toBe("TP-1d › NI 187 › RAG Rating (shaded amber)");
    expect(mismatch!.message).toContain("computed Red, rated Amber");
    expect(output.summary.errors).toBe(count(output, "error"));
    expect(output.summary.warnings).toBe(count(output, "warning"));
    expect(output.summary.infos).toBe(count(output, "info"));
  });

  it("lists an unreadable input with a null format and an input-unreadable error", async () => {
    const run = await runCli(["validate", Q2, "fixtures/bad/empty.bad", "--format", "json"]);
    expect(run.code).toBe(2);
    const output = json(run);
    const bad = output.files.find((file) => file.path === "fixtures/bad/empty.bad");
    expect(bad).toMatchObject({ format: null });
    expect(bad!.findings).toEqual([expect.objectContaining({ rule: "input-unreadable", severity: "error", reference: null, location: null })]);
    expect(output.summary.files).toBe(2);
    expect(output.summary.errors).toBe(2);
  });

  // BUG: src/cli/load.ts (loadReports) builds `order` as [...problems, ...files], so an input that
  // does not exist is listed before every readable input instead of where it was given, although
  // the comment on Loaded.order promises "in the order given".
  it("keeps the command-line order when one of the inputs is missing", async () => {
    const run = await runCli(["validate", Q2, "missing.txt", Q4, "--format", "json"]);
    expect(json(run).files.map((file) => file.path)).toEqual([Q2, "missing.txt", Q4]);
  });
});

describe("validate --format junit", () => {
  let $: ReturnType<typeof load>;
  let text: string;
  beforeAll(async () => {
    const run = await runCli(["validate", SEEDS, "--format", "junit"]);
    expect(run.code).toBe(1);
    text = run.stdout;
    $ = load(text, { xml: true });
  });

  it("is XML with one testsuite per input file", () => {
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect($("testsuites")).toHaveLength(1);
    const suites = $("testsuite");
    expect(suites.map((_, suite) => $(suite).attr("name")).get()).toEqual([Q2, Q4]);
  });

  it("has one testcase per update, named reference, year and quarter", () => {
    const names = (path: string) =>
      $(`testsuite[name="${path}"] > testcase`)
        .map((_, testcase) => $(testcase).attr("name"))
        .get();
    expect(names(Q2)).toEqual(Q2_UPDATES.map((reference) => `${reference} 2008/09 Q2`));
    expect(names(Q4)).toEqual(Q4_UPDATES.map((reference) => `${reference} 2008/09 Q4`));
    expect($(`testsuite[name="${Q2}"]`).attr("tests")).toBe("10");
    expect($(`testsuite[name="${Q4}"]`).attr("tests")).toBe("7");
    expect($("testsuites").attr("tests")).toBe("17");
    $("testcase").each((_, testcase) => {
      expect($(testcase).attr("classname")).toBe($(testcase).parent().attr("name"));
    });
  });

  it("fails the one update with an error, TP-1d Q2, with the rule id as the failure type", () => {
    expect($(`testsuite[name="${Q2}"]`).attr("failures")).toBe("1");
    expect($(`testsuite[name="${Q4}"]`).attr("failures")).toBe("0");
    expect($("testsuites").attr("failures")).toBe("1");
    expect($("testsuites").attr("errors")).toBe("0");
    const failures = $("failure");
    expect(failures).toHaveLength(1);
    const failure = failures.first();
    expect(failure.parent().attr("name")).toBe("TP-1d 2008/09 Q2");
    expect(failure.attr("type")).toBe("rag-mismatch");
    expect(failure.attr("message")).toContain("computed Red, rated Amber");
    expect(failure.text()).toContain(`line ${NI187_LINE}`);
  });

  it("puts warnings and infos in system-out, not in failures", () => {
    const warnings = allFindings(seedsOutput).filter((finding) => finding.severity !== "error");
    const out = $("system-out")
      .map((_, element) => $(element).text())
      .get()
      .join("\n");
    for (const finding of warnings) expect(out).toContain(finding.message);
    const hm2a = $(`testcase[name="HM-2a 2008/09 Q2"]`);
    expect(hm2a.find("failure")).toHaveLength(0);
    expect(hm2a.find("system-out").text()).toMatch(/^warning: line 77 cell 7: NI 7: .*\(rag-without-data\) at HM-2a › NI 7 › RAG Rating "Amber"$/m);
  });

  it("escapes & and < in messages", async () => {
    const folder = tempDir();
    const path = editedSeed(folder, "q2.txt", Q2, NI187_LINE, (cells) => void (cells[RAG_CELL] = "Amber & Green < Red"));
    const run = await runCli(["validate", "q2.txt", "--format", "junit"], { cwd: folder });
    expect(existsSync(path)).toBe(true);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("&amp; Green &lt; Red");
    expect(run.stdout).not.toContain("Amber & Green");
    const parsed = load(run.stdout, { xml: true });
    const failure = parsed(`testcase[name="TP-1d 2008/09 Q2"] > failure`);
    expect(failure).toHaveLength(1);
    expect(failure.attr("type")).toBe("rag-invalid");
    expect(failure.attr("message")).toContain('"Amber & Green < Red"');
    expect(failure.text()).toContain('"Amber & Green < Red"');
  });

  it("shows an unreadable or missing input as a testcase with an <error>, the others still reported", async () => {
    const run = await runCli(["validate", "fixtures/bad/empty.bad", "missing.txt", Q4, "--format", "junit"]);
    expect(run.code).toBe(2);
    const parsed = load(run.stdout, { xml: true });
    for (const [path, reason] of [
      ["fixtures/bad/empty.bad", "empty file"],
      ["missing.txt", "no such file"],
    ]) {
      const suite = parsed(`testsuite[name="${path}"]`);
      expect(suite).toHaveLength(1);
      expect(suite.attr("errors")).toBe("1");
      const error = suite.find("testcase > error");
      expect(error).toHaveLength(1);
      expect(error.attr("type")).toBe("input-unreadable");
      expect(error.attr("message")).toContain(reason);
    }
    expect(parsed(`testsuite[name="${Q4}"] > testcase`)).toHaveLength(7);
    expect(parsed("testsuites").attr("errors")).toBe("2");
  });
});

describe("validate --format github", () => {
  let lines: string[];
  beforeAll(async () => {
    const run = await runCli(["validate", SEEDS, "--format", "github"]);
    expect(run.code).toBe(1);
    lines = run.stdout.trimEnd().split("\n");
  });

  it("writes one workflow command per finding, error, warning or notice", () => {
    const findings = allFindings(seedsOutput);
    expect(lines).toHaveLength(findings.length);
    const command = { error: "error", warning: "warning", info: "notice" } as const;
    for (const [index, finding] of findings.entries()) {
      const title = `${finding.rule} (${finding.place})`.replace(/%/g, "%25").replace(/,/g, "%2C").replace(/:/g, "%3A");
      expect(lines[index]!.startsWith(`::${command[finding.severity]} file=${finding.source},line=${finding.location!.line},title=${title}::`)).toBe(true);
    }
    expect(lines.filter((line) => line.startsWith("::error "))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith("::warning ")).length).toBe(seedsOutput.summary.warnings);
    expect(lines.filter((line) => line.startsWith("::notice ")).length).toBe(seedsOutput.summary.infos);
  });

  it("annotates the NI 187 error with file, line and title, % escaped in the message", () => {
    const error = lines.find((line) => line.startsWith("::error "));
    expect(error).toBe(
      `::error file=${Q2},line=${NI187_LINE},title=rag-mismatch (TP-1d › NI 187 › RAG Rating "Amber")::NI 187: 3.35%25 against target 3%25 is 11.7%25 worse (lower is better, from baseline 4.00%25; tolerance 10%25): computed Red, rated Amber%0Aat TP-1d › NI 187 › RAG Rating "Amber", line 234 cell 7`,
    );
  });

  it("escapes %, : and , in the file property", async () => {
    const folder = tempDir();
    writeFileSync(join(folder, "q2, final: 100%.txt"), readFileSync(Q2));
    const run = await runCli(["validate", "q2, final: 100%.txt", "--format", "github"], { cwd: folder });
    expect(run.code).toBe(1);
    const error = run.stdout.split("\n").find((line) => line.startsWith("::error "));
    expect(error).toContain('::error file=q2%2C final%3A 100%25.txt,line=234,title=rag-mismatch (TP-1d › NI 187 › RAG Rating "Amber")::NI 187: 3.35%25');
  });

  it("escapes newlines and carriage returns in data and properties, and : , in the title", () => {
    const finding: Finding = {
      rule: "field-missing",
      severity: "warning",
      message: "first line\nsecond: 50%, done\r",
      source: "a:b,c.txt",
      reference: "TP-1d",
      indicator: null,
      measure: null,
      year: "2008/09",
      quarter: 2,
      location: { line: 7 },
    };
    const output: ValidateOutput = { schemaVersion: "1", files: [{ path: "a:b,c\n.txt", format: "text", findings: [finding] }], summary: { files: 1, errors: 0, warnings: 1, infos: 0 } };
    expect(formatGithub(output)).toBe("::warning file=a%3Ab%2Cc%0A.txt,line=7,title=field-missing (TP-1d)::first line%0Asecond: 50%25, done%0D%0Aat line 7\n");
    const placed = { ...output, files: [{ ...output.files[0]!, findings: [{ ...finding, place: "TP-1d › Improvement Priority › Lead Officer (blank)" }] }] };
    expect(formatGithub(placed)).toContain("title=field-missing (TP-1d › Improvement Priority › Lead Officer (blank))::first line%0Asecond: 50%25, done%0D%0Aat TP-1d › Improvement Priority › Lead Officer (blank), line 7\n");
  });

  it("leaves out line= for a .docx input, and names the update, indicator and column in the title and message instead", async () => {
    const run = await runCli(["validate", Q2_DOCX, "--format", "github"]);
    const error = run.stdout.split("\n").find((line) => line.startsWith("::error "));
    expect(error).toMatch(/^::error file=fixtures\/docx\/q2-2008-09\.docx,title=rag-mismatch \(TP-1d › NI 187 › RAG Rating \(shaded amber\)\)::NI 187: /);
    expect(error).toMatch(/%0Aat TP-1d › NI 187 › RAG Rating \(shaded amber\), table 38 row 2 cell 7$/);
  });
});

describe("validate --format stylish", () => {
  let run: CliRun;
  let lines: string[];
  beforeAll(async () => {
    run = await runCli(["validate", SEEDS]);
    lines = run.stdout.split("\n");
  });

  it("is the default format, grouped by file and then by update", () => {
    expect(run.code).toBe(1);
    expect(lines[0]).toBe(Q2);
    expect(lines[1]).toBe("  HM-1a 2008/09 Q2");
    const q2At = lines.indexOf(Q2);
    const q4At = lines.indexOf(Q4);
    expect(q4At).toBeGreaterThan(q2At);
    expect(lines[q4At - 1]).toBe("");
    const headings = (from: number, to: number) => lines.slice(from, to).filter((line) => /^ {2}\S/.test(line)).map((line) => line.trim().split(" ")[0]);
    expect(headings(q2At, q4At)).toEqual(Q2_UPDATES);
    const q4WithFindings = Q4_UPDATES.filter((reference) => seedsOutput.files[1]!.findings.some((finding) => finding.reference === reference));
    expect(q4WithFindings).not.toContain("TP-1d"); // an update with no finding has no heading
    expect(headings(q4At, lines.length)).toEqual(q4WithFindings);
  });

  it("shows each finding as location, severity, message and rule id under its update", () => {
    const tp1d = lines.indexOf("  TP-1d 2008/09 Q2");
    expect(tp1d).toBeGreaterThan(0);
    const line = lines[tp1d + 1];
    expect(line).toMatch(/^ {4}line 234 cell 7 +error +NI 187: 3\.35% against target 3% is 11\.7% worse .*: computed Red, rated Amber {2}rag-mismatch$/);
    // Under it, aligned with the message, where the cell is in the document's own terms.
    expect(lines[tp1d + 2]!.trim()).toBe('at TP-1d › NI 187 › RAG Rating "Amber"');
    expect(lines[tp1d + 2]!.indexOf("at ")).toBe(line!.indexOf("NI 187"));
    const findingLines = lines.filter((text) => /^ {4}\S/.test(text));
    expect(findingLines).toHaveLength(allFindings(seedsOutput).length);
    for (const text of findingLines) expect(text).toMatch(/^ {4}line \d+ cell \d+ +(error|warning|info) +\S.* {2}[a-z-]+$/);
    const placeLines = lines.filter((text) => /^ {5,}at /.test(text));
    expect(placeLines).toHaveLength(findingLines.length);
  });

  it("ends with a summary line of the counts", () => {
    const { errors, warnings, infos } = seedsOutput.summary;
    expect(errors).toBe(1);
    expect(run.stdout.endsWith(`✖ ${errors + warnings} problems (1 error, ${warnings} warnings, ${infos} infos) in 2 files\n`)).toBe(true);
  });

  it("says there are no problems when there are none", async () => {
    const folder = tempDir();
    writeFileSync(join(folder, "config.json"), JSON.stringify({ rules: Object.fromEntries(["rag-mismatch", "rag-without-data", "result-not-reported", "rag-missing", "field-missing", "target-missing", "unit-mismatch"].map((id) => [id, "off"])) }));
    const quiet = await runCli(["validate", Q2, "--config", join(folder, "config.json"), "--quiet"]);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toMatch(/^✔ No problems .*in 1 file\n$/);
  });

  it("has no ANSI codes when standard output is not a terminal", async () => {
    const plain = await runWith(["validate", SEEDS]);
    expect(plain.code).toBe(1);
    expect(plain.stdout).not.toMatch(ANSI);
    expect(plain.stdout).toContain("✖");
  });

  it("colours on a terminal, but not with NO_COLOR=1 or --no-color", async () => {
    const tty = await runWith(["validate", Q2], { tty: true });
    expect(tty.stdout).toMatch(ANSI);
    expect(tty.stdout).toContain("\u001b[31m");
    expect((await runWith(["validate", Q2], { tty: true, env: { NO_COLOR: "1" } })).stdout).not.toMatch(ANSI);
    expect((await runWith(["validate", Q2, "--no-color"], { tty: true })).stdout).not.toMatch(ANSI);
  });

  it("colours with FORCE_COLOR=1 even when not a terminal, and --no-color wins over it", async () => {
    const forced = await runWith(["validate", Q2], { env: { FORCE_COLOR: "1" } });
    expect(forced.stdout).toMatch(ANSI);
    expect(forced.stdout.replace(new RegExp(ANSI, "g"), "")).toBe((await runWith(["validate", Q2])).stdout);
    expect((await runWith(["validate", Q2, "--no-color"], { env: { FORCE_COLOR: "1" } })).stdout).not.toMatch(ANSI);
    expect((await runWith(["validate", Q2], { env: { FORCE_COLOR: "0" }, tty: true })).stdout).not.toMatch(ANSI);
  });

  it("never colours the other formats", async () => {
    for (const format of ["json", "github", "junit"]) {
      const forced = await runWith(["validate", Q2, "--format", format], { env: { FORCE_COLOR: "1" }, tty: true });
      expect(forced.stdout).not.toMatch(ANSI);
    }
  });
});

describe("validate exit codes and options", () => {
  let folder: string;
  beforeAll(() => {
    folder = tempDir();
  });
  afterAll(() => undefined);

  it("exits 1 on the seeds, whose one error is the NI 187 rag-mismatch", () => {
    expect(seeds.code).toBe(1);
  });

  it("exits 0 on an input with warnings only (the Q4 seed)", async () => {
    const run = await runCli(["validate", Q4, "--format", "json"]);
    expect(run.code).toBe(0);
    const output = json(run);
    expect(output.summary.errors).toBe(0);
    expect(output.summary.warnings).toBeGreaterThan(0);
  });

  it("exits 1 with --max-warnings below the number of warnings, 0 at or above it", async () => {
    const warnings = json(await runCli(["validate", Q4, "--format", "json"])).summary.warnings;
    const zero = await runCli(["validate", Q4, "--max-warnings", "0"]);
    expect(zero.code).toBe(1);
    expect(zero.stderr).toBe(`lsp-report: ${warnings} warnings, more than --max-warnings 0\n`);
    expect((await runCli(["validate", Q4, "--max-warnings", String(warnings - 1)])).code).toBe(1);
    expect((await runCli(["validate", Q4, "--max-warnings", String(warnings)])).code).toBe(0);
    const large = await runCli(["validate", Q4, "--max-warnings", "1000"]);
    expect(large.code).toBe(0);
    expect(large.stderr).toBe("");
  });

  it("rejects a --max-warnings that is not a whole number (exit 2)", async () => {
    const run = await runCli(["validate", Q4, "--max-warnings", "many"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('lsp-report: --max-warnings takes a whole number of at least 0, not "many"\n');
    expect(run.stdout).toBe("");
  });

  it.each([
    ["missing.txt", "no such file or folder"],
    ["fixtures/bad/empty.bad", "empty file"],
    ["fixtures/bad/document.pdf.bad", "a PDF document, not a performance update"],
    ["fixtures/bad/not-word.zip.bad", "a zip archive that is not a Word document"],
  ])(
    "exits 2 when %s cannot be read, one stderr line, the other input's findings still printed",
    async (bad, reason) => {
      const run = await runCli(["validate", bad, Q2, "--format", "json"]);
      expect(run.code).toBe(2);
      const stderrLines = run.stderr.trimEnd().split("\n");
      expect(stderrLines).toHaveLength(1);
      expect(stderrLines[0]).toBe(`lsp-report: ${bad}: ${reason}`);
      const output = json(run);
      const q2 = output.files.find((file) => file.path === Q2)!;
      expect(q2.findings.find((finding) => finding.rule === "rag-mismatch")).toBeDefined();
      const badFile = output.files.find((file) => file.path === bad)!;
      expect(badFile.findings).toHaveLength(1);
      expect(badFile.findings[0]).toMatchObject({ rule: "input-unreadable", severity: "error" });
      expect(stderrLines[0]).toBe(`lsp-report: ${bad}: ${badFile.findings[0]!.message}`);
    },
  );

  it("exits 2 for an unreadable input in stylish output too, the readable one still listed", async () => {
    const run = await runCli(["validate", "missing.txt", Q4]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("lsp-report: missing.txt: no such file or folder\n");
    expect(run.stdout).toContain(Q4);
    expect(run.stdout).toContain("  TP-1a 2008/09 Q4");
    expect(run.stdout).toContain("input-unreadable");
  });

  it("gives a no-report-found error for a readable file with no update in it (exit 1)", async () => {
    writeFileSync(join(folder, "notes.txt"), "Minutes of the scrutiny board\tJuly 2008\nNothing to report.\n");
    const run = await runCli(["validate", "notes.txt", "--format", "json"], { cwd: folder });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe("lsp-report: notes.txt: no performance update found\n");
    const output = json(run);
    expect(output.files).toEqual([
      { path: "notes.txt", format: null, findings: [expect.objectContaining({ rule: "no-report-found", severity: "error", message: "no performance update found", reference: null })] },
    ]);
    expect(output.summary).toEqual({ files: 1, errors: 1, warnings: 0, infos: 0 });
  });

  it("gives no-report-found also with --jobs 2", async () => {
    writeFileSync(join(folder, "notes.txt"), "Minutes of the scrutiny board\tJuly 2008\nNothing to report.\n");
    const run = await runCli(["validate", join(folder, "notes.txt"), Q4, "--format", "json", "--jobs", "2"]);
    expect(run.code).toBe(1);
    const output = json(run);
    const notes = output.files.find((file) => file.path.endsWith("notes.txt"))!;
    expect(notes.findings.map((finding) => finding.rule)).toEqual(["no-report-found"]);
    expect(output.summary.errors).toBe(1);
  });

  it("--quiet shows errors only, yet exit codes and --max-warnings still count the warnings", async () => {
    const quiet = await runCli(["validate", SEEDS, "--quiet", "--format", "json"]);
    expect(quiet.stderr).toBe("");
    expect(quiet.code).toBe(1);
    const output = json(quiet);
    expect(allFindings(output).map((finding) => finding.rule)).toEqual(["rag-mismatch"]);
    expect(output.summary).toEqual({ files: 2, errors: 1, warnings: 0, infos: 0 });
    const stylish = await runCli(["validate", SEEDS, "-q"]);
    expect(stylish.stdout).not.toMatch(/ warning | info /);
    expect(stylish.stdout).toContain("rag-mismatch");
    expect(stylish.stdout.trimEnd().split("\n").slice(-2)).toEqual(["✖ 20 problems (1 error, 19 warnings, 14 infos) in 2 files", "(errors only: --quiet)"]);
    const q4 = await runCli(["validate", Q4, "--quiet", "--max-warnings", "0"]);
    expect(q4.code).toBe(1);
    // Nothing listed, but the summary says why the run fails.
    expect(q4.stdout).toMatch(/^✖ 11 problems \(0 errors, 11 warnings, 5 infos\) in 1 file\n\(errors only: --quiet\)\n$/);
  });

  it("-o writes the output to a file and nothing to standard output", async () => {
    const run = await runCli(["validate", SEEDS, "--format", "json", "-o", join(folder, "findings.json")]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe("");
    const written = JSON.parse(readFileSync(join(folder, "findings.json"), "utf8")) as ValidateOutput;
    expect(written).toEqual(seedsOutput);
  });

  it("-o is relative to the working folder and never coloured", async () => {
    const run = await runWith(["validate", "--output", "out.txt", join(process.cwd(), Q2)], { cwd: folder, env: { FORCE_COLOR: "1" }, tty: true });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const written = readFileSync(join(folder, "out.txt"), "utf8");
    expect(written).toContain("rag-mismatch");
    expect(written).not.toMatch(ANSI);
  });

  it("-o creates the folders it needs", async () => {
    const run = await runCli(["validate", Q2, "-o", join(folder, "new", "folder", "out.json"), "--format", "json"]);
    expect(run.code).toBe(1);
    expect(json({ ...run, stdout: readFileSync(join(folder, "new", "folder", "out.json"), "utf8") }).files[0]!.path).toBe(Q2);
  });

  it("-o where a file stands in the way is one line and exit 2", async () => {
    writeFileSync(join(folder, "plain-file"), "");
    const run = await runCli(["validate", Q2, "-o", join(folder, "plain-file", "out.json")]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^lsp-report: .*out\.json: cannot write \((ENOTDIR|EEXIST)\)\n$/);
  });

  it("--tolerance 15 makes NI 187 (11.7% worse) Amber as rated: no error, exit 0", async () => {
    const run = await runCli(["validate", SEEDS, "--tolerance", "15", "--format", "json"]);
    expect(run.code).toBe(0);
    const output = json(run);
    expect(output.summary.errors).toBe(0);
    expect(allFindings(output).filter((finding) => finding.indicator === "NI 187" && finding.rule.startsWith("rag-"))).toEqual([]);
    expect(output.summary.warnings).toBe(seedsOutput.summary.warnings);
    // the tolerance is named in the messages that judge figures
    const judged = allFindings(output).filter((finding) => finding.rule === "rag-missing" && finding.message.includes("tolerance"));
    expect(judged.length).toBeGreaterThan(0);
    for (const finding of judged) expect(finding.message).toContain("tolerance 15%");
  });

  it("--tolerance 5 keeps NI 187 Red and says so", async () => {
    const run = await runCli(["validate", Q2, "-t", "5", "--format", "json"]);
    expect(run.code).toBe(1);
    const error = allFindings(json(run)).find((finding) => finding.rule === "rag-mismatch")!;
    expect(error.message).toContain("tolerance 5%");
    expect(error.message).toContain("computed Red, rated Amber");
  });

  it.each(["abc", "-3", "101", ""])("--tolerance %j is a usage error (exit 2, nothing on stdout)", async (value) => {
    const run = await runCli(["validate", Q2, `--tolerance=${value}`]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`lsp-report: --tolerance takes a percentage of the target from 0 to 100, not "${value}"\n`);
  });

  it("rejects an unknown --format (exit 2)", async () => {
    const run = await runCli(["validate", Q2, "--format", "xml"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/xml/);
  });
});
