/** Where a command's result goes: the file named with -o (written atomically), else standard output. */
import { resolve } from "node:path";
import type { CliIo } from "./io.js";
import { reportFailure } from "./load.js";

/** False, after one line on standard error, when the file cannot be written. */
export async function writeOutput(io: CliIo, path: string | undefined, data: string | Uint8Array, display = path): Promise<boolean> {
  if (path === undefined) {
    io.stdout(typeof data === "string" ? data : Buffer.from(data).toString("utf8"));
    return true;
  }
  // Loaded only for -o: it names its temporary file with node:crypto, which standard output has
  // no use for (a few milliseconds of every validate's start-up).
  const { writeFileAtomic } = await import("../batch/write.js");
  try {
    await writeFileAtomic(resolve(io.cwd, path), data);
    return true;
  } catch (error) {
    reportFailure(io, display ?? path, `cannot write (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return false;
  }
}
