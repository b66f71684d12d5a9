/**
 * Read and parse the inputs of a command, one at a time, turning each bad file into one line of
 * reason. A bad file never stops the others.
 */
import { readFile } from "node:fs/promises";
import { isInputError } from "../errors.js";
import { parseBytes } from "../index.js";
import type { Report } from "../schema/records.js";
import type { CliIo } from "./io.js";
import { expandInputs, type InputFile } from "./inputs.js";

export interface LoadOptions {
  debug?: boolean;
  maxUncompressedBytes?: number;
  themes?: Record<string, string>;
}

export interface Failure {
  display: string;
  reason: string;
}

export interface Loaded {
  reports: Report[];
  failures: Failure[];
}

/** One line for a failure; a stack trace only when asked for. */
export function describeFailure(error: unknown, debug: boolean | undefined): string {
  if (isInputError(error)) return error.message;
  if (debug && error instanceof Error && error.stack) return `internal error: ${error.stack}`;
  const message = error instanceof Error ? error.message : String(error);
  return `internal error: ${message} (run with --debug for details)`;
}

export async function loadOne(file: InputFile, io: CliIo, options: LoadOptions): Promise<Report> {
  const bytes = file.path === "-" ? await io.readStdin() : await readFile(file.path);
  const report = await parseBytes(bytes, file.display, { maxUncompressedBytes: options.maxUncompressedBytes, themes: options.themes });
  return report;
}

export function reportFailure(io: CliIo, display: string, reason: string): void {
  io.stderr(`lsp-report: ${display}: ${reason}\n`);
}

export async function loadReports(inputs: string[], io: CliIo, options: LoadOptions): Promise<Loaded> {
  const { files, problems } = await expandInputs(inputs, io.cwd);
  const failures: Failure[] = problems.map((problem) => ({ display: problem.display, reason: problem.reason }));
  for (const failure of failures) reportFailure(io, failure.display, failure.reason);
  const reports: Report[] = [];
  for (const file of files) {
    try {
      const report = await loadOne(file, io, options);
      if (report.priorities.length === 0) {
        failures.push({ display: file.display, reason: "no performance update found" });
        reportFailure(io, file.display, "no performance update found");
        continue;
      }
      reports.push(report);
    } catch (error) {
      const reason = fileErrorReason(error, options.debug);
      failures.push({ display: file.display, reason });
      reportFailure(io, file.display, reason);
    }
  }
  return { reports, failures };
}

export function fileErrorReason(error: unknown, debug: boolean | undefined): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "EACCES") return "permission denied";
  if (code === "EISDIR") return "is a folder";
  if (code === "ENOENT") return "no such file";
  return describeFailure(error, debug);
}
