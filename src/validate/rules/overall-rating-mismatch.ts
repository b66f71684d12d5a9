import type { Rating } from "../../schema/records.js";
import { isWithdrawn } from "../judge.js";
import { defineRule, label } from "../rule.js";

export default defineRule({
  id: "overall-rating-mismatch",
  severity: "warning",
  scope: "priority",
  description: "An overall rating that plainly contradicts its indicators",
  docs: `The overall rating is a judgement, not an average, so it is questioned only when it plainly contradicts the indicators: Green overall with a Red indicator, or Red overall with every indicator Green. An indicator's rating is the one written (or coloured) in its RAG cell, else the one its figures give; where the figures contradict the written rating (rag-mismatch), the figures' rating counts, and the message says so.
Example: overall Red, but every indicator is Green: NI 152 Green (computed: 10.9% against target 11.1% is 1.8% better …), NI 153 Green (computed: …)
Quiet: for an Amber overall rating; for Green overall when no indicator is Red; for Red overall when any indicator is Amber or Red or cannot be judged; and when the overall rating is blank or not a rating (overall-rating-missing, rag-invalid).
Fix: check the overall rating, or explain in the assessment why it differs from the indicators.`,
  check({ priority, judge }) {
    if (!priority.overallRating || priority.overallRating === "Amber") return [];
    const rated: { text: string; rating: Rating }[] = [];
    let unrated = 0;
    for (const indicator of priority.indicators) {
      if (isWithdrawn(indicator)) continue;
      const judgement = judge(indicator, priority);
      if (indicator.rag) {
        // A typed rating its own figures contradict (rag-mismatch) does not count: the figures' rating does, and the message says so.
        if (judgement.ok && judgement.computed !== indicator.rag) {
          rated.push({ rating: judgement.computed, text: `${label(indicator)} ${judgement.computed} by its figures, though rated ${indicator.rag} (see rag-mismatch)` });
        } else {
          rated.push({ rating: indicator.rag, text: `${label(indicator)} rated ${indicator.rag}` });
        }
        continue;
      }
      if (judgement.ok) rated.push({ rating: judgement.computed, text: `${label(indicator)} ${judgement.computed} (computed: ${judgement.explanation})` });
      else unrated++;
    }
    const overall = priority.overallRating;
    if (overall === "Green") {
      const red = rated.filter((entry) => entry.rating === "Red");
      if (red.length === 0) return [];
      return [{ message: `overall Green, but ${red.length === 1 ? "an indicator is" : `${red.length} indicators are`} Red: ${red.map((entry) => entry.text).join("; ")}`, field: "overallRating", location: priority.location, data: { overall, red: red.length } }];
    }
    if (rated.length === 0 || unrated > 0 || rated.some((entry) => entry.rating !== "Green")) return [];
    return [{ message: `overall Red, but every indicator is Green: ${rated.map((entry) => entry.text).join("; ")}`, field: "overallRating", location: priority.location, data: { overall, green: rated.length } }];
  },
});
