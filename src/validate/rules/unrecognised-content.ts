import type { Unrecognised } from "../../schema/records.js";
import { defineRule, quote, type Draft } from "../rule.js";

/** The header cells of an unrecognised table: the cells of its first row. */
const headerCells = (item: Unrecognised) => (item.text.split("\n")[0] ?? "").split(" | ").filter(Boolean);

const MAP_IT = `map it under "headers" in lsp-report.config.json (e.g. { "headers": { "So far": "indicator.result" } })`;

export default defineRule({
  id: "unrecognised-content",
  severity: "warning",
  scope: "report",
  description: "A table, or a column of a known table, whose header matches no known field",
  docs: `Tables are recognised by their header text, in the wordings councils use (PI Ref, PI, Performance Indicator, Measure; RAG Rating, RAG Status, Status; Year to Date Performance, Result to date, Actual; Progress, Progress to date, Update; Lead Officer, Responsible Officer; Timescale, Deadline…), and by any header mapped onto a field under "headers" in lsp-report.config.json. A table whose headers match no known layout is kept aside, not read into records: its indicators or actions are missing from the output. A header cell of a recognised table that names no field leaves its column unread. Either way the message names the header cells it could not place.
Example: a table that matches no known layout: could not place its header cells "Measure", "So far", "Aim" (check the header row, or map them under "headers" in lsp-report.config.json)
Quiet: for every table whose header row matches a known layout and whose every named header cell is placed (empty header cells take the field of the merged cell to their left), for loose paragraphs and captions ("TP 2a - Creating safer environment…"), and for empty rows.
Fix: use the template's headers, or map the header texts onto fields under "headers" in lsp-report.config.json.`,
  check({ report }) {
    const drafts: Draft[] = [];
    const describe = (item: Unrecognised, where: string, priority?: Draft["priority"]) => {
      if (item.kind === "column") {
        const [, table, header] = /^(.*?) table: (.*)$/s.exec(item.text) ?? [item.text, "a", item.text];
        drafts.push({ priority, location: item.location, message: `the ${table} table's header ${quote(header)} names no known field, so its column is not read; ${MAP_IT}`, data: { header, table } });
        return;
      }
      const cells = headerCells(item);
      const what = item.kind === "table" ? "a table" : "rows";
      drafts.push({
        priority,
        location: item.location,
        message: `${what}${where} that ${item.kind === "rows" ? "match" : "matches"} no known layout: could not place ${cells.length === 1 ? "its cell" : "its header cells"} ${cells.slice(0, 8).map((cell) => quote(cell, 40)).join(", ")}${cells.length > 8 ? ", …" : ""} (check the header row, or ${MAP_IT})`,
        data: { cells: cells.length },
      });
    };
    for (const item of report.unrecognised.filter((entry) => entry.kind !== "paragraph")) describe(item, " before the first update");
    for (const priority of report.priorities) {
      // Loose paragraphs are captions and notes ("TP 2a - Creating safer environment…"): only tables count.
      for (const item of priority.unrecognised.filter((entry) => entry.kind !== "paragraph")) describe(item, "", priority);
    }
    return drafts;
  },
});
