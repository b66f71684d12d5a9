/**
 * Read and parse the inputs of a command, turning each bad file into one line of reason. A bad
 * file never stops the others. Many files with more than one job go through the worker pool of
 * src/batch (the same one `convert` uses), results still in input order; a single file, or
 * standard input, is read here.
 */
import { readFile } from "node:fs/promises";
import { parseBytes, parseBytesByUpdate, type DocumentOptions } from "../pipeline.js";
import { describeFailure, fileErrorReason, NO_UPDATE_FOUND } from "../batch/reason.js";
import type { FileResult } from "../batch/task.js";
import type { Priority, Report } from "../schema/records.js";
import type { CliIo } from "./io.js";
import { expandInputs, type InputFile } from "./inputs.js";

export { describeFailure, fileErrorReason };

/**
 * A worker thread costs about 0.3 s to start (a fresh V8 loading mammoth and the parser), as much
 * as reading three or four .docx files: below this many files per worker, this thread is quicker
 * (validate over the 2 seeds: 0.37 s in this thread, 0.68 s with two workers).
 */
const FILES_PER_WORKER = 8;

export interface LoadOptions {
  debug?: boolean;
  /** Worker threads for many files; 1 (the default) reads them one by one in this thread. */
  jobs?: number;
  /** The pool is used from this many files per worker (default FILES_PER_WORKER). */
  filesPerWorker?: number;
  /** How each document is read and parsed (from the command's context). */
  document?: DocumentOptions;
  /** --ignore patterns for folder searches and globs. */
  ignore?: readonly string[];
}

export interface Failure {
  display: string;
  reason: string;
}

export interface Loaded {
  reports: Report[];
  failures: Failure[];
  /** Every input as shown to the user, in the order given (folders expanded, sorted). */
  order: string[];
}

export async function loadOne(file: InputFile, io: CliIo, options: LoadOptions): Promise<Report> {
  const bytes = file.path === "-" ? await io.readStdin() : await readFile(file.path);
  const report = await parseBytes(bytes, file.display, options.document);
  return report;
}

export function reportFailure(io: CliIo, display: string, reason: string): void {
  io.stderr(`lsp-report: ${display}: ${reason}\n`);
}

export async function loadReports(inputs: string[], io: CliIo, options: LoadOptions): Promise<Loaded> {
  const { files, problems, order } = await expandInputs(inputs, io.cwd, { ignore: options.ignore });
  const failures: Failure[] = problems.map((problem) => ({ display: problem.display, reason: problem.reason }));
  for (const failure of failures) reportFailure(io, failure.display, failure.reason);
  const reports: Report[] = [];
  if (usesPool(files, options)) {
    for await (const result of pooledReports(files, options)) {
      if (result.ok && result.report) {
        reports.push(result.report);
      } else {
        const reason = result.ok ? "internal error: no report returned" : result.reason;
        failures.push({ display: result.display, reason });
        reportFailure(io, result.display, reason);
      }
    }
    return { reports, failures, order };
  }
  for (const file of files) {
    try {
      const report = await loadOne(file, io, options);
      if (report.priorities.length === 0) {
        failures.push({ display: file.display, reason: NO_UPDATE_FOUND });
        reportFailure(io, file.display, NO_UPDATE_FOUND);
        continue;
      }
      reports.push(report);
    } catch (error) {
      const reason = fileErrorReason(error, options.debug);
      failures.push({ display: file.display, reason });
      reportFailure(io, file.display, reason);
    }
  }
  return { reports, failures, order };
}

/** Where streamReports hands each input's updates (validate's Validation is one). */
export interface UpdateSink {
  /** One update of `report`, as soon as it is parsed. */
  update(report: Report, priority: Priority): void;
  /** The last update of `report` has been handed over (it had at least one). */
  endReport(report: Report): void;
  /** `report` could not be read to its end after some of its updates were handed over. */
  forget(report: Report): void;
}

/**
 * Like loadReports, without holding the reports: a file read in this thread is parsed an update
 * at a time (a long text file, never whole), each update handed to `sink` as soon as it is
 * parsed; a report from the worker pool is handed over update by update as it arrives.
 */
export async function streamReports(inputs: string[], io: CliIo, options: LoadOptions, sink: UpdateSink): Promise<Omit<Loaded, "reports">> {
  const { files, problems, order } = await expandInputs(inputs, io.cwd, { ignore: options.ignore });
  const failures: Failure[] = problems.map((problem) => ({ display: problem.display, reason: problem.reason }));
  for (const failure of failures) reportFailure(io, failure.display, failure.reason);
  const fail = (display: string, reason: string) => {
    failures.push({ display, reason });
    reportFailure(io, display, reason);
  };
  if (usesPool(files, options)) {
    for await (const result of pooledReports(files, options)) {
      if (result.ok && result.report) {
        for (const priority of result.report.priorities) sink.update(result.report, priority);
        sink.endReport(result.report);
      } else fail(result.display, result.ok ? "internal error: no report returned" : result.reason);
    }
    return { failures, order };
  }
  for (const file of files) {
    let report: Report | undefined;
    try {
      const bytes = file.path === "-" ? await io.readStdin() : await readFile(file.path);
      const parsed = await parseBytesByUpdate(bytes, file.display, options.document);
      report = parsed.report;
      let updates = 0;
      for (const priority of parsed.updates) {
        updates++;
        sink.update(report, priority);
      }
      if (updates === 0) fail(file.display, NO_UPDATE_FOUND);
      else sink.endReport(report);
    } catch (error) {
      if (report) sink.forget(report);
      fail(file.display, fileErrorReason(error, options.debug));
    }
  }
  return { failures, order };
}

/** Many files, more than one job, none from standard input: the worker pool pays for its start. */
function usesPool(files: InputFile[], options: LoadOptions): boolean {
  const jobs = options.jobs ?? 1;
  return jobs > 1 && files.length >= jobs * (options.filesPerWorker ?? FILES_PER_WORKER) && files.every((file) => file.path !== "-");
}

/** Each file's report (or reason) from the worker pool, in input order. */
async function* pooledReports(files: InputFile[], options: LoadOptions): AsyncGenerator<FileResult> {
  const { orderedResults } = await import("../batch/pool.js");
  const { debug, document } = options;
  const tasks = files.map((file) => ({ path: file.path, display: file.display, output: "report" as const, debug, document }));
  yield* orderedResults(tasks, { jobs: options.jobs ?? 1 });
}
