import { defineRule } from "../rule.js";

export default defineRule({
  id: "tracked-changes",
  severity: "warning",
  scope: "report",
  description: "A Word document that still has unaccepted tracked changes",
  docs: `lsp-report reads a document as if every tracked change were accepted, but other readers may see the deletions and insertions, or the version before them. A submitted update should have its changes accepted or rejected.
Example: the document still has unaccepted tracked changes (1 insertions, 1 deletions)
Fix: in Word, Review › Accept (or Reject) all changes, and save.`,
  check({ report }) {
    return report.notices.filter((notice) => notice.code === "tracked-changes").map((notice) => ({ message: notice.message, location: notice.location ?? null }));
  },
});
