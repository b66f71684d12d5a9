import { locationText } from "../../model/location.js";
import { defineRule, type InputsDraft, type ReportSummary, type UpdateSummary } from "../rule.js";

export default defineRule({
  id: "duplicate-reference",
  severity: "error",
  scope: "inputs",
  description: "The same reference twice in one year and quarter, across all inputs",
  docs: `Each improvement priority has one update a quarter. The same reference twice for one year and quarter, in one file or across the files checked together, means an update was pasted twice, or one was given the wrong reference, or two versions of a file were checked together.
Example: HM-1a 2008/09 Q2 appears twice: first at line 3 of q2-final.docx
Quiet: for the same reference in different quarters or years (HM-1a in Q2 and Q4 is two updates), and for updates without a reference (reference-invalid).
Fix: remove the extra update or correct its reference; check one version of each file.`,
  check({ reports }) {
    const first = new Map<string, { report: ReportSummary; priority: UpdateSummary }>();
    const drafts: InputsDraft[] = [];
    for (const report of reports) {
      for (const priority of report.priorities) {
        if (!priority.reference) continue; // reference-invalid reports a missing one
        const key = `${priority.reference}|${priority.year}|${priority.quarter}`;
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, { report, priority });
          continue;
        }
        const place = [locationText(earlier.priority.location), earlier.report === report ? "of this file" : `of ${earlier.report.source.path}`].filter(Boolean).join(" ");
        drafts.push({
          report,
          priority,
          field: "heading",
          message: `${priority.reference} ${priority.year} Q${priority.quarter} appears twice: first at ${place}`,
          data: { firstSource: earlier.report.source.path },
        });
      }
    }
    return drafts;
  },
});
