/**
 * `lsp-report convert`: many inputs → CSV files per record kind, or a JSON file per input, in a
 * folder outside the inputs, in parallel, with a progress bar for a person and a summary at the
 * end. One bad file never stops the batch: it is listed and the exit code is 2.
 */
import { stat } from "node:fs/promises";
import { basename, relative, resolve } from "node:path";
import { convertFiles, plannedOutputs, type ConvertPlan, type ConvertSummary } from "../../batch/convert.js";
import { commonBase, inputRoots, outputProblem } from "../../batch/outputs.js";
import { WarmPool } from "../../batch/pool.js";
import { sweepOwnTemporaries, sweepStaleTemporaries } from "../../batch/sink.js";
import { openContext, type ReadingOptions } from "../context.js";
import type { CliIo } from "../io.js";
import { parseJobs } from "../options.js";
import { expandInputs, searchRoot, type InputFile } from "../inputs.js";
import { EXIT_OK, EXIT_USAGE } from "../exit-codes.js";
import { createProgress } from "../progress.js";

export interface ConvertCommandOptions extends ReadingOptions {
  outDir: string;
  format: "csv" | "json" | "xlsx";
  jobs?: string;
  validate?: boolean;
  quiet?: boolean;
  bom?: boolean;
}

/** Exit codes of a run stopped by a signal, as a shell reports them. */
const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * End the process now by the signal that stopped the run, its handler gone, so the signal's
 * default action applies: the shell reports 130 or 143 as usual. Returning the exit code is not
 * enough: Node exits only once every worker thread has stopped (process.exit() waits for them
 * too), and a worker blocked in a read that cannot be cancelled, such as a named pipe nobody
 * writes to, never stops. By now the output is cleaned up and the message written (stderr is
 * written synchronously to files, pipes and terminals on POSIX).
 */
function endBySignal(signal: NodeJS.Signals): void {
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

// Not taken from ../load.js and ./parse.js: those load the parser, which only the workers need.
function reportFailure(io: CliIo, display: string, reason: string): void {
  io.stderr(`lsp-report: ${display}: ${reason}\n`);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

/** The summary a person reads at the end; failures each on a line with their reason. */
export function formatSummary(summary: ConvertSummary, outDirDisplay: string, format: "csv" | "json", outDir: string): string {
  const lines: string[] = [];
  const of = summary.failures.length > 0 || summary.converted !== summary.files ? ` of ${summary.files}` : "";
  if (summary.converted === 0) {
    lines.push(`Converted 0${of} ${summary.files === 1 ? "file" : "files"}: nothing written into ${outDirDisplay} (files already there are left as they were)`);
  } else {
    lines.push(`Converted ${summary.converted}${of} ${summary.files === 1 ? "file" : "files"} (${plural(summary.updates, "update")}) into ${outDirDisplay}`);
  }
  if (format === "json" && summary.converted > 0) lines.push(`  ${plural(summary.jsonFiles, "JSON file")}, one per input`);
  const width = Math.max(0, ...summary.sheets.map((sheet) => relative(outDir, sheet.path).length));
  for (const sheet of summary.sheets) lines.push(`  ${relative(outDir, sheet.path).padEnd(width)}  ${String(sheet.rows).padStart(6)} rows`);
  if (summary.failures.length > 0) {
    lines.push(`Failed ${plural(summary.failures.length, "file")}:`);
    for (const failure of summary.failures) lines.push(`  ${failure.display}: ${failure.reason}`);
  }
  return `${lines.join("\n")}\n`;
}

function dedupe(files: InputFile[]): InputFile[] {
  const seen = new Set<string>();
  return files.filter((file) => (seen.has(file.path) ? false : (seen.add(file.path), true)));
}

export async function runConvert(inputs: string[], options: ConvertCommandOptions, io: CliIo): Promise<number> {
  const jobs = parseJobs(options.jobs, io);
  if (jobs === null) return EXIT_USAGE;
  if (inputs.includes("-")) {
    io.stderr("lsp-report: convert reads files and folders, not standard input: use `lsp-report parse -` for that\n");
    return EXIT_USAGE;
  }
  // The worker threads start now, while the configuration is read and the inputs are expanded
  // and checked; they are ended unless the batch runs in that many workers.
  const warm = options.format !== "xlsx" && (await mayHoldManyFiles(inputs, io.cwd)) ? new WarmPool(jobs) : undefined;
  try {
    return await convertWith(inputs, options, io, jobs, warm);
  } finally {
    warm?.discard();
  }
}

/** More than one input, or a folder: a batch that will run in workers (one file is converted in this thread). */
async function mayHoldManyFiles(inputs: string[], cwd: string): Promise<boolean> {
  if (inputs.length !== 1) return inputs.length > 1;
  return stat(resolve(cwd, inputs[0]!)).then( // inputs.length === 1
    (info) => info.isDirectory(),
    () => false,
  );
}

async function convertWith(inputs: string[], options: ConvertCommandOptions, io: CliIo, jobs: number, warm: WarmPool | undefined): Promise<number> {
  const context = await openContext(io, options);
  if (!context) return EXIT_USAGE;
  const { config } = context;
  if (options.format === "xlsx") {
    const { convertToWorkbook } = await import("./workbook.js");
    return convertToWorkbook(inputs, { outDir: options.outDir, validate: options.validate, quiet: options.quiet, jobs }, context, io);
  }
  const format = options.format;

  const { files: found, problems } = await expandInputs(inputs, io.cwd, { ignore: context.ignore });
  const files = dedupe(found);
  const roots = await inputRoots(await Promise.all(inputs.map((input) => searchRoot(input, io.cwd))), io.cwd);
  const outDir = resolve(io.cwd, options.outDir);
  const plan: ConvertPlan = {
    files,
    outDir,
    format,
    base: commonBase(roots),
    jobs,
    bom: options.bom,
    validate: options.validate ? { config } : undefined,
    document: context.document,
    debug: context.debug,
  };
  const refusal = await outputProblem(outDir, options.outDir, roots, plannedOutputs(plan));
  if (refusal) {
    io.stderr(`lsp-report: ${refusal}\n`);
    return EXIT_USAGE;
  }
  if (files.length === 0) {
    for (const problem of problems) reportFailure(io, problem.display, problem.reason);
    io.stderr("lsp-report: nothing to convert\n");
    return EXIT_USAGE;
  }

  await sweepStaleTemporaries(outDir);
  const controller = new AbortController();
  let stoppedBy: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    stoppedBy ??= signal;
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  // The terminal's width keeps the bar on one line (read at each redraw: the window may be resized).
  const progress = createProgress(io, options.quiet, { label: `converting into ${basename(outDir)}`, columns: () => process.stderr.columns });
  let failed = 0;
  let summary: ConvertSummary;
  try {
    summary = await convertFiles(plan, {
      signal: controller.signal,
      warm,
      onFile: (done, total, result) => {
        if (!result.ok) failed++;
        progress.update(done, total, failed);
      },
    });
  } catch (error) {
    progress.stop();
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(`lsp-report: ${options.outDir}: cannot write (${code ?? (error instanceof Error ? error.message : String(error))}); nothing was put in place\n`);
    return EXIT_USAGE;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
  progress.stop();

  if (summary.interrupted) {
    // A worker stopped in the middle of a file leaves its temporary file behind: ours to remove.
    await sweepOwnTemporaries(outDir);
    const kept = format === "json" ? ` (${plural(summary.jsonFiles, "JSON file")} already written are complete)` : "";
    io.stderr(`lsp-report: interrupted: no partial file left in ${options.outDir}${kept}\n`);
    if (stoppedBy) endBySignal(stoppedBy);
    return SIGNAL_EXIT[stoppedBy ?? "SIGINT"] ?? EXIT_USAGE;
  }
  summary.failures.unshift(...problems.map((problem) => ({ display: problem.display, reason: problem.reason })));
  summary.files += problems.length;
  if (options.quiet) for (const failure of summary.failures) reportFailure(io, failure.display, failure.reason);
  else io.stderr(formatSummary(summary, options.outDir, format, outDir));
  return summary.failures.length > 0 ? EXIT_USAGE : EXIT_OK;
}
