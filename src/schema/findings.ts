/**
 * What `lsp-report validate` reports, defined once like the records: the finding, the JSON
 * output (a public contract, schemaVersion "1": fields are only ever added) and the types.
 */
import { z } from "zod";
import { Location, SCHEMA_VERSION, SourceFormat } from "./records.js";

export const Severity = z.enum(["error", "warning", "info"]);

export const FindingData = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
  .describe("The figures behind the verdict, e.g. result, target, polarity, tolerance, computed, rated");

export const Finding = z.object({
  rule: z.string().describe("The rule's stable id, e.g. rag-mismatch (lsp-report rules)"),
  severity: Severity,
  message: z.string().describe("What is wrong, where and why, with the numbers"),
  source: z.string().describe("The input the finding is about, as given on the command line"),
  reference: z.string().nullable().describe("The improvement priority, e.g. TP-1d; null for a finding about a whole file"),
  indicator: z.string().nullable().describe("The PI Ref, e.g. NI 187, when the finding concerns one indicator"),
  measure: z.string().nullable().describe("When one PI Ref has several rows, which one, e.g. SAP > 65"),
  year: z.string().nullable(),
  quarter: z.number().int().min(1).max(4).nullable(),
  location: Location.nullable().describe("The cell the finding is about: table, row, cell (grid column) and column (its header as written), or line and cell; the update's heading for a finding about the whole update"),
  place: z
    .string()
    .optional()
    .describe("Where the finding is, in the document's terms: update › indicator or action › column and the cell's text, e.g. 'TP-1d › NI 187 › RAG Rating \"Amber\"'"),
  data: FindingData.optional(),
});

export const FileFindings = z.object({
  path: z.string(),
  format: SourceFormat.nullable().describe("null when the file could not be read"),
  findings: z.array(Finding),
});

export const ValidateOutput = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    files: z.array(FileFindings),
    summary: z.object({
      files: z.number().int(),
      errors: z.number().int(),
      warnings: z.number().int(),
      infos: z.number().int(),
    }),
  })
  .describe("lsp-report validate output");

export type Severity = z.infer<typeof Severity>;
export type FindingData = z.infer<typeof FindingData>;
export type Finding = z.infer<typeof Finding>;
export type FileFindings = z.infer<typeof FileFindings>;
export type ValidateOutput = z.infer<typeof ValidateOutput>;
