import type { Rating } from "../../schema/records.js";
import { percent } from "../figures.js";
import { movementOf, previousUpdate, sameIndicator, updatesByPriority } from "../movement.js";
import { polarityWords } from "../polarity.js";
import { defineRule, label, type InputsDraft } from "../rule.js";

const RANK: Record<Rating, number> = { Red: 0, Amber: 1, Green: 2 };

export default defineRule({
  id: "rating-trend-mismatch",
  severity: "warning",
  scope: "inputs",
  description: "A rating that moved one way from the previous quarter while the result moved the other",
  docs: `When the previous quarter of the same year is among the inputs, each indicator's rating is compared with its rating then: a rating raised while the result got worse (or lowered while it got better) needs a word of explanation. Cumulative year-to-date counts are compared as year-end projections.
Example: NI 141: rated Green, up from Amber in Q1, but the result worsened by 3.5%, from 73.5% in Q1 to 70.91% in Q2 (higher is better, from the indicator catalogue)
Quiet: when the previous quarter of the same year is not among the inputs, when either quarter has no rating, when the rating did not change, when the results cannot be compared (no figure, different units), and when rating and result moved the same way.
Fix: check the rating; explain the change in the comments.`,
  check({ reports, config }) {
    const index = updatesByPriority(reports);
    const drafts: InputsDraft[] = [];
    for (const report of reports) {
      for (const priority of report.priorities) {
        const previous = previousUpdate(index, priority);
        if (!previous) continue;
        for (const indicator of priority.indicators) {
          const before = previous.priority.indicators.find((candidate) => sameIndicator(candidate, indicator));
          if (!indicator.rag || !before?.rag || indicator.rag === before.rag) continue;
          const movement = movementOf(indicator, priority, previous, config);
          if (!movement || movement.against !== "previous quarter" || movement.change === "same") continue;
          const raised = RANK[indicator.rag] > RANK[before.rag];
          if (raised === (movement.change === "better")) continue;
          drafts.push({
            report,
            priority,
            indicator,
            field: "rag",
            message: `${label(indicator)}: rated ${indicator.rag}, ${raised ? "up" : "down"} from ${before.rag} in Q${previous.priority.quarter}, but the result ${movement.change === "better" ? "improved" : "worsened"} by ${percent(movement.relative)}, ${movement.text} (${polarityWords(movement.polarity.polarity)}, ${movement.polarity.from})`,
            data: { rated: indicator.rag, previousRating: before.rag, previousQuarter: previous.priority.quarter },
          });
        }
      }
    }
    return drafts;
  },
});
