import type { Indicator } from "../../schema/records.js";
import { defineRule, label, quote, type Draft } from "../rule.js";

/** Cells that say plainly there is no rating: as good as blank (rag-missing may still ask for one). */
const NOT_RATED = /^(?:n\/?a|not applicable|[-–—]+|none|tbc|to be confirmed)\.?$/i;

/** A PI's RAG cell that holds something other than a rating, a forecast or a plain "no rating". */
export function ragCellInvalid(indicator: Indicator): boolean {
  const raw = indicator.ragRaw.trim();
  return raw !== "" && !indicator.rag && !indicator.forecast && !NOT_RATED.test(raw);
}

export default defineRule({
  id: "rag-invalid",
  severity: "error",
  scope: "priority",
  description: "A RAG cell that is neither a rating, a forecast figure nor blank",
  docs: `A RAG cell must say Red, Amber or Green (any case and spacing; R, A or G), be coloured in one of those, hold a year-end forecast figure, or be left blank. Anything else ("Amber/Green", "On track", "TBC") cannot be counted in the quarter's summary.
Example: NI 155: RAG rating "Amber/Green" is not Red, Amber or Green (nor a forecast figure)
Quiet: for a blank cell, a cell that says plainly there is no rating ("N/A", "-"), a rating with markup left in it ("Green&nbsp;" is read as Green, see html-residue), and a figure (a forecast). This finding stands alone on its cell: rag-missing does not also say the rating is missing.
Fix: choose one rating; put words in the comments.`,
  check({ priority }) {
    const drafts: Draft[] = [];
    if (priority.overallRatingRaw.trim() && !priority.overallRating) {
      drafts.push({ message: `overall progress rating ${quote(priority.overallRatingRaw)} is not Red, Amber or Green`, field: "overallRating", location: priority.location, data: { raw: priority.overallRatingRaw } });
    }
    for (const indicator of priority.indicators) {
      if (ragCellInvalid(indicator)) {
        drafts.push({ indicator, field: "rag", message: `${label(indicator)}: RAG rating ${quote(indicator.ragRaw)} is not Red, Amber or Green (nor a forecast figure)`, data: { raw: indicator.ragRaw } });
      }
    }
    return drafts;
  },
});
