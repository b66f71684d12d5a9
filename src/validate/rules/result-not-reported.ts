import { quarterEnd } from "../../parse/timescale.js";
import { isWithdrawn } from "../judge.js";
import { reasonGivenElsewhere } from "../reasons.js";
import { ratedWithoutData } from "./rag-without-data.js";
import { defineRule, label, quote, type Draft } from "../rule.js";

const monthName = (yearMonth: string) => new Date(`${yearMonth}-15T12:00:00Z`).toLocaleDateString("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });

/** Whether a result promised for a month ("Due to be reported in January 2009") is late by the quarter's end. */
export function promiseBroken(expected: string | null, year: string, quarter: number): boolean {
  return expected !== null && expected <= quarterEnd(year, quarter).slice(0, 7);
}

export default defineRule({
  id: "result-not-reported",
  severity: "warning",
  scope: "priority",
  description: "No result for the quarter, and no reason given (or the promised date has passed)",
  docs: `Each indicator reports its year-to-date (or year-end) result. A blank result cell, or words that are not a figure nor a reason, leave readers guessing; so does a result "due to be reported" in a month that has passed by the end of the quarter. A reason such as "Annually Reported" or "Awaiting DWP data update" is accepted (see result-pending).
Example: NI 7: no result, and no reason given (the result cell is blank)
Quiet: when the result cell gives a reason ("Annually Reported", "Awaiting DWP data update"), or the Comments or Baseline cell does (NI 30: "The Home Office are currently reviewing the methodology applied for this measure"; NI 1: "Baseline and targets to be taken from the 2008 Place Survey"): result-pending lists those; for a withdrawn indicator; and when the indicator is rated with nothing behind it (rag-without-data tells the missing result once).
Fix: give the figure, or say when it will be available.`,
  check({ priority }) {
    const drafts: Draft[] = [];
    for (const indicator of priority.indicators) {
      const result = indicator.result;
      if (result.value !== null || isWithdrawn(indicator)) continue;
      // The Comments or Baseline cell may give the reason the result cell does not (result-pending lists it).
      if ((result.status === "blank" || result.status === "unparsed" || result.status === "described") && reasonGivenElsewhere(indicator)) continue;
      // A rating with nothing behind it: rag-without-data tells the missing result once.
      if (ratedWithoutData(indicator)) continue;
      if (result.status === "blank") {
        drafts.push({ indicator, field: "result", message: `${label(indicator)}: no result, and no reason given (the result cell is blank)` });
      } else if (result.status === "unparsed" || result.status === "described") {
        drafts.push({ indicator, field: "result", message: `${label(indicator)}: the result ${quote(result.raw)} is neither a figure nor a reason why there is none` });
      } else if (result.status === "not-yet-reported" && promiseBroken(result.expected, priority.year, priority.quarter)) {
        drafts.push({
          indicator,
          field: "result",
          message: `${label(indicator)}: the result was due in ${monthName(result.expected!)} (${quote(result.raw)}), which had passed by the end of Quarter ${priority.quarter} ${priority.year}`,
          data: { expected: result.expected },
        });
      }
    }
    return drafts;
  },
});
