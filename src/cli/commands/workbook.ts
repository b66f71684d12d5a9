/**
 * What `report`, `parse --format xlsx` and `convert --format xlsx` share: the findings of the
 * reports, and writing a workbook to a file. A workbook is binary, so it is only ever written
 * to a file named with -o (parse) or put in --out-dir (convert).
 */
import { join, resolve } from "node:path";
import { inputRoots, outputProblem } from "../../batch/outputs.js";
import { sweepOwnTemporaries, sweepStaleTemporaries } from "../../batch/sink.js";
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

/** Exit codes of a run stopped by a signal, as a shell reports them. */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/** The first SIGINT or SIGTERM from now on, caught (not ending the process) until `release`. */
function catchStop(): { stopped: Promise<NodeJS.Signals>; signal: () => NodeJS.Signals | undefined; release: () => void } {
  let caught: NodeJS.Signals | undefined;
  let resolve!: (signal: NodeJS.Signals) => void;
  const stopped = new Promise<NodeJS.Signals>((done) => (resolve = done));
  const onSignal = (signal: NodeJS.Signals) => {
    caught ??= signal;
    resolve(caught);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    stopped,
    signal: () => caught,
    release: () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}

/**
 * Say so, sweep this run's temporary file, and end by the signal with its handler gone, so that
 * the shell reports 130 or 143 as usual. Returning is not enough: Node exits only once every
 * worker thread has stopped, and one blocked in a read that cannot be cancelled (a named pipe
 * nobody writes to) never does.
 */
async function endStopped(signal: NodeJS.Signals, outDir: string, shownOutDir: string, io: CliIo, stop: { release: () => void }): Promise<number> {
  await sweepOwnTemporaries(outDir);
  io.stderr(`lsp-report: interrupted: no partial file left in ${shownOutDir}\n`);
  stop.release();
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  return SIGNAL_EXIT[signal] ?? EXIT_USAGE;
}

/**
 * `convert --format xlsx`: every input into one workbook in --out-dir. A workbook is written
 * whole, so the reports are gathered first (through the same worker pool as the CSV batch),
 * then written atomically; the same refusals as convert's other formats keep it out of the inputs.
 * Ctrl-C or SIGTERM while the inputs are read leaves the folder as it was; once the workbook is
 * being written, the write (to a temporary file, renamed in place) is let finish.
 */
export async function convertToWorkbook(inputs: string[], options: ConvertWorkbookOptions, context: CommandContext, io: CliIo): Promise<number> {
  const outDir = resolve(io.cwd, options.outDir);
  const path = join(outDir, WORKBOOK_NAME);
  const refusal = await outputProblem(outDir, options.outDir, await inputRoots(await Promise.all(inputs.map((input) => searchRoot(input, io.cwd))), io.cwd), [path]);
  if (refusal) {
    io.stderr(`lsp-report: ${refusal}\n`);
    return EXIT_USAGE;
  }
  // A run killed while writing (kill -9, a power cut) left its temporary file: the next run removes it.
  await sweepStaleTemporaries(outDir);
  const stop = catchStop();
  try {
    // A read that blocks for ever (a named pipe nobody writes to) cannot be cancelled: a stop does not wait for it.
    const loaded = await Promise.race([loadReports(inputs, io, { debug: context.debug, jobs: options.jobs, document: context.document, ignore: context.ignore }), stop.stopped]);
    if (typeof loaded === "string") return await endStopped(loaded, outDir, options.outDir, io, stop);
    const { reports, failures } = loaded;
    if (reports.length === 0) {
      io.stderr("lsp-report: nothing to convert\n");
      return EXIT_USAGE;
    }
    const findings = options.validate ? findingsOf(reports, context.config) : null;
    const stoppedBefore = stop.signal();
    if (stoppedBefore) return await endStopped(stoppedBefore, outDir, options.outDir, io, stop);
    const written = await writeWorkbook(reports, findings, path, io, join(options.outDir, WORKBOOK_NAME));
    // Stopped during the write, which was let finish: the workbook is whole, but the run was stopped.
    const stoppedDuring = stop.signal();
    if (stoppedDuring) return await endStopped(stoppedDuring, outDir, options.outDir, io, stop);
    if (!written) return EXIT_USAGE;
    if (!options.quiet) {
      const updates = reports.reduce((sum, report) => sum + report.priorities.length, 0);
      const of = failures.length > 0 ? ` of ${reports.length + failures.length}` : "";
      io.stderr(`Converted ${reports.length}${of} files (${updates} updates) into ${join(options.outDir, WORKBOOK_NAME)}${findings ? `, with ${findings.length} findings` : ""}\n`);
    }
    return failures.length > 0 ? EXIT_USAGE : EXIT_OK;
  } finally {
    stop.release();
  }
}
