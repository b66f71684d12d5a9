import { defineRule, nothingRead } from "../rule.js";

export default defineRule({
  id: "overall-rating-missing",
  severity: "error",
  scope: "priority",
  description: "An update with no overall progress rating",
  docs: `Every update carries an Overall Progress Rating (Red, Amber or Green) in its Improvement Priority table: it is what the scrutiny boards read first.
Example: no overall progress rating (Red, Amber or Green) in the Improvement Priority table
Quiet: when the cell holds a rating, words (rag-invalid says they are not a rating) or a colour; and for an update none of whose tables was read (tables-missing).
Fix: rate the priority's progress as a whole.`,
  check({ priority }) {
    if (priority.overallRating || priority.overallRatingRaw.trim() || nothingRead(priority)) return [];
    return [{ message: "no overall progress rating (Red, Amber or Green) in the Improvement Priority table", field: "overallRating", location: priority.location }];
  },
});
