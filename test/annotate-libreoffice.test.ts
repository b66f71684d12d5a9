/**
 * The annotated copies open in LibreOffice (headless, so any damage shows as a failed load rather
 * than a repair prompt) and convert to PDF with every finding as a comment. Slow (a LibreOffice
 * start per file); skipped when LibreOffice is not installed.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import type { ValidateOutput } from "../src/schema/findings.js";
import { runCli } from "./helpers/cli.js";

const soffice = process.env.SOFFICE_PATH ?? (process.env.PATH ?? "").split(delimiter).map((dir) => join(dir, "soffice")).find((path) => existsSync(path));
if (!soffice) console.warn("Skipping the LibreOffice check of annotated copies: no soffice on PATH (apt-get install libreoffice-writer-nogui, or set SOFFICE_PATH).");

/** The texts of a PDF's comment annotations (UTF-16 hex strings, as LibreOffice writes them). */
function pdfComments(pdf: Buffer): string[] {
  return [...pdf.toString("latin1").matchAll(/\/Contents\s*<([0-9A-Fa-f]+)>/g)].map((match) => Buffer.from(match[1]!, "hex").swap16().toString("utf16le").replace(/^\uFEFF/, ""));
}

describe.skipIf(!soffice)("annotated copies in LibreOffice", () => {
  const run = promisify(execFile);
  const dir = mkdtempSync(join(tmpdir(), "lsp-annotate-lo-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(["q2-2008-09.docx", "q4-2008-09.docx"])("opens %s and converts it to PDF with a comment per finding", async (name) => {
    const validated = await runCli(["validate", `fixtures/docx/${name}`, "--format", "json", "--annotate", join(dir, "checked")]);
    const findings = (JSON.parse(validated.stdout) as ValidateOutput).files[0]!.findings;
    await run(soffice!, [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--norestore", "--convert-to", 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}', "--outdir", join(dir, "pdf"), join(dir, "checked", name)], { timeout: 150_000 });
    const pdf = readFileSync(join(dir, "pdf", name.replace(/\.docx$/, ".pdf")));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const comments = pdfComments(pdf);
    expect(comments).toHaveLength(findings.length);
    for (const finding of findings) expect(comments.some((comment) => comment.includes(finding.message) && comment.includes(`lsp-report rules ${finding.rule}`)), finding.message).toBe(true);
  }, 180_000);
});
