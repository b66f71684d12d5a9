/** The validate output as data: findings grouped by input, and the counts (a public contract). */
import type { Report } from "../../schema/records.js";
import { SCHEMA_VERSION } from "../../schema/version.js";
import type { FileFindings, Finding, ValidateOutput } from "../../schema/findings.js";

export interface CheckedInput {
  path: string;
  format: Report["source"]["format"] | null;
}

/** Group findings by input, keeping the inputs' order; inputs with no finding are listed too. */
export function validateOutput(inputs: CheckedInput[], findings: Finding[]): ValidateOutput {
  const files: FileFindings[] = inputs.map((input) => ({ path: input.path, format: input.format, findings: [] }));
  const byPath = new Map(files.map((file) => [file.path, file]));
  for (const finding of findings) {
    let file = byPath.get(finding.source);
    if (!file) {
      file = { path: finding.source, format: null, findings: [] };
      files.push(file);
      byPath.set(file.path, file);
    }
    file.findings.push(finding);
  }
  const count = (severity: Finding["severity"]) => findings.filter((finding) => finding.severity === severity).length;
  return { schemaVersion: SCHEMA_VERSION, files, summary: { files: files.length, errors: count("error"), warnings: count("warning"), infos: count("info") } };
}

/** "3 errors", "1 warning": a count with its noun. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
