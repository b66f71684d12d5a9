import { defineRule, quote, type Draft } from "../rule.js";

export default defineRule({
  id: "timescale-unparsed",
  severity: "warning",
  scope: "priority",
  description: "A timescale that names no date, month, quarter or year",
  docs: `A timescale tells when an action is due, so that it can be followed up and found overdue. Dates ("09-Dec-08", "01/11/2009", UK order), months ("Mar-09", "End of March 2009"), quarters ("Q2 2009/10", "Q4") and years ("During 08/09") are understood, and so are "Ongoing" and "See next steps column"; text that names none of these is not a timescale.
Example: timescale "Performance is reported monthly to ALMOs/ BITMO…" names no date, month, quarter or year
Quiet: for a timescale that names a date, month, quarter or year, says "Ongoing", "As above" or "See Next Steps column", and for a blank one (field-missing, or timescale-in-text when the next steps date their milestones).
Fix: give the date or quarter the action is due by; put the rest in Other Information.`,
  check({ priority }) {
    const drafts: Draft[] = [];
    for (const action of priority.actions) {
      if (action.timescale.kind !== "unparsed") continue;
      drafts.push({ message: `timescale ${quote(action.timescale.raw)} names no date, month, quarter or year`, action, field: "timescale", location: action.location });
    }
    return drafts;
  },
});
