import { datesInNextSteps } from "../due.js";
import { defineRule, quote, type Draft } from "../rule.js";

const longDate = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export default defineRule({
  id: "timescale-in-text",
  severity: "info",
  scope: "priority",
  description: "A blank timescale whose next steps date their milestones: the due dates are taken from the text",
  docs: `Many Q4 updates leave the Timescale column blank and date each milestone inside the Next Steps text instead ("Develop a directory of civic opportunities, training and support. Q2", "by March 2010"). An experienced officer reads the dates there, and so does lsp-report: the action is not reported as having no timescale, and its last milestone is the date action-overdue checks. A bare quarter is of the report's year, or of the next year when it has passed (in a Q4 update, "Q2" is Q2 of the coming year). This info says which dates were taken, so they can be checked.
Example: action "Develop a directory of civic opportunities, training and…": the timescale is blank; the next steps date their milestones: 30 September 2009
Quiet: when the timescale is written, when it says "See Next Steps column" (the dates are read there without comment), and when the next steps name no date (then field-missing asks for a timescale).
Fix: nothing; or copy the dates into the Timescale column.`,
  check({ priority }) {
    const drafts: Draft[] = [];
    for (const action of priority.actions) {
      if (action.timescale.kind !== "blank") continue;
      const dates = datesInNextSteps(action, priority);
      if (dates.length === 0) continue;
      drafts.push({
        message: `action ${quote(action.actions, 50)}: the timescale is blank; the next steps date their milestones: ${dates.map(longDate).join(", ")}`,
        action,
        field: "actions",
        location: action.location,
        data: { due: dates.at(-1) ?? null, milestones: dates.length },
      });
    }
    return drafts;
  },
});
