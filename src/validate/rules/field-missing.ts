import type { Location } from "../../schema/records.js";
import { datesInNextSteps, hasAction } from "../due.js";
import { defineRule, nothingRead, type Draft } from "../rule.js";

export default defineRule({
  id: "field-missing",
  severity: "warning",
  scope: "priority",
  description: "A required field left blank: title, lead officer, organisation, assessment, direction of travel, an action's officer or timescale",
  docs: `An update is complete when its Improvement Priority table names the priority, its lead officer and organisation (and, where the table has the column, the direction of travel), the overall assessment is written, and every action (a row with a Key Action or Next Step) has a contributory officer and a timescale.
Example: action (Key Actions "Deliver the HECA questionnaire…"): no timescale
Quiet: for a row that carries no action, only progress or a note (a partner's progress note with no Key Action, HW-3b Q2; a next step of "N/A", TP-1a Q4): nothing is to be done, so no officer or timescale is needed. A blank timescale whose next steps date their milestones ("… Q2", "by March 2010") is not missing (timescale-in-text says which dates were taken). An update none of whose tables was read is reported once by tables-missing.
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
      // Progress with no action beside it (a partner's note, a next step of "N/A") has no one to do it and nothing to be due.
      if (!hasAction(action)) continue;
      const what = action.actions || action.progress || action.risks;
      const name = what ? `action "${what.replace(/\s+/g, " ").slice(0, 50)}${what.length > 50 ? "…" : ""}"` : "an action";
      if (!action.officer.trim()) drafts.push({ message: `${name}: no contributory officer`, action, field: "officer", location: action.location, data: { field: "officer" } });
      if (action.timescale.kind === "blank" && datesInNextSteps(action, priority).length === 0) drafts.push({ message: `${name}: no timescale`, action, field: "timescale", location: action.location, data: { field: "timescale" } });
    }
    return drafts;
  },
});
