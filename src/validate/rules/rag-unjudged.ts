import { ownTarget } from "../judge.js";
import { defineRule, label, quote, type Draft } from "../rule.js";
import { ratedWithoutData } from "./rag-without-data.js";

export default defineRule({
  id: "rag-unjudged",
  severity: "info",
  scope: "priority",
  description: "A rating that cannot be checked because the year's target gives no figure",
  docs: `A rating is checked against the year's target. A target cell with words but no figure for the year ("Increase of 4.1 percentage points on baseline by 2010/11", "Reduce to the national average") leaves nothing to check it against; lsp-report says so rather than pass the rating silently. A change on the baseline due this year ("2% increase on baseline") is worked out from the baseline and checked.
Example: NI 7: rated Amber, but the 2008/09 target "Increase of 4.1 percentage points on baseline by 2010/11 …" gives no figure for the year to check it against
Quiet: when the target has a figure (or one is worked out from the baseline), when the target cell is blank (target-missing), when the indicator is not rated, and when there is no result either (rag-without-data says both).
Fix: nothing, if the target really has no figure this year; else write it.`,
  check({ priority, judge }) {
    const drafts: Draft[] = [];
    for (const indicator of priority.indicators) {
      if (!indicator.rag) continue;
      const target = ownTarget(indicator, priority);
      const judgement = judge(indicator, priority);
      if (judgement.ok || judgement.why !== "no-target" || !target || target.status === "blank") continue;
      // No result either: rag-without-data says both in one finding.
      if (ratedWithoutData(indicator)) continue;
      drafts.push({ indicator, field: "target", message: `${label(indicator)}: rated ${indicator.rag}, but the ${priority.year} target ${quote(target.raw, 80)} gives no figure for the year to check it against` });
    }
    return drafts;
  },
});
