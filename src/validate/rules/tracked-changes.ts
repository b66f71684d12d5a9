import type { Notice } from "../../schema/records.js";
import { updateAt } from "../locate.js";
import { defineRule, quote, type Draft, type UpdateSummary } from "../rule.js";

const VERB = { insertion: "inserted", deletion: "deleted" } as const;

/** `inserted "Amber"`: a change with its text. */
function changeWords(notice: Notice): string {
  const verb = notice.change ? VERB[notice.change] : "changed";
  return notice.text?.trim() ? `${verb} ${quote(notice.text, 40)}` : verb;
}

export default defineRule({
  id: "tracked-changes",
  severity: "warning",
  scope: "report",
  description: "A Word document that still has unaccepted tracked changes",
  docs: `lsp-report reads a document as if every tracked change were accepted, but other readers may see the deletions and insertions, or the version before them. A submitted update should have its changes accepted or rejected.
Example: 2 unaccepted tracked changes in this update: inserted "Amber"; deleted "Red"
Quiet: for documents whose changes were all accepted or rejected, and for .doc, HTML and text files (they carry no tracked changes lsp-report can see).
Fix: in Word, Review › Accept (or Reject) all changes, and save.`,
  check({ report }) {
    const notices = report.notices.filter((notice) => notice.code === "tracked-changes");
    // A reader that places each change says which update it is in; one that cannot gives one notice for the file.
    const placed = notices.filter((notice) => notice.change && notice.location);
    if (placed.length === 0) return notices.map((notice) => ({ message: notice.message, location: notice.location ?? null }));
    const byUpdate = new Map<UpdateSummary | undefined, Notice[]>();
    for (const notice of placed) {
      const update = updateAt(report.priorities, notice.location);
      byUpdate.set(update, [...(byUpdate.get(update) ?? []), notice]);
    }
    const drafts: Draft[] = [];
    for (const [update, changes] of byUpdate) {
      const first = changes[0]!; // each update's list starts with the change that made it
      const shown = changes.slice(0, 3).map(changeWords);
      const more = changes.length > 3 ? `; and ${changes.length - 3} more` : "";
      const count = changes.length === 1 ? "an unaccepted tracked change" : `${changes.length} unaccepted tracked changes`;
      drafts.push({
        priority: update,
        location: first.location,
        placeWords: changeWords(first),
        message: `${count} ${update ? "in this update" : "before the first update"}: ${shown.join("; ")}${more}; read as if accepted`,
        data: { insertions: changes.filter((notice) => notice.change === "insertion").length, deletions: changes.filter((notice) => notice.change === "deletion").length },
      });
    }
    return drafts;
  },
});
