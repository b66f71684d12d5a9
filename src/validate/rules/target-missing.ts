import { figure } from "../figures.js";
import { isWithdrawn, ownTarget } from "../judge.js";
import { reasonGivenElsewhere } from "../reasons.js";
import { defineRule, label, type Draft } from "../rule.js";

export default defineRule({
  id: "target-missing",
  severity: "warning",
  scope: "priority",
  description: "An indicator with no target for the report's year",
  docs: `Without a target for the year the rating cannot be judged. A target cell that explains why there is none ("N/A", "To be determined", "Baseline and targets to be taken from the 2008 Place Survey") is accepted; a blank cell, or no target column for the year, is not.
Example: NI 110: no 2008/09 target (the cell is blank); later targets: 2010/11 70%
Quiet: when the target cell gives a reason, and when the indicator has no result either and its Comments or Baseline cell says why (NI 30 Q2: "The Home Office are currently reviewing the methodology…"; result-pending lists it).
Fix: give the year's target, or say why there is none.`,
  check({ priority }) {
    const drafts: Draft[] = [];
    for (const indicator of priority.indicators) {
      if (isWithdrawn(indicator)) continue;
      const target = ownTarget(indicator, priority);
      if (target && target.status !== "blank") continue;
      // No figures at all, and the comments or baseline say why (NI 30: the methodology is under review): result-pending lists it.
      if (indicator.result.value === null && reasonGivenElsewhere(indicator)) continue;
      const others = indicator.targets.filter((other) => other.year !== priority.year && other.value !== null);
      const later = others.length > 0 ? `; other targets: ${others.map((other) => `${other.year} ${figure(other)}`).join(", ")}` : "";
      const why = target ? "the cell is blank" : "the PI table has no target column for that year";
      drafts.push({ indicator, field: "target", message: `${label(indicator)}: no ${priority.year} target (${why})${later}` });
    }
    return drafts;
  },
});
