import { quarterStart } from "../../parse/timescale.js";
import { dueOf } from "../due.js";
import { defineRule, quote, type Draft } from "../rule.js";

const longDate = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

export default defineRule({
  id: "action-overdue",
  severity: "warning",
  scope: "priority",
  description: "An action due before the reported quarter began",
  docs: `An action is overdue when its due date falls before the start of the quarter being reported (a Q4 2008/09 update is for January to March 2009, so an action due by December 2008 is overdue). A done action should say so; one still open needs a new date.
Example: action "Launch the Warm Zone scheme": due 31 December 2008 ("Dec-08"), before Quarter 4 2008/09 began on 1 January 2009
A blank timescale (or "See Next Steps column") is read from the dates the next steps give their milestones, and the last of them counts.
Quiet: when the action is due in or after the reported quarter, and when no due date is certain (a blank or "Ongoing" timescale, several deadlines in one cell).
Fix: report the action as complete, or give it a new timescale.`,
  check({ priority }) {
    const drafts: Draft[] = [];
    const start = quarterStart(priority.year, priority.quarter);
    for (const action of priority.actions) {
      const { due, from } = dueOf(action, priority);
      if (!due || due >= start) continue;
      const written = from === "timescale" ? quote(action.timescale.raw, 40) : "the last milestone its next steps date";
      const what = action.actions || action.progress;
      drafts.push({
        message: `action ${what ? quote(what, 50) : ""}: due ${longDate(due)} (${written}), before Quarter ${priority.quarter} ${priority.year} began on ${longDate(start)}`.replace("action : ", "action: "),
        action,
        field: from === "timescale" ? "timescale" : "actions",
        location: action.location,
        data: { due, quarterStart: start },
      });
    }
    return drafts;
  },
});
