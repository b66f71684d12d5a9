/**
 * Inputs as ESLint and Prettier take them: quoted globs expand here, folder searches skip .git,
 * node_modules, hidden folders and Word's ~$ lock files, --ignore skips more, a file named
 * outright is always read. Every tree is made in a temporary folder; the "never read" checks
 * plant an unreadable .docx where no search may go, so reading it would be an error with exit 2.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { expandInputs } from "../src/cli/inputs.js";
import type { ValidateOutput } from "../src/schema/findings.js";
import { runCli } from "./helpers/cli.js";

const ROOT = resolve(import.meta.dirname, "..");
const Q2 = join(ROOT, "fixtures/seeds/000_ebda395ebee889b1.txt");
const Q4 = join(ROOT, "fixtures/seeds/001_6f959b4cb1bc6ca1.txt");
const Q2_DOCX = join(ROOT, "fixtures/docx/q2-2008-09.docx");

/** A temporary folder holding these files: a seed copied, or this text. */
function tree(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), "lsp-report-inputs-"));
  for (const [path, source] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    if (source.startsWith("/")) copyFileSync(source, join(folder, path));
    else writeFileSync(join(folder, path), source);
  }
  return folder;
}

const NOT_A_DOCUMENT = "this is not a Word document, and reading it is an error";

/** A project with two updates in reports/ and an unreadable one wherever a search must not look. */
function project(): string {
  return tree({
    "reports/2008-09/q2.txt": Q2,
    "reports/2008-09/q4.docx": Q2_DOCX,
    "reports/2008-09/~$q4.docx": NOT_A_DOCUMENT,
    "reports/.drafts/q3.txt": NOT_A_DOCUMENT,
    "reports/.hidden.txt": NOT_A_DOCUMENT,
    "reports/node_modules/pkg/readme.txt": NOT_A_DOCUMENT,
    "reports/notes.pdf": NOT_A_DOCUMENT,
    ".git/objects/ab/cdef.txt": NOT_A_DOCUMENT,
    ".git/COMMIT_EDITMSG.txt": NOT_A_DOCUMENT,
    "node_modules/lsp-report/fixtures/q2.txt": NOT_A_DOCUMENT,
    "old/2007-08/q4.txt": Q4,
  });
}

async function paths(inputs: string[], cwd: string, ignore?: string[]): Promise<string[]> {
  const { files, problems } = await expandInputs(inputs, cwd, { ignore });
  expect(problems).toEqual([]);
  return files.map((file) => file.display);
}

describe("folder searches", () => {
  it("find updates of every kind, and skip lock files, hidden files and folders, node_modules and other kinds", async () => {
    expect(await paths(["reports"], project())).toEqual([join("reports", "2008-09", "q2.txt"), join("reports", "2008-09", "q4.docx")]);
  });

  it("never read .git/ or node_modules/, searching the working folder itself", async () => {
    const cwd = project();
    expect(await paths(["."], cwd)).toEqual([join("old", "2007-08", "q4.txt"), join("reports", "2008-09", "q2.txt"), join("reports", "2008-09", "q4.docx")]);
    const run = await runCli(["validate", ".", "--format", "json"], { cwd });
    expect(run.stderr).toBe("");
    const output = JSON.parse(run.stdout) as ValidateOutput;
    expect(output.files.map((file) => file.path)).toEqual([join("old", "2007-08", "q4.txt"), join("reports", "2008-09", "q2.txt"), join("reports", "2008-09", "q4.docx")]);
  });

  it("skip the same below a folder outside the working folder (../reports)", async () => {
    const cwd = join(project(), "old");
    expect(await paths(["../reports"], cwd)).toEqual([join("..", "reports", "2008-09", "q2.txt"), join("..", "reports", "2008-09", "q4.docx")]);
  });

  it("search a hidden folder named outright, skipping hidden folders below it", async () => {
    const cwd = tree({ ".archive/q2.txt": Q2, ".archive/.trash/q2.txt": NOT_A_DOCUMENT });
    expect(await paths([".archive"], cwd)).toEqual([join(".archive", "q2.txt")]);
  });

  it("read a file named outright, even in node_modules or a hidden folder", async () => {
    const cwd = tree({ ".archive/q2.txt": Q2 });
    expect(await paths([".archive/q2.txt"], cwd)).toEqual([".archive/q2.txt"]);
  });

  it("say a folder holds no updates when all it holds is skipped", async () => {
    const cwd = tree({ "empty/.git/a.txt": NOT_A_DOCUMENT, "empty/~$a.docx": NOT_A_DOCUMENT });
    const { files, problems } = await expandInputs(["empty"], cwd);
    expect(files).toEqual([]);
    expect(problems).toEqual([{ display: "empty", reason: "folder holds no .txt, .docx, .doc or .html files" }]);
  });
});

describe("quoted globs", () => {
  it("expand, with the same skips as a folder search", async () => {
    const cwd = project();
    expect(await paths(["reports/**/*.docx"], cwd)).toEqual([join("reports", "2008-09", "q4.docx")]);
    expect(await paths(["**/q*.txt"], cwd)).toEqual([join("old", "2007-08", "q4.txt"), join("reports", "2008-09", "q2.txt")]);
    expect(await paths(["{old,reports}/*/q4.*"], cwd)).toEqual([join("old", "2007-08", "q4.txt"), join("reports", "2008-09", "q4.docx")]);
  });

  it("reach into a hidden folder the pattern names", async () => {
    expect(await paths(["reports/.drafts/*.txt"], project())).toEqual([join("reports", ".drafts", "q3.txt")]);
  });

  it("say so when nothing matches", async () => {
    const { files, problems } = await expandInputs(["reports/**/*.doc"], project());
    expect(files).toEqual([]);
    expect(problems).toEqual([{ display: "reports/**/*.doc", reason: "no .txt, .docx, .doc or .html file matches this pattern" }]);
  });

  it("work on the command line: validate 'reports/**/*.txt' checks what the shell would have listed", async () => {
    const run = await runCli(["validate", "reports/**/*.txt", "--format", "json"], { cwd: project() });
    expect(run.stderr).toBe("");
    expect((JSON.parse(run.stdout) as ValidateOutput).files.map((file) => file.path)).toEqual([join("reports", "2008-09", "q2.txt")]);
  });

  it("convert keeps its output out of the folder a glob searches, and mirrors the tree below it", async () => {
    const cwd = project();
    const inside = await runCli(["convert", "reports/**/*.txt", "--out-dir", "reports/out"], { cwd });
    expect(inside.code).toBe(2);
    expect(inside.stderr).toMatch(/inside the input folder reports/);
    const run = await runCli(["convert", "reports/**/*.txt", "--out-dir", "json", "--format", "json", "--jobs", "1", "--quiet"], { cwd });
    expect(run.stderr).toBe("");
    expect(existsSync(join(cwd, "json", "2008-09", "q2.txt.json"))).toBe(true);
  });

  it("take a file whose name looks like a pattern as that file when it exists", async () => {
    const cwd = tree({ "q2 [final].txt": Q2 });
    expect(await paths(["q2 [final].txt"], cwd)).toEqual(["q2 [final].txt"]);
  });
});

describe("--ignore", () => {
  it("leaves out a folder named plainly, a pattern, and a pattern at any depth", async () => {
    const cwd = project();
    expect(await paths(["."], cwd, ["old"])).toEqual([join("reports", "2008-09", "q2.txt"), join("reports", "2008-09", "q4.docx")]);
    expect(await paths(["."], cwd, ["**/*.docx"])).toEqual([join("old", "2007-08", "q4.txt"), join("reports", "2008-09", "q2.txt")]);
    expect(await paths(["reports/**/*"], cwd, ["reports/2008-09/q2.*"])).toEqual([join("reports", "2008-09", "q4.docx")]);
  });

  it("applies below a folder outside the working folder, for a pattern at any depth", async () => {
    const cwd = join(project(), "old");
    expect(await paths(["../reports"], cwd, ["**/*.docx"])).toEqual([join("..", "reports", "2008-09", "q2.txt")]);
  });

  it("applies below a folder outside the working folder, for a pattern written from the working folder", async () => {
    const cwd = join(project(), "old");
    expect(await paths(["../reports"], cwd, ["../reports/2008-09/q4.docx"])).toEqual([join("..", "reports", "2008-09", "q2.txt")]);
    expect(await paths(["../reports", "2007-08"], cwd, ["../reports/2008-09/q2.txt"])).toEqual([join("..", "reports", "2008-09", "q4.docx"), join("2007-08", "q4.txt")]);
    expect(await paths(["../reports/**/*.*"], cwd, ["../reports/*/q2.txt"])).toEqual([join("..", "reports", "2008-09", "q4.docx")]);
    // A pattern that lies outside the searched folder leaves nothing in it out.
    expect(await paths(["../reports"], cwd, ["2007-08"])).toEqual([join("..", "reports", "2008-09", "q2.txt"), join("..", "reports", "2008-09", "q4.docx")]);
  });

  it("is taken by every reading command, more than once", async () => {
    const cwd = project();
    const run = await runCli(["parse", ".", "--ignore", "old", "--ignore", "**/*.docx", "--format", "csv", "--records", "priorities"], { cwd });
    expect(run.stderr).toBe("");
    const sources = new Set(parseCsv<{ source: string }>(run.stdout, { columns: true }).map((row) => row.source));
    expect([...sources]).toEqual([join("reports", "2008-09", "q2.txt")]);
    for (const command of [["validate"], ["report"], ["convert", "--out-dir", join(cwd, "..", "out-ignore")]]) {
      const ignored = await runCli([...command, "reports", "--ignore", "reports/**"], { cwd });
      expect({ command: command[0], code: ignored.code, stderr: ignored.stderr.split("\n")[0] }).toMatchObject({ command: command[0], code: 2 });
      expect(ignored.stderr).toContain("reports: folder holds no .txt, .docx, .doc or .html files");
    }
  });
});

describe("the version", () => {
  it.each([["-v"], ["-V"], ["--version"]])("%s prints it", async (flag) => {
    const run = await runCli([flag]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
