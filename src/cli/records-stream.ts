/**
 * `parse --format json|csv` written as it is read: each input is parsed an update at a time and
 * each update written out before the next is parsed, so memory holds one update, not every
 * record and the whole text (a 62 MB text file of 10,000 updates made 355 MB of JSON, and peaked
 * near 2 GB read whole). The bytes are those emitJson and emitCsv give, failures are reported as
 * loadReports reports them, and -o is still written atomically: a temporary file renamed into
 * place at the end, removed when anything goes wrong.
 */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { csvColumns, recordRows, stringifyRows, type RecordKind } from "../emit/csv.js";
import { JsonPieces } from "../emit/json.js";
import { AtomicFile } from "../batch/sink.js";
import { fileErrorReason, NO_UPDATE_FOUND } from "../batch/reason.js";
import { parseBytesByUpdate, type DocumentOptions } from "../pipeline.js";
import type { Priority, Report } from "../schema/records.js";
import type { CliIo } from "./io.js";
import { expandInputs } from "./inputs.js";
import { reportFailure } from "./load.js";

export interface StreamOptions {
  format: "json" | "csv";
  records: RecordKind;
  bom?: boolean;
  output?: string;
  debug?: boolean;
  document?: DocumentOptions;
  ignore?: readonly string[];
}

/** Each format's pieces: the text for one update of a report, for the end of a report, and for the end. */
interface Pieces {
  update(report: Report, update: Priority): string;
  endReport(report: Report): string;
  end(): string;
}

class CsvPieces implements Pieces {
  private readonly columns: string[];
  private started = false;

  constructor(
    private readonly kind: RecordKind,
    private readonly bom: boolean,
  ) {
    this.columns = csvColumns(kind);
  }

  update(report: Report, update: Priority): string {
    return this.header() + stringifyRows(recordRows([{ ...report, priorities: [update] }], this.kind), this.columns, { header: false });
  }

  endReport(): string {
    return "";
  }

  end(): string {
    return this.header();
  }

  /** The header row (after a byte order mark when asked), once, before the first row. */
  private header(): string {
    if (this.started) return "";
    this.started = true;
    return stringifyRows([], this.columns, { bom: this.bom });
  }
}

const STDOUT_CHUNK = 64 * 1024;

/**
 * Where the text goes: standard output in chunks, or the -o file through a temporary file. A
 * file that cannot be written is remembered and reported at the end, after every input's own
 * line, as when the whole text was written at once.
 */
class Destination {
  private file: AtomicFile | undefined;
  private failure: NodeJS.ErrnoException | undefined;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(
    private readonly io: CliIo,
    private readonly path: string | undefined,
  ) {}

  async write(text: string): Promise<void> {
    if (text === "" || this.failure) return;
    if (this.path === undefined) {
      this.pending.push(text);
      this.pendingLength += text.length;
      if (this.pendingLength >= STDOUT_CHUNK) {
        this.flushStdout();
        // A turn of the event loop, so that a reader that has stopped (`| head`, EPIPE) is
        // heard now and not after the whole input: the write itself never waits.
        await new Promise((resolve) => setImmediate(resolve));
      }
      return;
    }
    try {
      this.file ??= await AtomicFile.create(resolve(this.io.cwd, this.path));
      await this.file.write(text);
    } catch (error) {
      await this.abandon(error as NodeJS.ErrnoException);
    }
  }

  /** Put the output in place; false, after one line on standard error, when it cannot be. */
  async finish(): Promise<boolean> {
    if (this.path === undefined) {
      this.flushStdout();
      return true;
    }
    if (!this.failure) {
      try {
        await this.file?.commit();
      } catch (error) {
        this.failure = error as NodeJS.ErrnoException;
      }
    }
    if (!this.failure) return true;
    reportFailure(this.io, this.path, `cannot write (${this.failure.code ?? String(this.failure)})`);
    return false;
  }

  /** Stop writing: nothing of the -o file is left behind. */
  async abandon(error: NodeJS.ErrnoException): Promise<void> {
    this.failure ??= error;
    await this.file?.abort();
  }

  private flushStdout(): void {
    if (this.pendingLength === 0) return;
    this.io.stdout(this.pending.join(""));
    this.pending = [];
    this.pendingLength = 0;
  }
}

/**
 * Parse the inputs and write their records; returns whether everything was read and written. A
 * failure after part of a file's updates were written (a bug, not a bad file: every reader's
 * error comes before the first update) leaves no -o file behind.
 */
export async function streamRecords(inputs: string[], options: StreamOptions, io: CliIo): Promise<boolean> {
  const { files, problems } = await expandInputs(inputs, io.cwd, { ignore: options.ignore });
  let ok = problems.length === 0;
  for (const problem of problems) reportFailure(io, problem.display, problem.reason);
  const pieces: Pieces = options.format === "csv" ? new CsvPieces(options.records, options.bom ?? false) : new JsonPieces();
  const destination = new Destination(io, options.output);
  for (const file of files) {
    let written = 0;
    try {
      const bytes = file.path === "-" ? await io.readStdin() : await readFile(file.path);
      const { report, updates } = await parseBytesByUpdate(bytes, file.display, options.document);
      for (const update of updates) {
        await destination.write(pieces.update(report, update));
        written++;
      }
      if (written === 0) {
        ok = false;
        reportFailure(io, file.display, NO_UPDATE_FOUND);
        continue;
      }
      await destination.write(pieces.endReport(report));
    } catch (error) {
      ok = false;
      reportFailure(io, file.display, fileErrorReason(error, options.debug));
      if (written > 0) {
        await destination.abandon(error as NodeJS.ErrnoException);
        if (options.output !== undefined) reportFailure(io, options.output, `not written, as ${file.display} failed part way through`);
        return false;
      }
    }
  }
  await destination.write(pieces.end());
  return (await destination.finish()) && ok;
}
