/**
 * Command-line inputs to files: files as given, folders searched recursively for the kinds of
 * file an update comes in, `-` for standard input. Sorted, so every run sees the same order.
 */
import { readdir, stat } from "node:fs/promises";
import { extname, join, relative, resolve } from "node:path";
import type { InputFile } from "../batch/task.js";

export type { InputFile };

export const UPDATE_EXTENSIONS = new Set([".txt", ".text", ".tsv", ".docx", ".docm", ".doc", ".htm", ".html"]);


export interface InputProblem {
  display: string;
  reason: string;
}

export interface ExpandedInputs {
  files: InputFile[];
  problems: InputProblem[];
  /** Every file and problem as shown to the user, in command-line order. */
  order: string[];
}

export async function expandInputs(inputs: string[], cwd: string): Promise<ExpandedInputs> {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  const order: string[] = [];
  const problem = (entry: InputProblem) => {
    problems.push(entry);
    order.push(entry.display);
  };
  const file = (entry: InputFile) => {
    files.push(entry);
    order.push(entry.display);
  };
  for (const input of inputs) {
    if (input === "-") {
      file({ display: "<stdin>", path: "-" });
      continue;
    }
    const absolute = resolve(cwd, input);
    let info;
    try {
      info = await stat(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problem({ display: input, reason: code === "ENOENT" ? "no such file or folder" : `cannot read (${code ?? "error"})` });
      continue;
    }
    if (info.isDirectory()) {
      const entries = (await readdir(absolute, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile() && UPDATE_EXTENSIONS.has(extname(entry.name).toLowerCase()) && !entry.name.startsWith("~$"))
        .map((entry) => join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name))
        .sort();
      if (entries.length === 0) problem({ display: input, reason: "folder holds no .txt, .docx, .doc or .html files" });
      for (const path of entries) file({ display: relative(cwd, path) || path, path });
    } else {
      file({ display: input, path: absolute });
    }
  }
  return { files, problems, order };
}
