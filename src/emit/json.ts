import { SCHEMA_VERSION, type Output, type Report } from "../schema/records.js";

export function toOutput(reports: Report[]): Output {
  return { schemaVersion: SCHEMA_VERSION, reports };
}

export function emitJson(reports: Report[]): string {
  return `${JSON.stringify(toOutput(reports), null, 2)}\n`;
}
