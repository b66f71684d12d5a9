import type { Output, Priority, Report } from "../schema/records.js";
import { SCHEMA_VERSION } from "../schema/version.js";

export function toOutput(reports: Report[]): Output {
  return { schemaVersion: SCHEMA_VERSION, reports };
}

export function emitJson(reports: Report[]): string {
  return `${JSON.stringify(toOutput(reports), null, 2)}\n`;
}

/** Stands for the array items written one by one; NUL never occurs in a file path. */
const MARK = "\u0000items\u0000";
const QUOTED_MARK = JSON.stringify(MARK);

/**
 * The text of JSON.stringify(value, null, 2) as it stands `depth` levels deep in a larger value
 * (every line after the first indented by two spaces a level). JSON.stringify escapes line
 * breaks inside strings, so every line break in its output is one of its own.
 */
function nested(value: unknown, depth: number): string {
  const text = JSON.stringify(value, null, 2);
  return depth === 0 ? text : text.replaceAll("\n", `\n${"  ".repeat(depth)}`);
}

/** The text of `value` nested `depth` deep, cut around the one array item MARK in it: what comes before the items, and after. */
function around(value: unknown, depth: number): [string, string] {
  const text = nested(value, depth);
  const at = text.indexOf(QUOTED_MARK);
  return [text.slice(0, text.lastIndexOf("\n", at)), text.slice(at + QUOTED_MARK.length)];
}

/**
 * emitJson in pieces, byte for byte the same text, so that a command can write each update as
 * soon as it is parsed and let it go, instead of holding every record and the whole text (for a
 * 62 MB text file of 10,000 updates: 355 MB of JSON). Each method returns the next piece; a
 * report is opened with its first update, as a report without updates is never written.
 */
export class JsonPieces {
  private reports = 0;
  private updates = 0;

  /** Opens the output (before the first report) and `report`, then writes `update` into it. */
  update(report: Report, update: Priority): string {
    let text = "";
    if (this.updates === 0) {
      if (this.reports === 0) text += around(toOutput([MARK as unknown as Report]), 0)[0];
      text += `${this.reports > 0 ? "," : ""}\n    ${around({ ...report, priorities: [MARK] }, 2)[0]}`;
    }
    text += `${this.updates > 0 ? "," : ""}\n        ${nested(update, 4)}`;
    this.updates++;
    return text;
  }

  /** Closes the report that update() opened, with what came to light while its updates were read. */
  endReport(report: Report): string {
    if (this.updates === 0) return "";
    this.updates = 0;
    this.reports++;
    return around({ ...report, priorities: [MARK] }, 2)[1];
  }

  /** The end of the output (all of it when no report was written). */
  end(): string {
    if (this.reports === 0) return emitJson([]);
    return `${around(toOutput([MARK as unknown as Report]), 0)[1]}\n`;
  }
}
