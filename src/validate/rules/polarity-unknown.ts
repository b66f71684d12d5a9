import { defineRule, label, type Draft } from "../rule.js";

export default defineRule({
  id: "polarity-unknown",
  severity: "info",
  scope: "priority",
  description: "A rating that cannot be judged because nothing says whether higher or lower is better",
  docs: `To judge a rating lsp-report needs the indicator's polarity. When the configuration, the bundled catalogue, the comments, the targets and the baseline all leave it open, it says so rather than guess.
Example: LPI 12: cannot judge the rating: nothing says whether higher or lower is better
Quiet: when any signal decides the polarity (configuration, catalogue, comments, wording of the target, trajectory of the targets, baseline to target), and when the rating cannot be judged anyway for want of a target or a result.
Fix: set the polarity under "indicators" in lsp-report.config.json: { "indicators": { "LPI 12": { "polarity": "higher" } } }`,
  check({ priority, judge }) {
    const drafts: Draft[] = [];
    for (const indicator of priority.indicators) {
      const judgement = judge(indicator, priority);
      if (judgement.ok || judgement.why !== "polarity-unknown") continue;
      drafts.push({ indicator, field: "rag", message: `${label(indicator)}: cannot judge the rating: nothing says whether higher or lower is better (set its polarity in lsp-report.config.json)` });
    }
    return drafts;
  },
});
