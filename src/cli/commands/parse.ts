/** `lsp-report parse`: inputs → JSON or CSV records on standard output or a file. */
import type { RecordKind } from "../../emit/csv.js";
import { openContext, type ReadingOptions } from "../context.js";
import type { CliIo } from "../io.js";
import { streamRecords } from "../records-stream.js";
import { loadReports } from "../load.js";
import { EXIT_OK, EXIT_USAGE } from "../exit-codes.js";
import { findingsOf, writeWorkbook, XLSX_NEEDS_FILE } from "./workbook.js";

export interface ParseCommandOptions extends ReadingOptions {
  format: "json" | "csv" | "xlsx";
  records: RecordKind;
  output?: string;
  bom?: boolean;
}

export async function runParse(inputs: string[], options: ParseCommandOptions, io: CliIo): Promise<number> {
  const context = await openContext(io, options);
  if (!context) return EXIT_USAGE;
  if (options.format === "xlsx" && !options.output) {
    io.stderr(`lsp-report: ${XLSX_NEEDS_FILE}\n`);
    return EXIT_USAGE;
  }
  if (options.format === "xlsx") {
    const { reports, failures } = await loadReports(inputs, io, { debug: context.debug, document: context.document, ignore: context.ignore });
    const written = await writeWorkbook(reports, findingsOf(reports, context.config), options.output!, io);
    return !written || failures.length > 0 ? EXIT_USAGE : EXIT_OK;
  }
  // Written as read, an update at a time: a large file is never held whole as records or as text.
  const { format, records, bom, output } = options;
  const ok = await streamRecords(inputs, { format, records, bom, output, debug: context.debug, document: context.document, ignore: context.ignore }, io);
  return ok ? EXIT_OK : EXIT_USAGE;
}
