/**
 * `convert --validate`: the findings of one report as CSV rows for findings.csv.
 *
 * INTEGRATION POINT (validate engine): src/validate/ is being written alongside this module.
 * Until its API is fixed, the engine is loaded by name at run time and any export called
 * `validate(reports, config)` returning findings (an array, or `{ findings }`) is used; the
 * columns below read the usual fields of a finding. When src/validate/index.ts lands, replace
 * `loadValidator` with a typed static import and map its Finding type in `findingRow`.
 */
import { stringifyRows, type CsvRow } from "../emit/csv.js";
import type { Report } from "../schema/records.js";

export interface ValidateTaskOptions {
  /** Whatever the validate engine takes as configuration (structured-clonable). */
  config?: unknown;
}

type Finding = Record<string, unknown>;
type Validator = (reports: Report[], config?: unknown) => unknown;

export const FINDING_COLUMNS = ["source", "reference", "ref", "rule", "severity", "message", "location"];

let validator: Promise<Validator | null> | undefined;

/** The validate engine, or null when this build has none. */
export function loadValidator(): Promise<Validator | null> {
  const specifier = "../validate/index.js";
  validator ??= import(specifier).then(
    (module: Record<string, unknown>) => (typeof module.validate === "function" ? (module.validate as Validator) : null),
    () => null,
  );
  return validator;
}

function text(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function findingRow(report: Report, finding: Finding): CsvRow {
  const location = (finding.location ?? {}) as Record<string, unknown>;
  return {
    source: text(finding.source ?? location.source ?? report.source.path),
    reference: text(finding.reference ?? location.reference),
    ref: text(finding.ref ?? location.ref),
    rule: text(finding.rule ?? finding.id ?? finding.code),
    severity: text(finding.severity),
    message: text(finding.message),
    location: text(finding.location),
  };
}

export async function findingRows(report: Report, options: ValidateTaskOptions): Promise<{ text: string; rows: number }> {
  const validate = await loadValidator();
  if (!validate) throw new Error("the validate engine is not available in this build");
  const output = await validate([report], options.config);
  const findings = (Array.isArray(output) ? output : ((output as { findings?: unknown[] })?.findings ?? [])) as Finding[];
  const rows = findings.map((finding) => findingRow(report, finding));
  return { text: rows.length > 0 ? stringifyRows(rows, FINDING_COLUMNS, { header: false }) : "", rows: rows.length };
}
