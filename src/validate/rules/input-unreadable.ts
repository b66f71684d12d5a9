import { defineRule } from "../rule.js";

export default defineRule({
  id: "input-unreadable",
  severity: "error",
  scope: "file",
  description: "An input that could not be read (missing, empty, corrupt, encrypted, or not a Word, HTML or text file)",
  docs: `Raised for an input lsp-report cannot read at all: a missing file, an empty one, a truncated or corrupt .docx, a password-protected document, a PDF or spreadsheet. The reason says which. The other inputs are still checked, and the exit code is 2.
Example: lsp-report: q3.docx: password-protected Word document: remove the password and save again
Quiet: for every input that can be read, even one with no update in it (no-report-found) or one whose tables match no layout.
Fix: as the reason says.`,
});
