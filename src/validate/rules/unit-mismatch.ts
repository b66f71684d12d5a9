import type { FindingData } from "../../schema/findings.js";
import type { Value } from "../../schema/records.js";
import { figure, unitName } from "../figures.js";
import { isWithdrawn, ownTarget } from "../judge.js";
import { sameUnit, unitAsMeant } from "../units.js";
import { defineRule, label, type Draft } from "../rule.js";

export default defineRule({
  id: "unit-mismatch",
  severity: "warning",
  scope: "priority",
  description: "A result (or forecast) and its target in different units",
  docs: `A result can only be judged against a target in the same unit: a percentage against a percentage, a rate per 1,000 against a rate per 1,000, a count against a count. A decimal with no unit is read in the unit its baseline and targets agree on (see unit-missing); when they do not agree, or the target is a count, lsp-report does not guess, and does not judge the rating. When the RAG cell holds no rating, this one finding also says that none can be worked out (rag-missing stays quiet).
Example: NI 16: result 27.8% is a percentage but the 2008/09 target 26.4 per 1,000 is a rate per 1,000, so they cannot be compared
Quiet: when the figures are in the target's unit, or a bare decimal is read in the unit the baseline and targets agree on (unit-missing), or there is no target figure for the year.
Fix: write the result in the target's unit ("27.8 per 1,000 population").`,
  check({ priority }) {
    const drafts: Draft[] = [];
    for (const indicator of priority.indicators) {
      const target = ownTarget(indicator, priority);
      if (!target || target.value === null || isWithdrawn(indicator)) continue;
      const figures = [
        { name: "result", value: indicator.result },
        { name: "forecast", value: indicator.forecast },
      ].filter((entry): entry is { name: string; value: Value } => entry.value !== null && entry.value.value !== null && !sameUnit(unitAsMeant(entry.value, indicator), target));
      const [first] = figures;
      if (!first) continue;
      const described = figures.map((entry) => `${entry.name} ${figure(entry.value)} is ${unitName(entry.value)}`).join(" and ");
      // One finding for the fact: with no rating beside it, rag-missing stays quiet and this says why none can be worked out.
      const unrated = indicator.hasRagColumn && !indicator.rag ? "; no RAG rating is given, and none can be worked out from them" : "";
      drafts.push({
        indicator,
        field: first.name === "result" ? "result" : "rag",
        message: `${label(indicator)}: ${described} but the ${target.year} target ${figure(target)} is ${unitName(target)}, so they cannot be compared${unrated}`,
        data: { target: target.value, targetUnit: target.unit, ...Object.fromEntries(figures.flatMap((entry): [string, FindingData[string]][] => [[entry.name, entry.value.value], [`${entry.name}Unit`, entry.value.unit]])) },
      });
    }
    return drafts;
  },
});
