/** `lsp-report parse`: inputs → JSON or CSV records on standard output or a file. */
import { emitCsv, type RecordKind } from "../../emit/csv.js";
import { emitJson } from "../../emit/json.js";
import type { CliIo } from "../io.js";
import { megabytes } from "../options.js";
import { writeOutput } from "../output.js";
import { loadReports } from "../load.js";
import { EXIT_OK, EXIT_USAGE } from "../exit-codes.js";
import { findingsOf, writeWorkbook, XLSX_NEEDS_FILE } from "./workbook.js";

export interface ParseCommandOptions {
  format: "json" | "csv" | "xlsx";
  records: RecordKind;
  output?: string;
  bom?: boolean;
  maxUnzippedMb: string;
  debug?: boolean;
}

export async function runParse(inputs: string[], options: ParseCommandOptions, io: CliIo): Promise<number> {
  const maxUncompressedBytes = megabytes(options.maxUnzippedMb, io);
  if (maxUncompressedBytes === null) return EXIT_USAGE;
  if (options.format === "xlsx" && !options.output) {
    io.stderr(`lsp-report: ${XLSX_NEEDS_FILE}\n`);
    return EXIT_USAGE;
  }
  const { reports, failures } = await loadReports(inputs, io, { debug: options.debug, maxUncompressedBytes });
  if (options.format === "xlsx") {
    const written = await writeWorkbook(reports, await findingsOf(reports), options.output!, io);
    return !written || failures.length > 0 ? EXIT_USAGE : EXIT_OK;
  }
  const text = options.format === "csv" ? emitCsv(reports, options.records, { bom: options.bom }) : emitJson(reports);
  if (!(await writeOutput(io, options.output, text))) return EXIT_USAGE;
  return failures.length > 0 ? EXIT_USAGE : EXIT_OK;
}
