/**
 * Command-line inputs to files: files as given, folders searched recursively for the kinds of
 * file an update comes in, `-` for standard input. Sorted, so every run sees the same order.
 */
import { readdir, stat } from "node:fs/promises";
import { extname, join, relative, resolve } from "node:path";

export const UPDATE_EXTENSIONS = new Set([".txt", ".text", ".tsv", ".docx", ".docm", ".doc", ".htm", ".html"]);

export interface InputFile {
  /** The path as the user should see it in messages and output. */
  display: string;
  /** Absolute path, or "-" for standard input. */
  path: string;
}

export interface InputProblem {
  display: string;
  reason: string;
}

export async function expandInputs(inputs: string[], cwd: string): Promise<{ files: InputFile[]; problems: InputProblem[] }> {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  for (const input of inputs) {
    if (input === "-") {
      files.push({ display: "<stdin>", path: "-" });
      continue;
    }
    const absolute = resolve(cwd, input);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push({ display: input, reason: code === "ENOENT" ? "no such file or folder" : `cannot read (${code ?? "error"})` });
      continue;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(absolute, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && UPDATE_EXTENSIONS.has(extname(entry.name).toLowerCase()) && !entry.name.startsWith("~$"))
        .map((entry) => join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name))
        .sort();
      if (entries.length === 0) problems.push({ display: input, reason: "folder holds no .txt, .docx, .doc or .html files" });
      for (const path of entries) files.push({ display: relative(cwd, path) || path, path });
    } else {
      files.push({ display: input, path: absolute });
    }
  }
  return { files, problems };
}
