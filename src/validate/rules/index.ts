/** Every rule, in the order findings of one place are listed. Ids are a public contract. */
import actionOverdue from "./action-overdue.js";
import directionMismatch from "./direction-mismatch.js";
import duplicateIndicator from "./duplicate-indicator.js";
import duplicateReference from "./duplicate-reference.js";
import fieldMissing from "./field-missing.js";
import headingUnrecognised from "./heading-unrecognised.js";
import htmlResidue from "./html-residue.js";
import indicatorsMissing from "./indicators-missing.js";
import inputUnreadable from "./input-unreadable.js";
import noReportFound from "./no-report-found.js";
import overallRatingMismatch from "./overall-rating-mismatch.js";
import overallRatingMissing from "./overall-rating-missing.js";
import periodMismatch from "./period-mismatch.js";
import polarityUnknown from "./polarity-unknown.js";
import ragColourOnly from "./rag-colour-only.js";
import ragInvalid from "./rag-invalid.js";
import ragMismatch from "./rag-mismatch.js";
import ragMissing from "./rag-missing.js";
import ragUnjudged from "./rag-unjudged.js";
import ragWithoutData from "./rag-without-data.js";
import ratingTrendMismatch from "./rating-trend-mismatch.js";
import referenceInvalid from "./reference-invalid.js";
import rowShifted from "./row-shifted.js";
import resultNotReported from "./result-not-reported.js";
import resultPending from "./result-pending.js";
import tablesMissing from "./tables-missing.js";
import targetMissing from "./target-missing.js";
import themePlaceholder from "./theme-placeholder.js";
import timescaleInText from "./timescale-in-text.js";
import timescaleUnparsed from "./timescale-unparsed.js";
import trackedChanges from "./tracked-changes.js";
import unitMismatch from "./unit-mismatch.js";
import unitMissing from "./unit-missing.js";
import unrecognisedContent from "./unrecognised-content.js";
import type { Rule } from "../rule.js";

export const RULES: readonly Rule[] = [
  inputUnreadable,
  noReportFound,
  periodMismatch,
  headingUnrecognised,
  trackedChanges,
  unrecognisedContent,
  rowShifted,
  duplicateReference,
  referenceInvalid,
  themePlaceholder,
  tablesMissing,
  fieldMissing,
  overallRatingMissing,
  indicatorsMissing,
  duplicateIndicator,
  overallRatingMismatch,
  directionMismatch,
  ragInvalid,
  ragMismatch,
  ragMissing,
  ragWithoutData,
  ragColourOnly,
  ragUnjudged,
  ratingTrendMismatch,
  unitMismatch,
  unitMissing,
  targetMissing,
  resultNotReported,
  resultPending,
  polarityUnknown,
  timescaleUnparsed,
  timescaleInText,
  actionOverdue,
  htmlResidue,
];

export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

export function findRule(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
