import { locationText } from "../../model/location.js";
import type { Indicator } from "../../schema/records.js";
import { indicatorKey } from "../../model/indicator-key.js";
import { defineRule, label, type Draft } from "../rule.js";

export default defineRule({
  id: "duplicate-indicator",
  severity: "warning",
  scope: "priority",
  description: "The same PI (and measure) twice in one update's PI table",
  docs: `Each indicator has one row in an update's PI table (a PI with several measures, such as NI 187's SAP < 35 and SAP > 65, one row per measure). A second row for the same PI and measure is usually a row pasted twice, or a wrong PI Ref.
Example: NI 187 appears twice in the PI table: first at line 234
Quiet: for one PI Ref on several rows that measure different things (NI 187 SAP < 35 and SAP > 65), for a row that continues the one above (an empty PI Ref), and for the same PI in different updates.
Fix: delete the extra row, or correct its PI Ref.`,
  check({ priority }) {
    const drafts: Draft[] = [];
    const seen = new Map<string, Indicator>();
    for (const indicator of priority.indicators) {
      const key = indicatorKey(indicator.ref, indicator.measure);
      const first = seen.get(key);
      if (!first) {
        seen.set(key, indicator);
        continue;
      }
      drafts.push({ indicator, field: "ref", message: `${label(indicator)} appears twice in the PI table: first at ${locationText(first.location)}` });
    }
    return drafts;
  },
});
