import type { Location } from "../../schema/records.js";
import { defineRule, nothingRead, type Draft } from "../rule.js";

export default defineRule({
  id: "field-missing",
  severity: "warning",
  scope: "priority",
  description: "A required field left blank: title, lead officer, organisation, assessment, direction of travel, an action's officer or timescale",
  docs: `An update is complete when its Improvement Priority table names the priority, its lead officer and organisation (and, where the table has the column, the direction of travel), the overall assessment is written, and every action has a contributory officer and a timescale.
Example: action (Key Actions "Deliver the HECA questionnaire…"): no timescale
Fix: fill in the field.`,
  check({ priority }) {
    if (nothingRead(priority)) return [];
    const drafts: Draft[] = [];
    const missing = (what: string, field: string, location: Location) => drafts.push({ message: `${what} is blank`, field, location, data: { field: what } });
    if (!priority.title.trim()) missing("the improvement priority (title)", "title", priority.location);
    if (!priority.leadOfficer.trim()) missing("the lead officer", "leadOfficer", priority.location);
    if (!priority.organisation.trim()) missing("the organisation", "organisation", priority.location);
    if (priority.hasDirectionColumn && !priority.directionRaw.trim()) missing("the direction of travel", "direction", priority.location);
    if (!priority.assessment.trim()) missing("the overall assessment of progress", "assessment", priority.location);
    for (const action of priority.actions) {
      const what = action.actions || action.progress || action.risks;
      const name = what ? `action "${what.replace(/\s+/g, " ").slice(0, 50)}${what.length > 50 ? "…" : ""}"` : "an action";
      if (!action.officer.trim()) drafts.push({ message: `${name}: no contributory officer`, action, field: "officer", location: action.location, data: { field: "officer" } });
      if (action.timescale.kind === "blank") drafts.push({ message: `${name}: no timescale`, action, field: "timescale", location: action.location, data: { field: "timescale" } });
    }
    return drafts;
  },
});
