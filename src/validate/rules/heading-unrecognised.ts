import type { Unrecognised } from "../../schema/records.js";
import { defineRule, quote, type Draft } from "../rule.js";

/** Text that names an update: "… Performance Update", or a "Reference" cell beside a reference. */
const LOOKS_LIKE_A_HEADING = /performance\s+(?:update|report)\b|\breference\b[\s|:]*[A-Z]{2,4}\s*[-–.]?\s*\d{1,2}\s*[a-z]\b/i;

export default defineRule({
  id: "heading-unrecognised",
  severity: "error",
  scope: "report",
  description: "A heading that names an update but could not be read, so the update under it is not checked",
  docs: `Each update starts with a heading that gives its theme, financial year, quarter and reference: "Harmonious Communities 2008/09 Quarter 2 Performance Update … Reference HM-1a". A row that reads like such a heading but lacks the year or the quarter is not taken as one, and the tables under it are read as part of the update before (or kept aside): the update itself goes unchecked.
Example: a heading that names an update could not be read: "Harmonious Communities 2008/09 Performance Update | Reference | HM-1a" (it needs the financial year and the quarter); the update under it is not checked
Quiet: for headings that give theme, year, quarter and reference (however split over cells or lines), and for text that mentions a performance update in passing inside an assessment or a comment.
Fix: write the heading as the template has it, with the year (2008/09) and the quarter (Quarter 2).`,
  check({ report }) {
    const drafts: Draft[] = [];
    const look = (items: Unrecognised[], priority?: Draft["priority"]) => {
      for (const item of items) {
        const line = item.text.split("\n").find((text) => LOOKS_LIKE_A_HEADING.test(text));
        if (!line) continue;
        drafts.push({
          priority,
          location: item.location,
          message: `a heading that names an update could not be read: ${quote(line, 100)} (it needs the financial year and the quarter); the update under it is not checked`,
        });
      }
    };
    look(report.unrecognised);
    for (const priority of report.priorities) look(priority.unrecognised, priority);
    return drafts;
  },
});
