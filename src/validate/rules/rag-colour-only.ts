import { defineRule, label, type Draft } from "../rule.js";

export default defineRule({
  id: "rag-colour-only",
  severity: "info",
  scope: "priority",
  description: "A rating told by the cell's colour alone",
  docs: `A RAG cell that is only shaded loses its rating when the document is printed in black and white, copied as text, or read by a screen reader. lsp-report reads the colour, but people may not.
Example: NI 187: rated Amber by the cell's colour (#FFC000) alone
Quiet: when the rating is written in the cell (coloured or not), and for a cell with no colour.
Fix: write the rating in the cell as well.`,
  check({ priority }) {
    const drafts: Draft[] = [];
    if (priority.overallRating && !priority.overallRatingRaw.trim() && priority.overallRatingFill) {
      drafts.push({ message: `overall progress rated ${priority.overallRating} by the cell's colour (#${priority.overallRatingFill}) alone`, field: "overallRating", location: priority.location });
    }
    for (const indicator of priority.indicators) {
      if (indicator.rag && indicator.ragFromFill) {
        const beside = indicator.forecast ? ` (the cell's text is the forecast ${indicator.ragRaw.trim()})` : "";
        drafts.push({ indicator, field: "rag", message: `${label(indicator)}: rated ${indicator.rag} by the cell's colour (#${indicator.ragFill}) alone${beside}` });
      }
    }
    return drafts;
  },
});
