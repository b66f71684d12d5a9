/**
 * The batch behind `lsp-report convert`: files through the pool, results in input order,
 * streamed to their output files as they come. CSV: one file per record kind, each written to a
 * temporary file and put in place at the end. JSON: one file per input, each written atomically
 * as soon as its turn comes. Returns what happened; printing is the command's business.
 */
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { csvColumns, csvHeader, RECORD_KINDS } from "../emit/csv.js";
import type { InputFile } from "./task.js";
import { writeFileAtomic } from "./write.js";
import type { DocumentOptions } from "../pipeline.js";
import type { Report } from "../schema/records.js";
import { crossInputFindings, FINDING_COLUMNS, type ValidateTaskOptions } from "./findings.js";
import { jsonOutputPath } from "./outputs.js";
import { orderedResults, type WarmPool } from "./pool.js";
import { AtomicFile, sweepOwnTemporaries } from "./sink.js";
import type { FileResult, FileTask, SheetKind } from "./task.js";

export interface ConvertPlan {
  files: InputFile[];
  /** Absolute output folder. */
  outDir: string;
  format: "csv" | "json";
  /** JSON: the folder whose tree is mirrored under outDir. */
  base: string;
  jobs: number;
  bom?: boolean;
  validate?: ValidateTaskOptions;
  document?: DocumentOptions;
  debug?: boolean;
  /** CSV text an input may hold in memory before it waits on disk for its turn (SPILL_AT unless given). */
  spillAt?: number;
}

export interface ConvertFailure {
  display: string;
  reason: string;
}

export interface OutputFile {
  path: string;
  rows: number;
}

export interface ConvertSummary {
  files: number;
  converted: number;
  updates: number;
  failures: ConvertFailure[];
  /** The CSV files written, with their row counts (no header); none when no file converted. */
  sheets: OutputFile[];
  /** JSON: the files written, one per converted input. */
  jsonFiles: number;
  interrupted: boolean;
}

export interface ConvertHooks {
  /** After each file, in input order. */
  onFile?: (done: number, total: number, result: FileResult) => void;
  signal?: AbortSignal;
  /** Worker threads started ahead, while the plan was made (see WarmPool). */
  warm?: WarmPool;
}

/** The CSV files of a plan: a file per record kind for CSV, and findings.csv with --validate. */
export function sheetKinds(plan: Pick<ConvertPlan, "format" | "validate">): SheetKind[] {
  const kinds: SheetKind[] = plan.format === "csv" ? [...RECORD_KINDS] : [];
  return plan.validate ? [...kinds, "findings"] : kinds;
}

export function csvOutputPath(outDir: string, kind: SheetKind): string {
  return join(outDir, `${kind}.csv`);
}

/** Every file convert will write for this plan (before knowing which inputs fail). */
export function plannedOutputs(plan: ConvertPlan): string[] {
  const sheets = sheetKinds(plan).map((kind) => csvOutputPath(plan.outDir, kind));
  if (plan.format === "csv") return sheets;
  return [...plan.files.map((file) => jsonOutputPath(plan.outDir, plan.base, file)), ...sheets];
}

function header(kind: SheetKind, bom: boolean | undefined): string {
  const columns = kind === "findings" ? FINDING_COLUMNS : csvColumns(kind);
  return csvHeader(columns, bom);
}

function tasksOf(plan: ConvertPlan): FileTask[] {
  return plan.files.map((file) => ({
    path: file.path,
    display: file.display,
    output: plan.format,
    document: plan.document,
    debug: plan.debug,
    validate: plan.validate,
    // Written by the task as it parses (a worker thread's result is copied, and a file's JSON can be hundreds of MB).
    ...(plan.format === "json" && !plan.validate ? { jsonPath: jsonOutputPath(plan.outDir, plan.base, file) } : {}),
    // A file's rows past spillAt characters wait on disk for their turn (the worker's result is copied too).
    ...(plan.format === "csv" && !plan.validate ? { spillDir: plan.outDir, spillAt: plan.spillAt } : {}),
  }));
}

async function appendSheets(sheets: Map<SheetKind, { file: AtomicFile; rows: number }>, result: FileResult): Promise<void> {
  if (!result.ok) return;
  for (const [kind, sheet] of sheets) {
    const part = result.sheets?.[kind];
    if (!part) continue;
    if (part.spill !== undefined) {
      await sheet.file.appendFrom(part.spill);
      await rm(part.spill, { force: true });
    }
    await sheet.file.write(part.bytes);
    sheet.rows += part.rows;
  }
}

export async function convertFiles(plan: ConvertPlan, hooks: ConvertHooks = {}): Promise<ConvertSummary> {
  const summary: ConvertSummary = { files: plan.files.length, converted: 0, updates: 0, failures: [], sheets: [], jsonFiles: 0, interrupted: false };
  const kinds = sheetKinds(plan);
  const sheets = new Map<SheetKind, { file: AtomicFile; rows: number }>();
  try {
    for (const kind of kinds) {
      const file = await AtomicFile.create(csvOutputPath(plan.outDir, kind));
      sheets.set(kind, { file, rows: 0 });
      await file.write(header(kind, plan.bom));
    }
    let done = 0;
    const slims: Report[] = [];
    for await (const result of orderedResults(tasksOf(plan), { jobs: plan.jobs, worker: true, signal: hooks.signal, warm: hooks.warm })) {
      done++;
      if (!result.ok) {
        summary.failures.push({ display: result.display, reason: result.reason });
      } else if (plan.format === "csv") {
        await appendSheets(sheets, result);
        summary.converted++;
        summary.updates += result.updates;
      } else {
        const file = plan.files[done - 1]!; // results come one per file, in the files' order
        const path = jsonOutputPath(plan.outDir, plan.base, file);
        try {
          if (!result.jsonWritten) await writeFileAtomic(path, result.json ?? "");
          await appendSheets(sheets, result);
          summary.jsonFiles++;
          summary.converted++;
          summary.updates += result.updates;
        } catch (error) {
          summary.failures.push({ display: file.display, reason: `cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
        }
      }
      if (result.ok && result.slim) slims.push(result.slim);
      hooks.onFile?.(done, plan.files.length, result);
    }
    if (hooks.signal?.aborted) {
      summary.interrupted = true;
      for (const sheet of sheets.values()) await sheet.file.abort();
      return summary;
    }
    // Not one file converted: CSV files holding only their headers would replace the output of
    // an earlier run that worked. Nothing is put in place; the failures say why.
    if (summary.converted === 0) {
      for (const sheet of sheets.values()) await sheet.file.abort();
      return summary;
    }
    const findings = sheets.get("findings");
    if (findings && plan.validate) {
      // The rules that compare inputs (duplicates, quarter to quarter), once the batch is read.
      const across = crossInputFindings(slims, plan.validate);
      await findings.file.write(across.text);
      findings.rows += across.rows;
    }
    // Every file complete and on disk before the first is put in place.
    for (const sheet of sheets.values()) await sheet.file.finish();
    for (const [kind, sheet] of sheets) {
      await sheet.file.publish();
      summary.sheets.push({ path: csvOutputPath(plan.outDir, kind), rows: sheet.rows });
    }
    return summary;
  } catch (error) {
    for (const sheet of sheets.values()) await sheet.file.abort();
    // The rows that files in flight set aside (SpillFile) are temporary files of this process.
    if (plan.format === "csv") await sweepOwnTemporaries(plan.outDir);
    throw error;
  }
}
