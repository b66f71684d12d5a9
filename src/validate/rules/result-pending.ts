import { isWithdrawn } from "../judge.js";
import { defineRule, label, quote, type Draft } from "../rule.js";
import { promiseBroken } from "./result-not-reported.js";

const PENDING = new Set(["not-applicable", "to-be-determined", "to-be-set", "new-indicator", "annual", "not-yet-reported", "awaiting-data"]);

export default defineRule({
  id: "result-pending",
  severity: "info",
  scope: "priority",
  description: "No result yet, for a reason the update gives",
  docs: `Many indicators have no figure in a given quarter for good reasons: annual surveys, national data published in arrears, new indicators. The update says so, and lsp-report lists them so the quarter's gaps are visible in one place.
Example: NI 154: no result yet: "Annually Reported"
Fix: nothing, unless the reason no longer holds.`,
  check({ priority }) {
    const drafts: Draft[] = [];
    for (const indicator of priority.indicators) {
      const result = indicator.result;
      if (result.value !== null || isWithdrawn(indicator) || !PENDING.has(result.status)) continue;
      if (result.status === "not-yet-reported" && promiseBroken(result.expected, priority.year, priority.quarter)) continue;
      drafts.push({ indicator, field: "result", message: `${label(indicator)}: no result yet: ${quote(result.raw, 80)}`, data: { status: result.status } });
    }
    return drafts;
  },
});
