import type { Location } from "../../schema/records.js";
import { defineRule, label, type Draft } from "../rule.js";

/** Tags and entities that a reader could not turn into text: markup typed or pasted as text. */
const MARKUP = /<\/?(?:p|br|ul|ol|li|span|div|font|strong|b|i|em|u|table|tr|td|th|o:p)\b[^>]*>|&(?:nbsp|amp|lt|gt|quot|apos|#\d{2,5});/i;

export default defineRule({
  id: "html-residue",
  severity: "warning",
  scope: "priority",
  description: "Markup (HTML tags or entities) left as text in cells",
  docs: `Updates pass through several tools (Word, web forms, exports), and markup sometimes survives as text: "<p>", "&nbsp;", "<br/>". The readers remove the markup a file really carries; what is left was typed or pasted as text, and shows as such to every reader of the update.
Example: action (Key Actions): markup left in the text: "&lt;p&gt;"
Quiet: for markup a file really carries (Word formatting, HTML tags of an HTML file): the readers turn it into text; only tags and entities typed or pasted as text are reported, once per cell.
Fix: delete the markup from the cell.`,
  check({ priority }) {
    const drafts: Draft[] = [];
    /** Each field's text, by field name: the first with markup is reported, at its cell. */
    const look = (what: string, fields: [string, string][], location: Location, about: Pick<Draft, "indicator" | "action" | "contributor"> = {}) => {
      for (const [field, text] of fields) {
        const found = MARKUP.exec(text);
        if (found) {
          drafts.push({ ...about, field, message: `${what}: markup left in the text: "${found[0]}"`, location, data: { markup: found[0] } });
          return;
        }
      }
    };
    look("Improvement Priority table", [["title", priority.title], ["leadOfficer", priority.leadOfficer], ["organisation", priority.organisation]], priority.location);
    look("overall assessment", [["assessment", priority.assessment]], priority.location);
    for (const indicator of priority.indicators) {
      const fields: [string, string][] = [
        ["definition", indicator.definition],
        ["comments", indicator.comments],
        ["dataQuality", indicator.dataQuality],
        ["baseline", indicator.baseline.raw],
        ["result", indicator.result.raw],
        ["rag", indicator.ragRaw],
        ...indicator.targets.map((target): [string, string] => ["target", target.raw]),
      ];
      look(label(indicator), fields, indicator.location, { indicator });
    }
    for (const action of priority.actions) {
      const fields: [string, string][] = [["progress", action.progress], ["risks", action.risks], ["actions", action.actions], ["officer", action.officer], ["timescale", action.timescale.raw], ["other", action.other]];
      look("action", fields, action.location, { action });
    }
    for (const contributor of priority.contributors) {
      const fields: [string, string][] = [["name", contributor.name], ["organisation", contributor.organisation], ["rationale", contributor.rationale ?? ""], ["engagement", contributor.engagement ?? ""]];
      look("contributor", fields, contributor.location, { contributor });
    }
    return drafts;
  },
});
