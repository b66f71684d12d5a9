/**
 * `lsp-report report`: inputs → one self-contained HTML dashboard (RAG matrix, indicators with
 * charts, findings, summary), written to -o or standard output. Findings do not change the exit
 * code: the dashboard shows them; `validate` is the command that fails on them.
 */
import { renderDashboard } from "../../emit/dashboard/index.js";
import { openContext, type ReadingOptions } from "../context.js";
import type { CliIo } from "../io.js";
import { writeOutput } from "../output.js";
import { loadReports } from "../load.js";
import { EXIT_OK, EXIT_USAGE } from "../exit-codes.js";
import { findingsOf } from "./workbook.js";

export interface ReportCommandOptions extends ReadingOptions {
  output?: string;
  title?: string;
  validate: boolean;
}

/** "22 November 2026"; SOURCE_DATE_EPOCH (seconds) pins it for reproducible output. */
export function generatedOn(env: CliIo["env"]): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const date = env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
}

export async function runReport(inputs: string[], options: ReportCommandOptions, io: CliIo): Promise<number> {
  // A bad configuration stops the command before anything is read: a dashboard checked with
  // settings the user did not mean would mislead the board. Its theme codes apply even unchecked.
  const context = await openContext(io, options);
  if (!context) return EXIT_USAGE;
  const { config } = context;
  const { reports, failures } = await loadReports(inputs, io, { debug: context.debug, document: context.document, ignore: context.ignore });
  if (reports.length === 0) {
    io.stderr("lsp-report: no update to report: nothing written\n");
    return EXIT_USAGE;
  }
  const findings = options.validate ? findingsOf(reports, config) : null;
  const html = renderDashboard(reports, findings ?? [], {
    title: options.title,
    generated: `Generated ${generatedOn(io.env)} by lsp-report`,
    validation: findings ? "run" : "off",
  });
  if (!(await writeOutput(io, options.output, html))) return EXIT_USAGE;
  return failures.length > 0 ? EXIT_USAGE : EXIT_OK;
}
