import { defineRule } from "../rule.js";

export default defineRule({
  id: "no-report-found",
  severity: "error",
  scope: "file",
  description: "A readable file with no performance update in it",
  docs: `The file was read, but no update heading ("<Theme> 2008/09 Quarter 2 Performance Update … Reference HM-1a") was found in it, so there is nothing to check. It may be another kind of document, or an update whose heading was changed beyond recognition.
Example: lsp-report: notes.txt: no performance update found
Quiet: for a file with at least one update heading, however little else could be read under it; and for a file that cannot be read at all (input-unreadable).
Fix: check that the file is a quarterly update and that its heading names the theme, year, quarter and reference.`,
});
