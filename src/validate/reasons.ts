/**
 * Why an indicator has no figure, when the update says so outside the result cell: the
 * Comments ("The Home Office are currently reviewing the methodology…", NI 30) or the Baseline
 * ("Baseline and targets to be taken from the 2008 Place Survey…", "To be set by the Office of
 * the Third Sector Survey", NI 1 and NI 7).
 */
import type { Indicator, ValueStatus } from "../schema/records.js";

/** Baseline cells that say the figures are not there yet. */
const PENDING_BASELINE = new Set<ValueStatus>(["to-be-set", "to-be-determined", "new-indicator", "annual", "not-yet-reported", "awaiting-data", "withdrawn"]);

/** Words in a comment that explain a missing figure. */
const REASON =
  /\b(?:(?:currently |being )?review(?:ing|ed)? (?:of )?the (?:methodology|definition|measure)|methodology (?:is |has )?(?:being |under )?(?:review|reviewed|changed|not (?:yet )?(?:confirmed|agreed))|awaiting (?:clarity|data|results?|confirmation|guidance|publication)|not (?:yet )?(?:available|published|reported|collected)|(?:will|to) be (?:reported|available|published|confirmed|set)|reported (?:annually|in arrears)|months? in arrears|time lag|no data (?:is |are )?(?:yet )?available|deleted from the national|new (?:national )?indicator)\b/i;

/** The reason the update gives for a missing figure, as written, or null. */
export function reasonGivenElsewhere(indicator: Indicator): { where: "comments" | "baseline"; text: string } | null {
  if (indicator.baseline.value === null && PENDING_BASELINE.has(indicator.baseline.status)) return { where: "baseline", text: indicator.baseline.raw };
  const comment = REASON.exec(indicator.comments);
  if (comment) {
    // The sentence the reason stands in.
    const sentences = indicator.comments.split(/(?<=[.!?])\s+/);
    return { where: "comments", text: sentences.find((sentence) => sentence.includes(comment[0])) ?? indicator.comments };
  }
  return null;
}
