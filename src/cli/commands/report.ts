/**
 * `lsp-report report`: inputs → one self-contained HTML dashboard (RAG matrix, indicators with
 * charts, findings, summary), written to -o or standard output. Findings do not change the exit
 * code: the dashboard shows them; `validate` is the command that fails on them.
 */
import { renderDashboard } from "../../emit/dashboard/index.js";
import { configOrComplain } from "../config.js";
import type { CliIo } from "../io.js";
import { writeOutput } from "../output.js";
import { loadReports } from "../load.js";
import { EXIT_OK, EXIT_USAGE } from "../exit-codes.js";
import { megabytes } from "../options.js";
import { findingsOf } from "./workbook.js";

export interface ReportCommandOptions {
  output?: string;
  title?: string;
  validate: boolean;
  /** The validation settings file (--config); else lsp-report.config.json found upward. */
  config?: string;
  maxUnzippedMb: string;
  debug?: boolean;
}

/** "22 November 2026"; SOURCE_DATE_EPOCH (seconds) pins it for reproducible output. */
export function generatedOn(env: CliIo["env"]): string {
  const epoch = Number(env.SOURCE_DATE_EPOCH);
  const date = env.SOURCE_DATE_EPOCH && Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date();
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
}

export async function runReport(inputs: string[], options: ReportCommandOptions, io: CliIo): Promise<number> {
  const maxUncompressedBytes = megabytes(options.maxUnzippedMb, io);
  if (maxUncompressedBytes === null) return EXIT_USAGE;
  // A bad configuration stops the command before anything is read: a dashboard checked with
  // settings the user did not mean would mislead the board. Its theme codes apply even unchecked.
  const config = await configOrComplain(io, options.config);
  if (!config) return EXIT_USAGE;
  const { reports, failures } = await loadReports(inputs, io, { debug: options.debug, maxUncompressedBytes, themes: config.themes });
  if (reports.length === 0) {
    io.stderr("lsp-report: no update to report: nothing written\n");
    return EXIT_USAGE;
  }
  const findings = options.validate ? await findingsOf(reports, config) : null;
  const html = renderDashboard(reports, findings ?? [], {
    title: options.title,
    generated: `Generated ${generatedOn(io.env)} by lsp-report`,
    validation: findings ? "run" : "off",
  });
  if (!(await writeOutput(io, options.output, html))) return EXIT_USAGE;
  return failures.length > 0 ? EXIT_USAGE : EXIT_OK;
}
