import { isWithdrawn } from "../judge.js";
import { reasonGivenElsewhere } from "../reasons.js";
import { defineRule, label, quote, type Draft } from "../rule.js";
import { promiseBroken } from "./result-not-reported.js";
import { ratedWithoutData } from "./rag-without-data.js";

const PENDING = new Set(["not-applicable", "to-be-determined", "to-be-set", "new-indicator", "annual", "not-yet-reported", "awaiting-data"]);

export default defineRule({
  id: "result-pending",
  severity: "info",
  scope: "priority",
  description: "No result yet, for a reason the update gives",
  docs: `Many indicators have no figure in a given quarter for good reasons: annual surveys, national data published in arrears, new indicators. The update says so, and lsp-report lists them so the quarter's gaps are visible in one place.
Example: NI 154: no result yet: "Annually Reported"
A reason given in the Comments or Baseline cell instead of the result cell counts too (NI 30's comments: the Home Office is reviewing the methodology).
Quiet: when there is a figure, when the result is missing with no reason (result-not-reported warns), when a promised month has passed (result-not-reported), and when the indicator is rated with nothing behind the rating (rag-without-data says the result is missing).
Fix: nothing, unless the reason no longer holds.`,
  check({ priority }) {
    const drafts: Draft[] = [];
    for (const indicator of priority.indicators) {
      const result = indicator.result;
      if (result.value !== null || isWithdrawn(indicator)) continue;
      // A rating with nothing behind it: rag-without-data tells the same missing result, as a warning.
      if (ratedWithoutData(indicator)) continue;
      if (PENDING.has(result.status)) {
        if (result.status === "not-yet-reported" && promiseBroken(result.expected, priority.year, priority.quarter)) continue;
        drafts.push({ indicator, field: "result", message: `${label(indicator)}: no result yet: ${quote(result.raw, 80)}`, data: { status: result.status } });
        continue;
      }
      const elsewhere = reasonGivenElsewhere(indicator);
      if (elsewhere && (result.status === "blank" || result.status === "unparsed" || result.status === "described")) {
        const noTarget = !priority.indicators.length || indicator.targets.some((target) => target.year === priority.year && target.status !== "blank") ? "" : " or target";
        drafts.push({ indicator, field: "result", message: `${label(indicator)}: no result${noTarget} yet: the ${elsewhere.where} ${elsewhere.where === "comments" ? "say" : "says"} ${quote(elsewhere.text, 80)}`, data: { status: result.status, reasonIn: elsewhere.where } });
      }
    }
    return drafts;
  },
});
