import { STANDARD_REFERENCE, themeCodes } from "../../parse/heading.js";
import type { Priority } from "../../schema/records.js";
import { defineRule, type Draft } from "../rule.js";

/** The words that name a theme: "Health & Well-being" → health, wellbeing. */
const themeWords = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z\s]/g, "")
    .split(/\s+/)
    .filter((word) => word && !["and", "the", "of", "for"].includes(word));

/** One theme named two ways ("Enterprise & Economy", "Enterprise and the Economy"): the words of one stand in the other. */
export function sameTheme(a: string, b: string): boolean {
  const [wordsA, wordsB] = [themeWords(a), themeWords(b)];
  const [shorter, longer] = wordsA.length <= wordsB.length ? [wordsA, wordsB] : [wordsB, wordsA];
  return shorter.length > 0 && shorter.every((word) => longer.some((other) => other.startsWith(word.slice(0, 5)) || word.startsWith(other.slice(0, 5))));
}

/** The theme code of the theme the heading names, if it is a known one. */
function headingCode(priority: Priority, codes: Record<string, string>): string | null {
  const heading = priority.headingTheme.trim();
  if (!heading || priority.themePlaceholder) return null;
  return Object.entries(codes).find(([, name]) => sameTheme(heading, name))?.[0] ?? null;
}

/** Letters typed for digits: "TP-Id" (capital i), "TP-ld", "TP-O1a". */
const DIGIT_LOOKALIKES: Record<string, string> = { I: "1", l: "1", i: "1", "|": "1", O: "0", o: "0" };

/**
 * The nearest valid reference to a mistyped one, under the heading's theme: "TP-Id" → TP-1d,
 * "TO-1d" under a Thriving Places heading → TP-1d. Null when nothing sensible is near.
 */
export function nearestReference(raw: string, code: string | null): string | null {
  const match = /^\s*([A-Za-z]{2,4})\s*[-–.]?\s*([0-9Iil|Oo]{1,2})\s*([A-Za-z])\s*$/.exec(raw);
  if (!match) return null;
  const [, letters = "", written = "", letter = ""] = match; // every group takes part
  const digits = [...written].map((char) => DIGIT_LOOKALIKES[char] ?? char).join("");
  const number = Number(digits);
  if (!Number.isInteger(number) || number < 1) return null;
  return `${code ?? letters.toUpperCase()}-${number}${letter.toLowerCase()}`;
}

const EXAMPLE = "a theme code, outcome number and priority letter such as HM-1a";

export default defineRule({
  id: "reference-invalid",
  severity: "error",
  scope: "priority",
  description: "A reference that cannot be read, is not in the standard form, has an unknown theme code, or does not match the heading's theme",
  docs: `A reference is a theme code, a hyphen, the outcome number and the priority letter: HM-1a, TP-2b, HW-3b. The code must be a known theme (HM Harmonious Communities, TP Thriving Places, HW Health and Wellbeing, …; add your own under "themes" in lsp-report.config.json) and must match the theme the heading names. A reference written another way that can still be read ("HM1a", "HM 1a", "TP-01d") is reported as a warning quoting it with its standard form (it is read as that form, so the update is still checked and matched across quarters); one that cannot be read, or whose theme code is wrong, is an error, with the nearest valid reference under the heading's theme as a suggestion ("TP-Id" → TP-1d, "TO-1d" under a Thriving Places heading → TP-1d).
Example: reference "TO-1d": theme code TO is not a known theme; the heading says Thriving Places (TP): did you mean TP-1d?
Quiet: for a reference in the standard form whose known theme code agrees with the heading (or with no heading theme to compare, as under the template's placeholder: see theme-placeholder).
Fix: correct the reference or the heading.`,
  check({ priority, config }) {
    const codes = themeCodes(config.themes);
    const fromHeading = headingCode(priority, codes);
    const raw = priority.referenceRaw?.trim() ?? priority.reference;
    const location = priority.location;
    const unreadable = (): Draft[] => {
      const nearest = nearestReference(raw, fromHeading);
      const hint = nearest && nearest !== raw ? `; did you mean ${nearest}?` : "";
      return [{ message: `reference "${raw}" is not ${EXAMPLE}${hint}`, location, data: { written: raw, suggestion: nearest } }];
    };
    if (!priority.reference) {
      if (!raw) return [{ message: `no reference in the heading (${EXAMPLE})`, location }];
      return unreadable();
    }
    const match = STANDARD_REFERENCE.exec(priority.reference);
    if (!match) return unreadable();
    const drafts: Draft[] = [];
    const [, themeCode = ""] = match;
    const name = codes[themeCode];
    if (!name) {
      const nearest = fromHeading ? nearestReference(priority.reference, fromHeading) : null;
      const hint = nearest
        ? `; the heading says ${priority.headingTheme.trim()} (${fromHeading}): did you mean ${nearest}?`
        : ` (known: ${Object.keys(codes).join(", ")}); if it is a theme of your plan, add it under "themes" in lsp-report.config.json`;
      return [{ message: `reference "${raw}": theme code ${themeCode} is not a known theme${hint}`, location, data: { written: raw, code: themeCode, suggestion: nearest } }];
    }
    const heading = priority.headingTheme.trim();
    if (!priority.themePlaceholder && heading && !sameTheme(heading, name)) {
      const nearest = fromHeading ? nearestReference(priority.reference, fromHeading) : null;
      return [{ message: `reference ${priority.reference} has theme code ${themeCode} (${name}) but the heading says ${heading}${nearest ? `; did you mean ${nearest}?` : ""}`, location, data: { code: themeCode, heading, suggestion: nearest } }];
    }
    if (raw && raw !== priority.reference) {
      drafts.push({ message: `reference "${raw}" is not in the standard form: write ${priority.reference}`, location, severity: "warning", data: { written: raw, standard: priority.reference } });
    }
    return drafts;
  },
});
