/**
 * The JSON Schemas of what lsp-report reads and writes, generated from the zod schemas (the
 * single source of truth) and committed in schemas/ (a test keeps them equal).
 */
import { z } from "zod";
import { Config } from "./config.js";
import { ValidateOutput } from "./findings.js";
import { Output } from "./records.js";

export const SCHEMAS = {
  output: { title: "lsp-report output", schema: Output, file: "lsp-report.schema.json", io: "output" },
  findings: { title: "lsp-report validate output", schema: ValidateOutput, file: "lsp-report-findings.schema.json", io: "output" },
  config: { title: "lsp-report.config.json", schema: Config, file: "lsp-report-config.schema.json", io: "input" },
} as const;

export type SchemaName = keyof typeof SCHEMAS;

export function jsonSchema(which: SchemaName = "output"): Record<string, unknown> {
  const { title, schema, io } = SCHEMAS[which];
  const generated = z.toJSONSchema(schema, { target: "draft-2020-12", io }) as Record<string, unknown>;
  return { $schema: generated.$schema, title, ...generated };
}

export function jsonSchemaText(which: SchemaName = "output"): string {
  return `${JSON.stringify(jsonSchema(which), null, 2)}\n`;
}
