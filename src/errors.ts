/**
 * An input the tool cannot use: shown to the user as one line, `lsp-report: <file>: <reason>`,
 * never as a stack trace. Anything else thrown is a bug.
 */
export class InputError extends Error {
  override readonly name = "InputError";
  constructor(
    message: string,
    /** A short machine-readable reason, e.g. "empty", "corrupt-zip", "encrypted", "unsupported". */
    readonly code: string = "unreadable",
  ) {
    super(message);
  }
}

export function isInputError(error: unknown): error is InputError {
  return error instanceof InputError;
}
