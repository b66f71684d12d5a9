/**
 * What `report`, `parse --format xlsx` and `convert --format xlsx` share: the findings of the
 * reports, and writing a workbook to a file. A workbook is binary, so it is only ever written
 * to a file named with -o (parse) or put in --out-dir (convert).
 */
import { join, resolve } from "node:path";
import { inputRoots, outputProblem } from "../../batch/outputs.js";
import type { ReportFinding } from "../../emit/dashboard/findings.js";
import type { Finding } from "../../schema/findings.js";
import type { Config } from "../../schema/config.js";
import { validate } from "../../validate/index.js";
import type { Report } from "../../schema/records.js";
import type { CommandContext } from "../context.js";
import type { CliIo } from "../io.js";
import { writeOutput } from "../output.js";
import { searchRoot } from "../inputs.js";
import { loadReports } from "../load.js";
import { EXIT_OK, EXIT_USAGE } from "../exit-codes.js";

/**
 * The findings of all the reports, checked together (duplicates and quarter-to-quarter checks
 * see every input), each stamped with its report's source.
 */
export function findingsOf(reports: Report[], config: Config = {}): Finding[] {
  return validate(reports, config);
}

/** Write the workbook; false (with the reason on stderr) when the file cannot be written. */
export async function writeWorkbook(reports: Report[], findings: ReportFinding[] | null, path: string, io: CliIo, display = path): Promise<boolean> {
  // Loaded only when a workbook is asked for, so `parse` to JSON does not load the writer.
  const { workbookBytes } = await import("../../emit/xlsx.js");
  return writeOutput(io, path, workbookBytes(reports, findings), display);
}

export const XLSX_NEEDS_FILE = "--format xlsx writes a binary workbook, which a terminal or pipe cannot show: name a file with -o, e.g. -o records.xlsx";

/** The file `convert --format xlsx` puts in --out-dir. */
export const WORKBOOK_NAME = "workbook.xlsx";

export interface ConvertWorkbookOptions {
  outDir: string;
  validate?: boolean;
  quiet?: boolean;
  jobs: number;
}

/**
 * `convert --format xlsx`: every input into one workbook in --out-dir. A workbook is written
 * whole, so the reports are gathered first (through the same worker pool as the CSV batch),
 * then written atomically; the same refusals as convert's other formats keep it out of the inputs.
 */
export async function convertToWorkbook(inputs: string[], options: ConvertWorkbookOptions, context: CommandContext, io: CliIo): Promise<number> {
  const outDir = resolve(io.cwd, options.outDir);
  const path = join(outDir, WORKBOOK_NAME);
  const refusal = await outputProblem(outDir, options.outDir, await inputRoots(await Promise.all(inputs.map((input) => searchRoot(input, io.cwd))), io.cwd), [path]);
  if (refusal) {
    io.stderr(`lsp-report: ${refusal}\n`);
    return EXIT_USAGE;
  }
  const { reports, failures } = await loadReports(inputs, io, { debug: context.debug, jobs: options.jobs, document: context.document, ignore: context.ignore });
  if (reports.length === 0) {
    io.stderr("lsp-report: nothing to convert\n");
    return EXIT_USAGE;
  }
  const findings = options.validate ? findingsOf(reports, context.config) : null;
  if (!(await writeWorkbook(reports, findings, path, io, join(options.outDir, WORKBOOK_NAME)))) return EXIT_USAGE;
  if (!options.quiet) {
    const updates = reports.reduce((sum, report) => sum + report.priorities.length, 0);
    const of = failures.length > 0 ? ` of ${reports.length + failures.length}` : "";
    io.stderr(`Converted ${reports.length}${of} files (${updates} updates) into ${join(options.outDir, WORKBOOK_NAME)}${findings ? `, with ${findings.length} findings` : ""}\n`);
  }
  return failures.length > 0 ? EXIT_USAGE : EXIT_OK;
}
