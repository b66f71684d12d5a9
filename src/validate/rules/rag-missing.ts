import { figure } from "../figures.js";
import { isWithdrawn, ownTarget } from "../judge.js";
import { defineRule, label, type Draft } from "../rule.js";
import { ragCellInvalid } from "./rag-invalid.js";

export default defineRule({
  id: "rag-missing",
  severity: "warning",
  scope: "priority",
  description: "An indicator with a target and a result (or forecast) but no RAG rating",
  docs: `When the PI table has a RAG column and both the target for the year and a result or forecast are known, the indicator should be rated. A figure written in the RAG column is read as a year-end forecast, not a rating. Where the figures allow, the message gives the rating they point to.
Example: LKI HAS4: no RAG rating (the RAG column holds the forecast 1448); the figures give Amber: forecast 1448 (result 724 year to date) against target 1320 is 9.7% worse (lower is better, from the indicator catalogue; tolerance 10%)
Quiet: when the PI table has no RAG column (the Q4 layout), when the year's target or every figure is missing, when the RAG cell holds something else than a rating (rag-invalid reports it), and when the figures are in different units from the target (unit-mismatch reports it, and says no rating can be worked out).
Fix: write Red, Amber or Green in the RAG column (and move a forecast to the comments).`,
  check({ priority, judge }) {
    const drafts: Draft[] = [];
    for (const indicator of priority.indicators) {
      // rag-invalid speaks for a cell that holds something else than a rating.
      if (!indicator.hasRagColumn || indicator.rag || isWithdrawn(indicator) || ragCellInvalid(indicator)) continue;
      const target = ownTarget(indicator, priority);
      if (target?.value == null || (indicator.result.value === null && !indicator.forecast)) continue;
      const forecast = indicator.forecast ? ` (the RAG column holds the forecast ${figure(indicator.forecast)})` : "";
      const judgement = judge(indicator, priority);
      // Figures in different units: unit-mismatch says so, and that no rating can be worked out.
      if (!judgement.ok && judgement.why === "unit-mismatch") continue;
      const verdict = judgement.ok ? `; the figures give ${judgement.computed}: ${judgement.explanation}` : `; target ${figure(target)} and result ${figure(indicator.result)} are given but cannot be judged: ${judgement.detail}`;
      drafts.push({ indicator, field: "rag", message: `${label(indicator)}: no RAG rating${forecast}${verdict}`, data: judgement.ok ? judgement.data : undefined });
    }
    return drafts;
  },
});
