/** Options several commands share, parsed once: a bad value is one line on stderr and null. */
import { defaultJobs } from "../batch/pool.js";
import type { CliIo } from "./io.js";

/** --max-unzipped-mb in bytes. */
export function megabytes(text: string, io: CliIo): number | null {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    io.stderr(`lsp-report: --max-unzipped-mb must be a positive number of megabytes, not '${text}'\n`);
    return null;
  }
  return Math.round(value * 1024 * 1024);
}

/** --jobs; the number of CPUs when not given. */
export function parseJobs(text: string | undefined, io: CliIo): number | null {
  if (text === undefined) return defaultJobs();
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) {
    io.stderr(`lsp-report: --jobs must be a whole number of 1 or more, not '${text}'\n`);
    return null;
  }
  return value;
}
