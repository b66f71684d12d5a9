/**
 * Where convert writes, and the refusals that keep it from writing inside or over its inputs.
 * Paths are compared after resolving symbolic links, so a link cannot smuggle the output folder
 * into an input folder.
 */
import { realpath, stat } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import type { InputFile } from "./task.js";

export interface InputRoot {
  /** As the user typed it. */
  display: string;
  /** Absolute, as typed (links kept): the base of the mirrored JSON tree. */
  path: string;
  /** Absolute with links resolved: for the safety checks. */
  real: string;
  folder: boolean;
}

/** The inputs that exist, with whether each is a folder. Missing ones are expandInputs' to report. */
export async function inputRoots(inputs: string[], cwd: string): Promise<InputRoot[]> {
  const roots: InputRoot[] = [];
  for (const input of inputs) {
    if (input === "-") continue;
    const path = resolve(cwd, input);
    try {
      const info = await stat(path);
      roots.push({ display: input, path, real: await realpath(path), folder: info.isDirectory() });
    } catch {
      // not there: reported by expandInputs
    }
  }
  return roots;
}

/** A path with links resolved as far as it exists; the part that does not exist yet is kept. */
export async function realPathOf(path: string): Promise<string> {
  const rest: string[] = [];
  let current = resolve(path);
  for (;;) {
    try {
      return join(await realpath(current), ...rest.reverse());
    } catch {
      const parent = dirname(current);
      if (parent === current) return resolve(path);
      rest.push(basename(current));
      current = parent;
    }
  }
}

/** `child` is `parent` or below it. */
export function isWithin(child: string, parent: string): boolean {
  if (child === parent) return true;
  return child.startsWith(parent.endsWith(sep) ? parent : parent + sep);
}

/** The deepest folder holding every input: folders themselves, files' folders. */
export function commonBase(roots: InputRoot[]): string {
  const folders = roots.map((root) => (root.folder ? root.path : dirname(root.path)));
  const [first, ...others] = folders;
  if (first === undefined) return "";
  let base = first;
  for (const folder of others) while (!isWithin(folder, base)) base = dirname(base);
  return base;
}

/** The JSON file of one input: its path below the common base, mirrored under the output folder. */
export function jsonOutputPath(outDir: string, base: string, file: InputFile): string {
  return join(outDir, `${relative(base, file.path)}.json`);
}

/**
 * Why convert must not write these outputs, or null when it may. `outputs` are the files it will
 * write (absolute, below `outDir`).
 */
export async function outputProblem(outDir: string, outDirDisplay: string, roots: InputRoot[], outputs: string[]): Promise<string | null> {
  try {
    const info = await stat(outDir);
    if (!info.isDirectory()) return `--out-dir ${outDirDisplay} is a file, not a folder`;
  } catch {
    // created later
  }
  const realOut = await realPathOf(outDir);
  for (const root of roots) {
    if (root.folder && isWithin(realOut, root.real)) {
      return `--out-dir ${outDirDisplay} is inside the input folder ${root.display}: write the output outside the inputs`;
    }
  }
  const inputFiles = new Map(roots.filter((root) => !root.folder).map((root) => [root.real, root.display]));
  for (const output of outputs) {
    const real = join(realOut, relative(outDir, output));
    const overwritten = inputFiles.get(real);
    if (overwritten !== undefined) return `--out-dir ${outDirDisplay} would overwrite the input ${overwritten}: choose another folder`;
    const folder = roots.find((root) => root.folder && isWithin(real, root.real));
    if (folder) return `--out-dir ${outDirDisplay} would write ${relative(realOut, real)} inside the input folder ${folder.display}: choose another folder`;
  }
  return null;
}
