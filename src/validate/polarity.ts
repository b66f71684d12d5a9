/**
 * Which way is better for an indicator (docs/domain.md "RAG ratings, and when one is right"), from the strongest signal
 * that decides: the configuration, the bundled catalogue, the comment text, the wording of the
 * target ("At least…", "…reduction on baseline"), the trajectory of the yearly targets, and last
 * the direction from baseline to target. When none decides the answer is null: we say so
 * rather than guess.
 */
import type { Indicator } from "../schema/records.js";
import type { UpdateSummary } from "./rule.js";
import { knownPolarity } from "./catalogue.js";
import type { Polarity } from "../schema/config.js";
import type { ResolvedConfig } from "./config.js";
import { figure } from "./figures.js";

export interface PolarityVerdict {
  polarity: Polarity;
  /** Where it came from, as a message says it: "from the indicator catalogue". */
  from: string;
}

/** "Good performance is typified by an increase…", "lower is better", "a reduction is good". */
const COMMENT_SIGNALS: [RegExp, Polarity][] = [
  [/good performance (?:is )?(?:typified|indicated|shown|demonstrated|measured)? ?(?:by )?(?:an? )?(?:increase|rise|higher|growth)/i, "higher"],
  [/good performance (?:is )?(?:typified|indicated|shown|demonstrated|measured)? ?(?:by )?(?:an? )?(?:decrease|reduction|fall|lower|drop)/i, "lower"],
  [/\b(?:higher|an increase|a rise) (?:is|=) (?:better|good)\b/i, "higher"],
  [/\b(?:lower|a decrease|a reduction|a fall) (?:is|=) (?:better|good)\b/i, "lower"],
];

export function polarityFromComments(comments: string): Polarity | null {
  for (const [pattern, polarity] of COMMENT_SIGNALS) if (pattern.test(comments)) return polarity;
  return null;
}

/** "At least 3,400" and "Increase of…" say higher; "no more than…" and "8% reduction on baseline" say lower. */
function polarityFromTargetWording(indicator: Indicator): Polarity | null {
  for (const target of indicator.targets) {
    if (target.comparator === "at-least" || target.change?.direction === "increase") return "higher";
    if (target.comparator === "at-most" || target.change?.direction === "reduction") return "lower";
  }
  return null;
}

/** 15.0% → 10.0% → 5.0% says lower is better; targets that go both ways say nothing. */
function polarityFromTrajectory(indicator: Indicator): { polarity: Polarity; from: string } | null {
  const targets = indicator.targets.filter((target) => target.value !== null).sort((a, b) => a.year.localeCompare(b.year));
  const [first] = targets;
  if (!first || targets.length < 2 || targets.some((target) => target.unit !== first.unit)) return null;
  // targets[index] is the target before this one; values are not null (filtered above).
  const steps = targets.slice(1).map((target, index) => Math.sign(target.value! - targets[index]!.value!));
  if (steps.every((step) => step > 0)) return { polarity: "higher", from: targets.map(figure).join(" → ") };
  if (steps.every((step) => step < 0)) return { polarity: "lower", from: targets.map(figure).join(" → ") };
  return null;
}

function polarityFromBaseline(indicator: Indicator, priority: UpdateSummary): { polarity: Polarity; from: string } | null {
  const baseline = indicator.baseline;
  const target = indicator.targets.find((candidate) => candidate.year === priority.year && candidate.value !== null) ?? indicator.targets.find((candidate) => candidate.value !== null);
  if (baseline.value === null || !target || target.value === baseline.value) return null;
  if (baseline.unit !== target.unit && baseline.unit !== null && target.unit !== null) return null;
  return { polarity: target.value! > baseline.value ? "higher" : "lower", from: figure(baseline) };
}

export function polarityOf(indicator: Indicator, priority: UpdateSummary, config: ResolvedConfig): PolarityVerdict | null {
  const known = knownPolarity(indicator.ref, indicator.measure, config);
  if (known) return { polarity: known.value, from: known.from === "configuration" ? "from the configuration" : "from the indicator catalogue" };
  const fromComments = polarityFromComments(indicator.comments);
  if (fromComments) return { polarity: fromComments, from: "from the comments" };
  const fromWording = polarityFromTargetWording(indicator);
  if (fromWording) return { polarity: fromWording, from: "from the wording of the target" };
  const trajectory = polarityFromTrajectory(indicator);
  if (trajectory) return { polarity: trajectory.polarity, from: `from the targets ${trajectory.from}` };
  const baseline = polarityFromBaseline(indicator, priority);
  if (baseline) return { polarity: baseline.polarity, from: `from baseline ${baseline.from}` };
  return null;
}

export function polarityWords(polarity: Polarity): string {
  return polarity === "higher" ? "higher is better" : "lower is better";
}
