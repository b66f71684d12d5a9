import { defineRule, label, type Draft } from "../rule.js";

export default defineRule({
  id: "rag-mismatch",
  severity: "error",
  scope: "priority",
  description: "A RAG rating that disagrees with the one the indicator's own figures give",
  docs: `The figures give a rating: the year's target met or beaten is Green, missed by no more than the tolerance (default 10% of the target) is Amber, missed by more is Red. Which way is better comes from, in order: the configuration, the bundled indicator catalogue, the comments ("Good performance is typified by an increase…"), the wording of the target ("At least…"), the trajectory of the yearly targets, and the direction from baseline to target. Cumulative year-to-date counts are projected to year end (a forecast in the RAG column is used as the projection); rates and percentages are compared as they are.
Example: NI 187: 3.35% against target 3% is 11.7% worse (lower is better, from baseline 4.00%; tolerance 10%): computed Red, rated Amber
Quiet: when the rating agrees with the figures, when there is no rating (rag-missing), and when the figures cannot give one: no target figure for the year (rag-unjudged), no result (rag-without-data), different units (unit-mismatch), unknown polarity (polarity-unknown). A figure written without its unit is read as meant (unit-missing) and judged.
Fix: correct the rating, or the figure; if the indicator's polarity or the tolerance is wrong for your council, set it in lsp-report.config.json.`,
  check({ priority, judge }) {
    const drafts: Draft[] = [];
    for (const indicator of priority.indicators) {
      if (!indicator.rag) continue;
      const judgement = judge(indicator, priority);
      if (!judgement.ok || judgement.computed === indicator.rag) continue;
      const colour = indicator.ragFromFill ? " (by the cell's colour)" : "";
      drafts.push({
        indicator,
        field: "rag",
        message: `${label(indicator)}: ${judgement.explanation}: computed ${judgement.computed}, rated ${indicator.rag}${colour}`,
        data: { ...judgement.data, rated: indicator.rag },
      });
    }
    return drafts;
  },
});
