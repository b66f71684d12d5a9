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
Fix: delete the markup from the cell.`,
  check({ priority }) {
    const drafts: Draft[] = [];
    const look = (what: string, texts: string[], location: Location) => {
      for (const text of texts) {
        const found = MARKUP.exec(text);
        if (found) {
          drafts.push({ message: `${what}: markup left in the text: "${found[0]}"`, location, data: { markup: found[0] } });
          return;
        }
      }
    };
    look("Improvement Priority table", [priority.title, priority.leadOfficer, priority.organisation], priority.location);
    look("overall assessment", [priority.assessment], priority.location);
    for (const indicator of priority.indicators) {
      const texts = [indicator.definition, indicator.comments, indicator.dataQuality, indicator.baseline.raw, indicator.result.raw, indicator.ragRaw, ...indicator.targets.map((target) => target.raw)];
      look(label(indicator), texts, indicator.location);
    }
    for (const action of priority.actions) look("action", [action.progress, action.risks, action.actions, action.officer, action.timescale.raw, action.other], action.location);
    for (const contributor of priority.contributors) look("contributor", [contributor.name, contributor.organisation, contributor.rationale ?? "", contributor.engagement ?? ""], contributor.location);
    return drafts;
  },
});
