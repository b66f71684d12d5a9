import { percent } from "../figures.js";
import { movementOf, previousUpdate, updatesByPriority, type Movement } from "../movement.js";
import { polarityWords } from "../polarity.js";
import { defineRule, label, type InputsDraft } from "../rule.js";

const ARROWS = { improving: "↑ improving", "no change": "↔ no change", worsening: "↓ worsening" } as const;

function describe(movement: Movement): string {
  const size = movement.change === "same" ? "unchanged" : `${movement.change} by ${percent(movement.relative)}`;
  return `${label(movement.indicator)} ${size}, ${movement.text} (${polarityWords(movement.polarity.polarity)}, ${movement.polarity.from})`;
}

export default defineRule({
  id: "direction-mismatch",
  severity: "warning",
  scope: "inputs",
  description: "A direction of travel that disagrees with the movement of the results",
  docs: `The Direction of Travel arrow says whether performance is improving, unchanged or worsening. It is checked against how the indicators' results moved: from the previous quarter's result when that quarter of the same year is among the inputs, else from the baseline. It is questioned only when every indicator that can be compared moved against the arrow (an improving arrow with every result worse, a worsening one with every result better), or, for "no change", when every result moved the same way by more than the tolerance.
Example: direction of travel ↓ worsening, but every indicator improved: NI 152 better by 4.4%, from 11.4% (baseline) to 10.9% (lower is better, from the indicator catalogue); NI 153 …
It reasons from the figures only, never from the ratings typed beside them, so a rating that rag-mismatch calls wrong cannot mislead it.
Quiet: when the arrow is blank or not an arrow, when no indicator can be compared (no result, no baseline or previous quarter in the same unit, polarity unknown), and when at least one indicator moved the arrow's way.
Fix: check the arrow; if it reflects something the figures do not show yet, say so in the assessment.`,
  check({ reports, config }) {
    const index = updatesByPriority(reports);
    const drafts: InputsDraft[] = [];
    for (const report of reports) {
      for (const priority of report.priorities) {
        const arrow = priority.directionOfTravel;
        if (!arrow) continue;
        const previous = previousUpdate(index, priority);
        const movements = priority.indicators.map((indicator) => movementOf(indicator, priority, previous, config)).filter((movement): movement is Movement => movement !== null);
        const [first] = movements;
        if (!first) continue;
        const all = (change: Movement["change"]) => movements.every((movement) => movement.change === change);
        let contradiction: string | null = null;
        if (arrow === "improving" && all("worse")) contradiction = "every indicator worsened";
        else if (arrow === "worsening" && all("better")) contradiction = "every indicator improved";
        else if (arrow === "no change" && (all("better") || all("worse")) && movements.every((movement) => Math.abs(movement.relative) > config.tolerance)) {
          contradiction = `every indicator ${first.change === "better" ? "improved" : "worsened"} by more than the ${percent(config.tolerance)} tolerance`;
        }
        if (!contradiction) continue;
        drafts.push({
          report,
          priority,
          field: "direction",
          location: priority.location,
          message: `direction of travel ${ARROWS[arrow]}, but ${contradiction}: ${movements.map(describe).join("; ")}`,
          data: { direction: arrow, against: first.against, indicators: movements.length },
        });
      }
    }
    return drafts;
  },
});
