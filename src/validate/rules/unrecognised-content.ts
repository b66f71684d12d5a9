import { defineRule, quote, type Draft } from "../rule.js";

export default defineRule({
  id: "unrecognised-content",
  severity: "warning",
  scope: "report",
  description: "A table (or rows) that matches no known layout of an update",
  docs: `Tables are recognised by their header text (PI Ref, Definition, Target…; Key Actions, Timescale…). A table whose headers match none of the known layouts is kept aside, not read into records: its indicators or actions are missing from the output.
Example: a table that matches no known layout: "Measure | Q1 | Q2 | Q3" (check its header row)
Quiet: for every table whose header row matches a known layout (or a synonym, or a header mapped in the configuration's "headers"), for loose paragraphs and captions ("TP 2a - Creating safer environment…"), and for empty rows.
Fix: use the template's headers, or tell the lsp-report maintainers about the new layout.`,
  check({ report }) {
    const drafts: Draft[] = [];
    const describe = (kind: string) => (kind === "table" ? "a table" : "rows");
    for (const item of report.unrecognised.filter((entry) => entry.kind !== "paragraph")) {
      drafts.push({ message: `${describe(item.kind)} before the first update that ${item.kind === "rows" ? "match" : "matches"} no known layout: ${quote(item.text)}`, location: item.location });
    }
    for (const priority of report.priorities) {
      // Loose paragraphs are captions and notes ("TP 2a - Creating safer environment…"): only tables count.
      for (const item of priority.unrecognised.filter((entry) => entry.kind !== "paragraph")) {
        drafts.push({ priority, message: `${describe(item.kind)} that ${item.kind === "rows" ? "match" : "matches"} no known layout: ${quote(item.text)} (check the header row)`, location: item.location });
      }
    }
    return drafts;
  },
});
