import { withoutTypedMarkup } from "../../parse/residue.js";
import type { Location } from "../../schema/records.js";
import { defineRule, label, quote, type Draft } from "../rule.js";

/** Tags and entities that a reader could not turn into text: markup typed or pasted as text. */
const MARKUP = /<\/?(?:p|br|ul|ol|li|span|div|font|strong|b|i|em|u|table|tr|td|th|o:p)\b[^>]*>|&(?:nbsp|amp|lt|gt|quot|apos|#\d{2,5}|#x[0-9a-f]{2,4});/i;

/** Cells whose value is read (a rating, a figure, a date): the message says how it was read. */
const READ_AS = new Set(["overall rating", "direction of travel", "RAG", "baseline", "target", "result", "timescale"]);

export default defineRule({
  id: "html-residue",
  severity: "warning",
  scope: "priority",
  description: "Markup (HTML tags or entities) left as text in a cell",
  docs: `Updates pass through several tools (Word, web forms, exports), and markup sometimes survives as text: "<p>", "&nbsp;", "<br/>". The readers remove the markup a file really carries; what is left was typed or pasted as text, and shows as such to every reader of the update. lsp-report reads the value without it ("Green&nbsp;" is Green, "18.46&nbsp;%" is 18.46%) and says what was there, cell by cell: the Improvement Priority table (the overall rating and direction of travel too), the assessment, every cell of the PI table, of the action tables and of the contributors.
Example: NI 187 (RAG): markup left in the text: "&nbsp;" (read as "Green")
Quiet: for markup a file really carries (Word formatting, the tags of an HTML file, the <p> of the seeds' text extraction): the readers turn it into text; only tags and entities left as text are reported, once per cell.
Fix: delete the markup from the cell.`,
  check({ priority }) {
    const drafts: Draft[] = [];
    type About = Pick<Draft, "indicator" | "action" | "contributor">;
    /** One finding per cell with markup: `name` says which cell in the message, `field` places it (locate.ts). */
    const look = (what: string, name: string, field: string | undefined, text: string | null | undefined, location: Location | undefined, about: About = {}) => {
      const found = text ? MARKUP.exec(text) : null;
      if (!found || !text) return;
      const readAs = READ_AS.has(name) || name.endsWith(" target") ? ` (read as ${quote(withoutTypedMarkup(text), 40)})` : "";
      drafts.push({ ...about, field, message: `${what} (${name}): markup left in the text: "${found[0]}"${readAs}`, location, data: { field: name, markup: found[0] } });
    };
    const where = priority.location;
    look("Improvement Priority table", "title", "title", priority.title, where);
    look("Improvement Priority table", "lead officer", "leadOfficer", priority.leadOfficer, where);
    look("Improvement Priority table", "organisation", "organisation", priority.organisation, where);
    look("Improvement Priority table", "overall rating", "overallRating", priority.overallRatingRaw, where);
    look("Improvement Priority table", "direction of travel", "direction", priority.directionRaw, where);
    look("overall assessment", "assessment", "assessment", priority.assessment, where);
    for (const indicator of priority.indicators) {
      const cells: [string, string, string][] = [
        ["PI Ref", "ref", indicator.ref],
        ["definition", "definition", indicator.definition],
        ["comments", "comments", indicator.comments],
        ["baseline", "baseline", indicator.baseline.raw],
        ["result", "result", indicator.result.raw],
        ["RAG", "rag", indicator.ragRaw],
        ["data quality", "dataQuality", indicator.dataQuality],
      ];
      for (const [name, field, text] of cells) look(label(indicator), name, field, text, undefined, { indicator });
      // Every year's target, each at its own cell.
      for (const target of indicator.targets) look(label(indicator), `${target.year} target`, target.year === priority.year ? "target" : undefined, target.raw, target.year === priority.year ? undefined : (target.location ?? indicator.location), { indicator });
    }
    for (const action of priority.actions) {
      for (const [name, field, text] of [["progress", "progress", action.progress], ["risks", "risks", action.risks], ["actions", "actions", action.actions], ["officer", "officer", action.officer], ["timescale", "timescale", action.timescale.raw], ["other information", "other", action.other]] as const) {
        look("action", name, field, text, undefined, { action });
      }
    }
    for (const contributor of priority.contributors) {
      for (const [name, text] of [["name", contributor.name], ["organisation", contributor.organisation], ["rationale", contributor.rationale], ["engagement", contributor.engagement]] as const) {
        look("contributor", name, name, text, undefined, { contributor });
      }
    }
    return drafts;
  },
});
