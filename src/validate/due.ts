/**
 * When an action is due. The Timescale cell says so; when it is blank (or says "See Next Steps
 * column"), the next steps themselves often date their milestones ("… Q2", "by March 2010"): an
 * experienced officer reads the dates there (HM-2a Q4). A row with progress but no action (a
 * partner's note, a next step of "N/A") is due nothing.
 */
import { parseTimescale } from "../parse/timescale.js";
import type { Action, Priority } from "../schema/records.js";

/** Next steps that say there are none. */
const NO_ACTION = /^(?:n\/?a|not applicable|none|nil|[-–—]+|no further action|no action(?: required)?)\.?$/i;

/** Whether a row carries an action at all: text in Key Actions / Next Steps other than "N/A". */
export function hasAction(action: Action): boolean {
  const text = action.actions.replace(/<[^>]+>/g, " ").replace(/&nbsp;/gi, " ").replace(/\s+/g, " ").trim();
  return text !== "" && !NO_ACTION.test(text);
}

export interface Due {
  /** The last day the action is due, where certain. */
  due: string | null;
  dates: string[];
  from: "timescale" | "next steps";
}

/** The due dates the next-steps text names, for a timescale that is blank or points to that column. */
export function datesInNextSteps(action: Action, priority: Priority): string[] {
  if (action.timescale.kind !== "blank" && action.timescale.kind !== "see-next-steps") return [];
  if (!hasAction(action)) return [];
  const text = action.actions.replace(/<[^>]+>/g, " ").replace(/&nbsp;/gi, " ");
  return parseTimescale(text, { year: priority.year, quarter: priority.quarter }).dates.slice().sort();
}

/** An action's due date: its timescale's, else the last milestone its next steps date. */
export function dueOf(action: Action, priority: Priority): Due {
  const dates = datesInNextSteps(action, priority);
  const last = dates.at(-1);
  if (last !== undefined) return { due: last, dates, from: "next steps" };
  return { due: action.timescale.due, dates: action.timescale.dates, from: "timescale" };
}
