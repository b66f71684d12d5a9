import { themeCodes } from "../../parse/heading.js";
import { defineRule } from "../rule.js";

const REFERENCE = /^([A-Z]{2,4})-(\d{1,2})([a-z])$/;

/** The words that name a theme: "Health & Well-being" → health, wellbeing. */
const themeWords = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z\s]/g, "")
    .split(/\s+/)
    .filter((word) => word && !["and", "the", "of", "for"].includes(word));

/** One theme named two ways ("Enterprise & Economy", "Enterprise and the Economy"): the words of one stand in the other. */
export function sameTheme(a: string, b: string): boolean {
  const [shorter, longer] = [themeWords(a), themeWords(b)].sort((x, y) => x.length - y.length);
  return shorter.length > 0 && shorter.every((word) => longer.some((other) => other.startsWith(word.slice(0, 5)) || word.startsWith(other.slice(0, 5))));
}

export default defineRule({
  id: "reference-invalid",
  severity: "error",
  scope: "priority",
  description: "A malformed reference, an unknown theme code, or a code that does not match the heading's theme",
  docs: `A reference is a theme code, the outcome number and the priority letter: HM-1a, TP-2b, HW-3b. The code must be a known theme (HM Harmonious Communities, TP Thriving Places, HW Health and Wellbeing, …; add your own under "themes" in lsp-report.config.json) and must match the theme the heading names.
Example: reference HM-2a has theme code HM (Harmonious Communities) but the heading says Thriving Places
Quiet: for a reference written in the standard form (theme code, hyphen, outcome number, priority letter: HM-1a) whose theme code is known and agrees with the heading; a heading that still says the template's placeholder is theme-placeholder's.
Fix: correct the reference or the heading.`,
  check({ priority, config }) {
    if (!priority.reference) {
      return [{ message: "no reference in the heading (a theme code, outcome number and priority letter such as HM-1a)", location: priority.location }];
    }
    const match = REFERENCE.exec(priority.reference);
    if (!match) {
      return [{ message: `reference "${priority.reference}" is not a theme code, outcome number and priority letter such as HM-1a`, location: priority.location }];
    }
    const codes = themeCodes(config.themes);
    const name = codes[match[1]];
    if (!name) {
      return [{ message: `reference ${priority.reference}: theme code ${match[1]} is not a known theme (known: ${Object.keys(codes).join(", ")}); add it under "themes" in lsp-report.config.json`, location: priority.location }];
    }
    const heading = priority.headingTheme.trim();
    if (!priority.themePlaceholder && heading && !sameTheme(heading, name)) {
      return [{ message: `reference ${priority.reference} has theme code ${match[1]} (${name}) but the heading says ${heading}`, location: priority.location, data: { code: match[1], heading } }];
    }
    return [];
  },
});
