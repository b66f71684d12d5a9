import type { Output, Report } from "../schema/records.js";
import { SCHEMA_VERSION } from "../schema/version.js";

export function toOutput(reports: Report[]): Output {
  return { schemaVersion: SCHEMA_VERSION, reports };
}

export function emitJson(reports: Report[]): string {
  return `${JSON.stringify(toOutput(reports), null, 2)}\n`;
}
