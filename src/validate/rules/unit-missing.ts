import type { Value } from "../../schema/records.js";
import { figure, unitName, withUnit } from "../figures.js";
import { isWithdrawn } from "../judge.js";
import { unitLeftOff } from "../units.js";
import { defineRule, label, type Draft } from "../rule.js";

export default defineRule({
  id: "unit-missing",
  severity: "warning",
  scope: "priority",
  description: "A result (or forecast) written without its unit, read in the unit its baseline and targets agree on",
  docs: `Officers often leave the "%" off a figure: NI 158's year-end result "18.46" sits beside a baseline of 22.81% and targets of 15.0%, 10.0% and 5.0%. When the baseline and every target with a figure agree on one unit (a percentage, or a rate per the same population), a bare decimal is read in that unit, and the rating is judged as usual (a wrong rating is still an error, see rag-mismatch). Other readers of the update have to guess, so the unit should be written.
Example: NI 158: 18.46 is written without its unit; read as 18.46% like the baseline and targets (a percentage); did you mean 18.46%?
Quiet: when the figure has its unit, when it is a whole count, or when the baseline and targets disagree on their unit or give none (then unit-mismatch says the figures cannot be compared).
Fix: write the unit ("18.46%").`,
  check({ priority }) {
    const drafts: Draft[] = [];
    for (const indicator of priority.indicators) {
      if (isWithdrawn(indicator)) continue;
      for (const [name, value] of [["result", indicator.result], ["forecast", indicator.forecast]] as [string, Value | null][]) {
        const meant = unitLeftOff(value, indicator);
        if (!meant || !value || value.value === null) continue;
        const asMeant = withUnit(value.value, meant);
        drafts.push({
          indicator,
          field: name === "forecast" ? "rag" : "result",
          message: `${label(indicator)}: ${name === "forecast" ? "the forecast " : ""}${figure(value)} is written without its unit; read as ${asMeant} like the baseline and targets (${unitName(meant)}); did you mean ${asMeant}?`,
          data: { field: name, value: value.value, readAs: meant.unit },
        });
      }
    }
    return drafts;
  },
});
