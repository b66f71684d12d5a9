import { defineRule, nothingRead } from "../rule.js";

export default defineRule({
  id: "indicators-missing",
  severity: "warning",
  scope: "priority",
  description: "An update with no performance indicators (no PI table, or an empty one)",
  docs: `Every update reports on the performance indicators of its improvement priority. An update whose PI table is missing, empty, or has headers lsp-report cannot match, gives nothing to rate progress by.
Example: TP-1d has no performance indicators (no PI table was found, or it has no rows)
Quiet: for an update with at least one PI row, and for an update none of whose tables was read (tables-missing).
Fix: add the PI table, or check its header row (PI Ref, Definition, Baseline, Target…).`,
  check({ priority }) {
    if (priority.indicators.length > 0 || nothingRead(priority)) return [];
    return [{ message: `${priority.reference || "the update"} has no performance indicators (no PI table was found, or it has no rows)`, location: priority.location }];
  },
});
