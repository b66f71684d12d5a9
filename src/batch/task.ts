/**
 * One file's work, the same in a worker thread and in the main thread: read the bytes, parse
 * them, and hand back either what the caller asked for (the Report itself, its CSV rows per
 * record kind, or its JSON text) or a one-line reason. Never throws: a bad file is a result.
 *
 * Serialising in the worker keeps the main thread light (it only appends text to files), so two
 * workers on two cores are not held up by a busy writer.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { csvOfUpdate, RECORD_KINDS, type RecordKind } from "../emit/csv.js";
import { emitJson, JsonPieces } from "../emit/json.js";
import { parseBytes, parseBytesByUpdate, type DocumentOptions } from "../pipeline.js";
import type { Report } from "../schema/records.js";
import { fileErrorReason, NO_UPDATE_FOUND } from "./reason.js";
import type { ValidateTaskOptions } from "./findings.js";
import { AtomicFile, SpillFile } from "./sink.js";

/** A file named on the command line or found in a folder. */
export interface InputFile {
  /** The path as the user should see it in messages and output. */
  display: string;
  /** Absolute path, or "-" for standard input. */
  path: string;
}

export type TaskOutput = "report" | "csv" | "json";

export interface FileTask {
  /** Absolute path of the file. */
  path: string;
  /** The path as shown to the user, and written as `source` in the records. */
  display: string;
  output: TaskOutput;
  /** How to read and parse it (the zip-bomb cap, the configuration's theme codes, ...). */
  document?: DocumentOptions;
  debug?: boolean;
  /** Also check the report and return its findings as CSV rows (sheets.findings). */
  validate?: ValidateTaskOptions;
  /**
   * With output "json" and no validate: the JSON file to write here, an update at a time as the
   * file is parsed (atomically), instead of handing the whole text back (355 MB for a 62 MB text).
   */
  jsonPath?: string;
  /**
   * CSV: the output folder, where a file's rows are set aside on disk (SpillFile) once their text
   * passes `spillAt` characters, instead of being held until the writer's turn comes.
   */
  spillDir?: string;
  /** Characters of CSV text held in memory before they go to spillDir; SPILL_AT unless given. */
  spillAt?: number;
  /** The file's bytes, when the pool has read them already (see readAhead in pool.ts). */
  bytes?: Uint8Array;
}

/** A CSV kind written by convert: the record kinds, and findings with --validate. */
export type SheetKind = RecordKind | "findings";

export interface Sheet {
  /**
   * CSV rows without the header, already neutralised against formula injection, as UTF-8. Bytes,
   * not a string: they cross from a worker as one copy, where a string holding any character past
   * U+00FF crosses at two bytes a character and several times the cost (~0.7 ms a ten-update
   * .docx), and the writer has nothing left to encode.
   */
  bytes: Uint8Array;
  rows: number;
  /** The rows before `bytes`, set aside in this file (see FileTask.spillDir): the writer appends it, then removes it. */
  spill?: string;
}

/** Texts as one piece of UTF-8, without joining them first. */
export function utf8(texts: readonly string[]): Uint8Array {
  let length = 0;
  for (const text of texts) length += Buffer.byteLength(text, "utf8");
  // Its own memory (not a slice of Node's shared pool): a view is copied to another thread with all of its buffer.
  const bytes = Buffer.allocUnsafeSlow(length);
  let at = 0;
  for (const text of texts) at += bytes.write(text, at, "utf8");
  return bytes;
}

/**
 * CSV text a file holds in memory (all kinds together) before it goes to disk: a ten-update
 * .docx makes ~80,000 characters, the 62 MB text file of 10,000 updates ~80 million, which held
 * whole, joined and copied to the writer took ~700 MB.
 */
export const SPILL_AT = 4 * 1024 * 1024;

export type FileResult =
  | {
      ok: true;
      display: string;
      /** Updates (priorities) found in the file. */
      updates: number;
      report?: Report;
      sheets?: Partial<Record<SheetKind, Sheet>>;
      json?: string;
      /** The JSON is in place at the task's jsonPath already. */
      jsonWritten?: true;
      /** With validate: the report without its long texts, for the rules that compare inputs. */
      slim?: Report;
    }
  | { ok: false; display: string; reason: string };

/** The file's bytes: those the task brings, as a Buffer over the same memory, or read now. */
async function bytesOf(task: FileTask): Promise<Buffer> {
  return task.bytes ? Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength) : readFile(task.path);
}

export async function processFile(task: FileTask): Promise<FileResult> {
  if (task.output === "json" && task.jsonPath !== undefined && !task.validate) return writeJsonByUpdate(task, task.jsonPath);
  if (task.output === "csv" && !task.validate) return sheetsByUpdate(task);
  try {
    const bytes = await bytesOf(task);
    const report = await parseBytes(bytes, task.display, task.document);
    return resultOf(task, report);
  } catch (error) {
    return { ok: false, display: task.display, reason: fileErrorReason(error, task.debug) };
  }
}

/** A write that failed, told apart from a file that could not be read. */
class WriteFailure extends Error {
  constructor(readonly error: NodeJS.ErrnoException) {
    super("cannot write", { cause: error });
  }
}

/** The JSON of one file written as it is parsed: one update in memory at a time, the file put in place whole or not at all. */
async function writeJsonByUpdate(task: FileTask, path: string): Promise<FileResult> {
  let file: AtomicFile | undefined;
  const write = async (text: string) => {
    try {
      // Created with the first update: a file without one is a failure, and writes nothing.
      file ??= await AtomicFile.create(path);
      await file.write(text);
    } catch (error) {
      throw new WriteFailure(error as NodeJS.ErrnoException);
    }
  };
  try {
    const { report, updates } = await parseBytesByUpdate(await bytesOf(task), task.display, task.document);
    const pieces = new JsonPieces();
    let count = 0;
    for (const update of updates) {
      await write(pieces.update(report, update));
      count++;
    }
    if (count === 0) return { ok: false, display: task.display, reason: NO_UPDATE_FOUND };
    await write(pieces.endReport(report) + pieces.end());
    await file!.commit().catch((error: unknown) => {
      throw new WriteFailure(error as NodeJS.ErrnoException);
    });
    return { ok: true, display: task.display, updates: count, sheets: {}, jsonWritten: true };
  } catch (error) {
    await file?.abort();
    if (error instanceof WriteFailure) return { ok: false, display: task.display, reason: `cannot write ${path} (${error.error.code ?? String(error.error)})` };
    return { ok: false, display: task.display, reason: fileErrorReason(error, task.debug) };
  }
}

/** A file's CSV rows of one kind: the text held, and what went to disk before it. */
interface SheetPart {
  kind: RecordKind;
  texts: string[];
  rows: number;
  spill?: SpillFile;
}

/**
 * The CSV rows of one file made as it is parsed, an update at a time: only their text is kept,
 * never the whole report's records (about 60 KB of objects an update, against ~6 KB of text), and
 * past task.spillAt characters it goes to disk, so memory stays flat however big the file.
 */
async function sheetsByUpdate(task: FileTask): Promise<FileResult> {
  const parts: SheetPart[] = RECORD_KINDS.map((kind) => ({ kind, texts: [], rows: 0 }));
  const spillDir = task.spillDir;
  const spillAt = task.spillAt ?? SPILL_AT;
  const spill = async (part: SheetPart): Promise<void> => {
    if (spillDir === undefined || part.texts.length === 0) return;
    try {
      part.spill ??= await SpillFile.create(join(spillDir, `${part.kind}.csv`));
      await part.spill.write(part.texts.join(""));
    } catch (error) {
      throw new WriteFailure(error as NodeJS.ErrnoException);
    }
    part.texts = [];
  };
  try {
    const { report, updates } = await parseBytesByUpdate(await bytesOf(task), task.display, task.document);
    let count = 0;
    let held = 0;
    for (const update of updates) {
      count++;
      for (const part of parts) {
        const { text, rows } = csvOfUpdate(report, update, part.kind);
        if (rows === 0) continue;
        part.texts.push(text);
        part.rows += rows;
        held += text.length;
      }
      if (held >= spillAt && spillDir !== undefined) {
        for (const part of parts) await spill(part);
        held = 0;
      }
    }
    if (count === 0) {
      for (const part of parts) await part.spill?.remove();
      return { ok: false, display: task.display, reason: NO_UPDATE_FOUND };
    }
    const sheets: Partial<Record<SheetKind, Sheet>> = {};
    for (const part of parts) {
      if (part.spill) {
        // Once a kind has gone to disk, all of it does: its rows are then in one place, in order.
        await spill(part);
        await part.spill.close().catch((error: unknown) => {
          throw new WriteFailure(error as NodeJS.ErrnoException);
        });
        sheets[part.kind] = { bytes: new Uint8Array(0), rows: part.rows, spill: part.spill.path };
      } else {
        sheets[part.kind] = { bytes: utf8(part.texts), rows: part.rows };
      }
    }
    return { ok: true, display: task.display, updates: count, sheets };
  } catch (error) {
    for (const part of parts) await part.spill?.remove();
    if (error instanceof WriteFailure) return { ok: false, display: task.display, reason: `cannot write in ${spillDir} (${error.error.code ?? String(error.error)})` };
    return { ok: false, display: task.display, reason: fileErrorReason(error, task.debug) };
  }
}

/** What a parsed report becomes for the caller; a report with no update in it is a failure. */
export async function resultOf(task: FileTask, report: Report): Promise<FileResult> {
  if (report.priorities.length === 0) return { ok: false, display: task.display, reason: NO_UPDATE_FOUND };
  const updates = report.priorities.length;
  if (task.output === "report") return { ok: true, display: task.display, updates, report };
  const sheets: Partial<Record<SheetKind, Sheet>> = {};
  let slim: Report | undefined;
  if (task.validate) {
    // The validate engine is loaded only when asked for: most conversions never need it.
    const { findingRows, slimReport } = await import("./findings.js");
    slim = slimReport(report);
    const findings = findingRows(report, task.validate);
    sheets.findings = { bytes: utf8([findings.text]), rows: findings.rows };
  }
  if (task.output === "json") return { ok: true, display: task.display, updates, json: emitJson([report]), sheets, slim };
  for (const kind of RECORD_KINDS) {
    const texts: string[] = [];
    let rows = 0;
    for (const update of report.priorities) {
      const part = csvOfUpdate(report, update, kind);
      texts.push(part.text);
      rows += part.rows;
    }
    sheets[kind] = { bytes: utf8(texts), rows };
  }
  return { ok: true, display: task.display, updates, sheets, slim };
}
