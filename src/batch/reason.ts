/** A failure as one line of reason: what the user sees after `lsp-report: <file>: `. */
import { isInputError } from "../errors.js";

/** One line for a failure; a stack trace only when asked for. */
export function describeFailure(error: unknown, debug: boolean | undefined): string {
  if (isInputError(error)) return error.message;
  if (debug && error instanceof Error && error.stack) return `internal error: ${error.stack}`;
  const message = error instanceof Error ? error.message : String(error);
  return `internal error: ${message} (run with --debug for details)`;
}

/** As describeFailure, with the file system's errors in plain words. */
export function fileErrorReason(error: unknown, debug: boolean | undefined): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "is a folder";
  if (code === "ENOENT") return "no such file";
  return describeFailure(error, debug);
}

export const NO_UPDATE_FOUND = "no performance update found";
