/** Where a record was read from, in words: "line 45", "table 3 row 2", "paragraph 7"; "" when unknown. */
import type { Location } from "../schema/records.js";

export function locationText(location: Location | null | undefined): string {
  if (!location) return "";
  if (location.line !== undefined) return `line ${location.line}`;
  if (location.table !== undefined) return `table ${location.table}${location.row !== undefined ? ` row ${location.row}` : ""}`;
  if (location.paragraph !== undefined) return `paragraph ${location.paragraph}`;
  return "";
}
