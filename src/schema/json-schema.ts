/** The JSON Schema of the output, generated from the zod schemas (the single source of truth). */
import { z } from "zod";
import { Output } from "./records.js";

export function outputJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Output, { target: "draft-2020-12", io: "output" }) as Record<string, unknown>;
  return { $schema: schema.$schema, title: "lsp-report output", ...schema };
}

export function outputJsonSchemaText(): string {
  return `${JSON.stringify(outputJsonSchema(), null, 2)}\n`;
}
