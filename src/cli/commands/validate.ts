/**
 * `lsp-report validate`: read the inputs (through the worker pool when there are many), check
 * them together, and write the findings in the chosen format to standard output or -o.
 * Exit code: 2 when an input could not be read (or for usage errors); else 1 on any error, or
 * on more warnings than --max-warnings; else 0.
 */
import { createRequire } from "node:module";
import { FORMATTERS, validateOutput, type CheckedInput, type FormatName } from "../../emit/findings/index.js";
import { NO_UPDATE_FOUND } from "../../batch/reason.js";
import type { Finding } from "../../schema/findings.js";
import { fileFinding, Validation } from "../../validate/index.js";
import { colourLevel } from "../colour.js";
import { openContext, type ReadingOptions } from "../context.js";
import type { CliIo } from "../io.js";
import { writeOutput } from "../output.js";
import { streamReports } from "../load.js";
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE } from "../exit-codes.js";
import { parseJobs } from "../options.js";

export interface ValidateCommandOptions extends ReadingOptions {
  format: FormatName;
  output?: string;
  tolerance?: string;
  maxWarnings?: string;
  quiet?: boolean;
  color?: boolean;
  jobs?: string;
  /** Write an annotated copy of each .docx input into this folder. */
  annotate?: string;
}

/** A whole number from an option, or null after saying what is wrong. */
function wholeNumber(text: string | undefined, name: string, io: CliIo, minimum: number): number | null | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < minimum) {
    io.stderr(`lsp-report: ${name} takes a whole number of at least ${minimum}, not "${text}"\n`);
    return null;
  }
  return value;
}

function tolerancePercent(text: string | undefined, io: CliIo): number | null | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.replace(/%$/, ""));
  if (text.trim() === "" || !Number.isFinite(value) || value < 0 || value > 100) {
    io.stderr(`lsp-report: --tolerance takes a percentage of the target from 0 to 100, not "${text}"\n`);
    return null;
  }
  return value;
}

/** The tool as SARIF names it: this package's version and home page. */
function toolInfo(): { version: string; informationUri: string } {
  const manifest = createRequire(import.meta.url)("lsp-report/package.json") as { version: string; homepage?: string };
  return { version: manifest.version, informationUri: manifest.homepage ?? "https://www.npmjs.com/package/lsp-report" };
}

export async function runValidate(inputs: string[], options: ValidateCommandOptions, io: CliIo): Promise<number> {
  const maxWarnings = wholeNumber(options.maxWarnings, "--max-warnings", io, 0);
  const jobs = parseJobs(options.jobs, io);
  const tolerance = tolerancePercent(options.tolerance, io);
  if (maxWarnings === null || jobs === null || tolerance === null) return EXIT_USAGE;
  const context = await openContext(io, options, { tolerance });
  if (!context) return EXIT_USAGE;
  const { config } = context;
  if (options.annotate !== undefined) {
    const { annotateProblem } = await import("../annotate.js");
    const refusal = await annotateProblem(options.annotate, inputs, io, context.document.docxReader);
    if (refusal) {
      io.stderr(`lsp-report: ${refusal}\n`);
      return EXIT_USAGE;
    }
  }

  // Each update is checked as it is parsed and kept only as a summary: a long file is never held whole.
  const validation = new Validation(config);
  const { failures, order } = await streamReports(inputs, io, { debug: context.debug, document: context.document, ignore: context.ignore, jobs }, validation);
  const findings: Finding[] = [];
  for (const failure of failures) {
    const finding = fileFinding(failure.reason === NO_UPDATE_FOUND ? "no-report-found" : "input-unreadable", failure.display, failure.reason, config);
    if (finding) findings.push(finding);
  }
  findings.push(...validation.findings());
  const reports = validation.reports();

  const formats = new Map(reports.map((report) => [report.source.path, report.source.format]));
  const checked: CheckedInput[] = order.map((path) => ({ path, format: formats.get(path) ?? null }));
  const output = validateOutput(checked, findings);
  const shown = options.quiet ? validateOutput(checked, findings.filter((finding) => finding.severity === "error")) : output;
  // For people, --quiet still says what it left out (a run can fail on warnings it does not show).
  const notShown = options.quiet ? { warnings: output.summary.warnings, infos: output.summary.infos } : undefined;
  const updates = new Map(reports.map((report) => [report.source.path, report.priorities.map((priority) => `${priority.reference || "(no reference)"} ${priority.year} Q${priority.quarter}`)]));
  const level = options.output ? 0 : colourLevel(io, io.stdoutIsTTY, options.color);
  const text = FORMATTERS[options.format](shown, { colourLevel: level, updates, notShown, tool: toolInfo(), cwd: io.cwd });

  if (!(await writeOutput(io, options.output, text))) return EXIT_USAGE;
  if (options.annotate !== undefined) {
    const { writeAnnotated } = await import("../annotate.js");
    if (!(await writeAnnotated(options.annotate, reports, shown.files.flatMap((file) => file.findings), io, context.document.maxUncompressedBytes))) return EXIT_USAGE;
  }

  if (failures.some((failure) => failure.reason !== NO_UPDATE_FOUND)) return EXIT_USAGE;
  const { errors, warnings } = output.summary;
  if (errors > 0) return EXIT_FINDINGS;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`lsp-report: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return EXIT_FINDINGS;
  }
  return EXIT_OK;
}
