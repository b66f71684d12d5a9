/**
 * The command line: a thin layer over the library. `main` takes the arguments and the outside
 * world (CliIo) and returns the exit code: 0 success, 1 findings (validate), 2 usage errors and
 * unreadable inputs.
 *
 * The usual `lsp-report validate <files> [options]` goes straight to the command
 * (src/cli/quick-validate.ts): commander, and the declaring of every command, are most of what
 * remains of its start-up once its modules are bundled. Every other argument list, help and
 * usage errors included, is read by commander in src/cli/program.ts.
 */
import type { CliIo } from "./io.js";
import { quickValidate } from "./quick-validate.js";

export async function main(argv: string[], io: CliIo): Promise<number> {
  const quick = quickValidate(argv);
  if (quick) {
    const { runValidate } = await import("./commands/validate.js");
    return runValidate(quick.inputs, quick.options, io);
  }
  const { runProgram } = await import("./program.js");
  return runProgram(argv, io);
}
