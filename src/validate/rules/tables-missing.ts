import { defineRule, nothingRead } from "../rule.js";

export default defineRule({
  id: "tables-missing",
  severity: "error",
  scope: "priority",
  description: "An update none of whose tables was recognised",
  docs: `An update's heading was found, but not one of its tables (Improvement Priority, PI, actions, contributors): their headers match no known layout, or the file has lost its table structure (a text export that puts each cell on its own line instead of separating cells with tabs). Nothing of the update can be checked; this one finding stands for the blank fields that would otherwise be reported one by one.
Example: none of TP-1a's tables was recognised (no Improvement Priority, PI or action table); 20 rows of text after its heading were kept aside
Quiet: as soon as one table of the update was read (then the blank fields are reported one by one).
Fix: check the header rows against the template; convert the Word file itself, not a text export of it.`,
  check({ priority }) {
    if (!nothingRead(priority)) return [];
    const kept = priority.unrecognised.length;
    const aside = kept > 0 ? `; ${kept} ${kept === 1 ? "row or paragraph" : "rows and paragraphs"} after its heading were kept aside` : "";
    return [{ message: `none of ${priority.reference}'s tables was recognised (no Improvement Priority, PI or action table)${aside}`, location: priority.location }];
  },
});
