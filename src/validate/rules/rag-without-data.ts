import { quote, defineRule, label, type Draft } from "../rule.js";

export default defineRule({
  id: "rag-without-data",
  severity: "warning",
  scope: "priority",
  description: "A RAG rating with no result or forecast behind it",
  docs: `A rating should rest on a figure. When the result cell says the data is not yet available ("Annually Reported", "Awaiting DWP data update") or is blank, and no forecast is given, readers cannot tell what the rating is based on.
Example: NI 154: rated Amber but there is no result or forecast behind it (result "Annually Reported")
Fix: give the figure the rating rests on (a forecast or the latest available figure), or explain the rating in the comments.`,
  check({ priority }) {
    const drafts: Draft[] = [];
    for (const indicator of priority.indicators) {
      if (!indicator.rag || indicator.result.value !== null || indicator.forecast) continue;
      drafts.push({ indicator, field: "rag", message: `${label(indicator)}: rated ${indicator.rag} but there is no result or forecast behind it (result ${indicator.result.raw ? quote(indicator.result.raw) : "blank"})` });
    }
    return drafts;
  },
});
