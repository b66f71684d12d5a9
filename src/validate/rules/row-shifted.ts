import { actionCells, indicatorCells, shiftedRight, type RowCell, type Shift } from "../alignment.js";
import { defineRule, label, quote, type Draft } from "../rule.js";

/** A column by its header as written, kept short enough to read in a sentence. */
function header(cell: RowCell): string {
  const text = (cell.location.column ?? cell.field).replace(/\s+/g, " ").trim();
  return text.length > 32 ? `${text.slice(0, 31).trimEnd()}…` : text;
}

function describe(shift: Shift): { message: string; data: Record<string, string | number> } {
  const seen = shift.misfits.map(({ cell, why }) => `${header(cell)} holds ${why} (${quote(cell.text, 30)})`);
  const read = shift.shifted.map(({ column, text }) => `${header(column)} ${text.trim() ? quote(text, 30) : "blank"}`);
  return {
    message: `the row's cells look shifted one column right from ${header(shift.gap)}, which is blank: ${seen.join("; ")}; read one column left they fit their headers: ${read.join(", ")}; the row's other checks wait until it is put right`,
    data: { blankColumn: shift.gap.location.column ?? shift.gap.field, blankCell: shift.gap.location.cell ?? 0, misfits: shift.misfits.length, shiftedCells: shift.shifted.length },
  };
}

export default defineRule({
  id: "row-shifted",
  severity: "warning",
  scope: "priority",
  description: "A row whose cells stand one column right of their headers",
  docs: `A cell deleted, added or merged in one row of a Word table moves the rest of that row along, so each value sits under the wrong header: a target under Baseline, the result under RAG Rating, next steps under Risk / Challenges, a paragraph under Timescale. Every reading of such a row is wrong (its figures are judged against the wrong target, its timescale is a guess), so this finding replaces the row's other findings until it is put right.
The row is called shifted when, from a blank cell on, some cell plainly does not fit its column (a rating or a PI Ref under a figure column, more than 25 words under a figure column or Timescale, more than 8 under RAG Rating, a PI Ref under Definition, a date or more than 15 words under Contributory Officer), and read one column to the left every cell fits.
Example: the row's cells look shifted one column right from Next Steps / Future Milestones…, which is blank: Timescale holds 70 words of text, not a date ("Work is being progressed to r…"); read one column left they fit their headers: Next Steps / Future Milestones… "Work in Partnership with the …", Risk / Challenges "Work is being progressed to r…", Timescale blank, Contributory Officer blank; the row's other checks wait until it is put right
Quiet: for a row that is only unusual: a blank cell with every later cell fitting its column (a blank Next Steps beside a partner's note, a blank Risk / Challenges before a timescale of a few words), a long note under Timescale with no blank cell before it (timescale-unparsed), a cell that does not fit and would not fit one column left either, and a blank first cell under which the rest already fit (a second measure of one PI).
Fix: in Word, put each value back under its header (merge or delete the empty cell the row gained, or split the one it lost).`,
  check({ priority }) {
    const drafts: Draft[] = [];
    for (const indicator of priority.indicators) {
      const shift = shiftedRight(indicatorCells(indicator), priority);
      if (!shift) continue;
      const { message, data } = describe(shift);
      // A row shifted from its first cell has its PI Ref under Definition: name it by that.
      const movedRef = !indicator.ref && shift.gap.field === "ref" ? shift.shifted[0]?.text.trim() : undefined;
      const subject = movedRef ? `${movedRef} (its PI Ref one column right)` : label(indicator);
      drafts.push({ indicator, field: shift.gap.field === "target" ? undefined : shift.gap.field, location: shift.gap.location, message: `${subject}: ${message}`, data });
    }
    for (const action of priority.actions) {
      const shift = shiftedRight(actionCells(action), priority);
      if (!shift) continue;
      const { message, data } = describe(shift);
      drafts.push({ action, field: shift.gap.field, location: shift.gap.location, message, data });
    }
    return drafts;
  },
});
