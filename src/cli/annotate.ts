/**
 * `validate --annotate DIR`: for each .docx input, a copy in DIR (same file name) with every
 * finding as a Word comment on its cell. The input is never touched; each copy is written
 * atomically; DIR may not be (or be inside) an input folder, nor overwrite an input.
 */
import { readFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { annotateDocx, AnnotateError } from "../emit/annotate/index.js";
import { inputRoots, outputProblem } from "../batch/outputs.js";
import { DEFAULT_MAX_UNCOMPRESSED_BYTES, type DocxReader } from "../read/index.js";
import type { Finding } from "../schema/findings.js";
import type { Report } from "../schema/records.js";
import type { CliIo } from "./io.js";
import { reportFailure } from "./load.js";
import { writeFileAtomic } from "../batch/write.js";

export const NEEDS_DOCX =
  "not annotated: annotation needs a .docx (in Word: File › Save As › Word Document (.docx); with LibreOffice: soffice --headless --convert-to docx FILE); its findings are listed as usual";

/** The copies to write, by input: the annotated file's path in DIR. */
/** What annotation needs of a report: which file it came from. */
type Annotated = Pick<Report, "source">;

function plannedCopies(reports: Annotated[], cwd: string, dir: string): Map<Annotated, string> {
  const planned = new Map<Annotated, string>();
  for (const report of reports) {
    if (report.source.format !== "docx") continue;
    planned.set(report, join(dir, basename(resolve(cwd, report.source.path))));
  }
  return planned;
}

/**
 * Comments are hung on the paragraph anchors only the native reader records; mammoth's reading
 * has none, so every comment would land on the document's first paragraph. Refused outright
 * rather than re-reading with the native reader behind the user's back: the findings would then
 * come from one reading and their places from another.
 */
export const NEEDS_NATIVE_READER =
  "--annotate needs the native .docx reader, which records where each cell is in the document; --docx-reader mammoth does not, so its comments could not be placed: leave out --docx-reader mammoth to annotate";

/** A reason to refuse DIR (or the reader) before anything is read or written, or null. */
export async function annotateProblem(dir: string, inputs: string[], io: CliIo, docxReader: DocxReader = "native"): Promise<string | null> {
  if (docxReader !== "native") return NEEDS_NATIVE_READER;
  const outDir = resolve(io.cwd, dir);
  const problem = await outputProblem(outDir, dir, await inputRoots(inputs, io.cwd), []);
  return problem ? problem.replace(/^--out-dir /, "--annotate ") : null;
}

/**
 * Write the annotated copies. Returns false when one could not be written (after one line
 * each); a .doc, HTML or text input gets one line saying annotation needs a .docx.
 */
export async function writeAnnotated(dir: string, reports: Annotated[], findings: Finding[], io: CliIo, maxUncompressedBytes = DEFAULT_MAX_UNCOMPRESSED_BYTES): Promise<boolean> {
  const outDir = resolve(io.cwd, dir);
  const copies = plannedCopies(reports, io.cwd, outDir);
  let ok = true;
  const taken = new Map<string, string>();
  for (const report of reports) {
    const display = report.source.path;
    const target = copies.get(report);
    if (!target) {
      reportFailure(io, display, NEEDS_DOCX);
      continue;
    }
    const earlier = taken.get(target);
    if (earlier) {
      reportFailure(io, display, `not annotated: ${earlier} has the same file name, and its annotated copy is already in ${dir}`);
      ok = false;
      continue;
    }
    taken.set(target, display);
    try {
      const bytes = new Uint8Array(await readFile(resolve(io.cwd, display)));
      const annotated = annotateDocx(
        bytes,
        findings.filter((finding) => finding.source === display),
        { maxUncompressedBytes },
      );
      await writeFileAtomic(target, annotated.bytes);
    } catch (error) {
      const reason = error instanceof AnnotateError ? error.message : `cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
      reportFailure(io, display, `not annotated: ${reason}`);
      ok = false;
    }
  }
  return ok;
}
