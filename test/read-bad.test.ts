/**
 * Bad inputs (fixtures/bad, made by fixtures/generate/bad.mjs): each is refused with one clear
 * line and a reason code, or, for pathological HTML, read without overflowing the stack.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InputError } from "../src/errors.js";
import { readDocument, type ReadOptions } from "../src/read/index.js";
import { cellText, type TableBlock } from "../src/model/blocks.js";
import { runCli } from "./helpers/cli.js";

const bad = (name: string) => new Uint8Array(readFileSync(`fixtures/bad/${name}.bad`));
const ONE_MB = { maxUncompressedBytes: 1024 * 1024 };

async function refusal(bytes: Uint8Array, options: ReadOptions = {}): Promise<InputError> {
  try {
    await readDocument(bytes, options);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return error;
  }
  throw new Error("expected the input to be refused");
}

describe("fixtures/bad: one clear reason each", () => {
  it.each([
    ["empty", "empty", /^empty file$/, {}],
    ["truncated.docx", "corrupt", /^corrupt or truncated zip archive \(/, {}],
    ["not-word.zip", "unsupported", /^a zip archive that is not a Word document$/, {}],
    ["workbook.xlsx", "unsupported", /^an Excel workbook \(\.xlsx\), not a Word document$/, {}],
    ["encrypted.docx", "encrypted", /^password-protected Word document/, {}],
    ["encrypted.doc", "encrypted", /^password-protected Word document/, {}],
    ["legacy.xls", "unsupported", /^an Excel 97-2003 workbook \(\.xls\)/, {}],
    ["image.png", "unsupported", /^a PNG image, not a performance update$/, {}],
    ["document.pdf", "unsupported", /^a PDF document, not a performance update$/, {}],
    ["bomb.docx", "too-large", /^the zip declares 3 MB of contents, over the 1 MB limit on unzipped size \(raise it with --max-unzipped-mb\)$/, ONE_MB],
    ["lying-bomb.docx", "too-large", /word\/document\.xml expands past its declared size, over the 1 MB limit/, ONE_MB],
    ["hidden-bomb.docx", "too-large", /word\/document\.xml expands past its declared size, over the 1 MB limit/, ONE_MB],
  ])("%s → %s", async (name, code, message, options) => {
    const error = await refusal(bad(name), options);
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain("\n");
  });

  it("reads the zip bombs within the default 256 MB limit (the cap is what refuses them)", async () => {
    // bomb.docx is well-formed: under the default cap it is read (and holds no update).
    expect((await readDocument(bad("bomb.docx"))).format).toBe("docx");
    // lying-bomb.docx expands to more than it declares: still refused, as damaged.
    expect((await refusal(bad("lying-bomb.docx"))).code).toBe("corrupt");
  });

  it("reads pathologically nested HTML without overflowing the stack", async () => {
    const document = await readDocument(bad("deep.html"));
    expect(document.format).toBe("html");
    const [first, second] = document.blocks as TableBlock[];
    expect(cellText(first!.rows[0]!.cells[0])).toBe("deep");
    expect(cellText(second!.rows[0]!.cells[0])).toBe("x");
  });
});

describe("the command line on bad inputs", () => {
  it("prints one line per bad file, exits 2, and still reads the good files", async () => {
    const names = ["empty", "truncated.docx", "encrypted.docx", "image.png", "bomb.docx"];
    const run = await runCli(["parse", "--max-unzipped-mb", "1", ...names.map((name) => `fixtures/bad/${name}.bad`), "fixtures/docx/q4-2008-09.docx"]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(names.length);
    names.forEach((name, index) => expect(lines[index]).toMatch(new RegExp(`^lsp-report: fixtures/bad/${name.replace(".", "\\.")}\\.bad: \\S`)));
    expect(run.stderr).not.toMatch(/\bat \S+:\d+/); // no stack trace
    const output = JSON.parse(run.stdout);
    expect(output.reports).toHaveLength(1);
    expect(output.reports[0].priorities).toHaveLength(7);
  });
});
