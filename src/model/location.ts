/**
 * Where a record or finding was read from, in words: "line 45", "table 3 row 2", "table 38 row 2
 * cell 7" (a cell: its 1-based grid column), "paragraph 7"; "" when unknown.
 */
import type { Location } from "../schema/records.js";

export function locationText(location: Location | null | undefined): string {
  if (!location) return "";
  const cell = location.cell !== undefined ? ` cell ${location.cell}` : "";
  if (location.line !== undefined) return `line ${location.line}${cell}`;
  if (location.table !== undefined) return `table ${location.table}${location.row !== undefined ? ` row ${location.row}${cell}` : ""}`;
  if (location.paragraph !== undefined) return `paragraph ${location.paragraph}`;
  return "";
}
