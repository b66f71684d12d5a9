import type { Indicator } from "../../schema/records.js";
import { ownTarget } from "../judge.js";
import { quote, defineRule, label, type Draft } from "../rule.js";

/** A rating with no result or forecast behind it, and no word about it in the comments. */
export function ratedWithoutData(indicator: Indicator): boolean {
  if (!indicator.rag || indicator.result.value !== null || indicator.forecast) return false;
  // "The Q1 figure was 11.1% … therefore the indicator has been rated 'Amber'" (NI 152 Q2): the comments explain the rating.
  return !new RegExp(`\\b${indicator.rag}\\b`, "i").test(indicator.comments);
}

export default defineRule({
  id: "rag-without-data",
  severity: "warning",
  scope: "priority",
  description: "A RAG rating with no result or forecast behind it",
  docs: `A rating should rest on a figure. When the result cell says the data is not yet available ("Annually Reported", "Awaiting DWP data update") or is blank, and no forecast is given, readers cannot tell what the rating is based on.
Example: NI 154: rated Amber but there is no result or forecast behind it (result "Annually Reported")
This one finding stands for the missing result (result-pending and result-not-reported stay quiet about it) and, when the year's target has no figure either, says so too (rag-unjudged stays quiet).
Quiet: when a result or forecast is given, when the RAG cell is blank, and when the comments explain the rating (they name it: "…therefore the indicator has been rated 'Amber'", NI 152 Q2).
Fix: give the figure the rating rests on (a forecast or the latest available figure), or explain the rating in the comments.`,
  check({ priority, judge }) {
    const drafts: Draft[] = [];
    for (const indicator of priority.indicators) {
      if (!ratedWithoutData(indicator)) continue;
      const target = ownTarget(indicator, priority);
      const noTarget = target && target.value === null && target.status !== "blank" && !judge(indicator, priority).ok ? `; nor does the ${priority.year} target ${quote(target.raw, 60)} give a figure to check it against` : "";
      drafts.push({ indicator, field: "rag", message: `${label(indicator)}: rated ${indicator.rag} but there is no result or forecast behind it (result ${indicator.result.raw ? quote(indicator.result.raw) : "blank"})${noTarget}` });
    }
    return drafts;
  },
});
