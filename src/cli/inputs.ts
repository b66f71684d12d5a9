/**
 * Command-line inputs to files, as ESLint and Prettier take them: a file as given; a folder
 * searched recursively for the kinds of file an update comes in; a quoted glob
 * ("reports/**\/*.docx") expanded here, so it works in any shell; `-` for standard input.
 * Searches skip what is never an update: .git, node_modules and other hidden folders, hidden
 * files, and Word's ~$ lock files; --ignore PATTERN (relative to the working folder) skips more.
 * A file named outright is always read. Sorted, so every run sees the same order.
 */
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import { extname, isAbsolute, relative, resolve, sep } from "node:path";
import type * as Tinyglobby from "tinyglobby";
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

export interface ExpandOptions {
  /** Glob patterns of files and folders to leave out of folder searches and globs, relative to the working folder. */
  ignore?: readonly string[];
}

const KINDS = ".txt, .docx, .doc or .html";

/**
 * tinyglobby, loaded on the first folder or glob: a command given only files (the usual
 * `validate update.docx`) starts without it and the packages it brings (fdir, picomatch).
 */
let globbing: typeof Tinyglobby | undefined;
async function tinyglobby(): Promise<typeof Tinyglobby> {
  globbing ??= await import("tinyglobby");
  return globbing;
}

/** Forward slashes, as glob patterns are written. */
function posix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

/** A file a search finds that is an update's kind and not a Word lock file (~$name.docx, left while a document is open). */
function isCandidate(path: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return UPDATE_EXTENSIONS.has(extname(name).toLowerCase()) && !name.startsWith("~$");
}

/**
 * Below its starting point, does a path pass through a folder a search skips? tinyglobby already
 * leaves these out when it can (it does not even list them); this is the guard where a pattern
 * reaches into one all the same.
 */
function inSkippedFolder(below: string): boolean {
  const folders = below.split("/").slice(0, -1);
  return folders.some((folder) => folder === "node_modules" || folder.startsWith("."));
}

/** The leading segments of a pattern that hold no glob syntax: where its search starts. */
function staticBase(pattern: string, { isDynamicPattern }: typeof Tinyglobby): string {
  const segments = pattern.split("/");
  const base: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (isDynamicPattern(segment)) break;
    base.push(segment);
  }
  return base.join("/");
}

/**
 * The ignore patterns for a search run inside `base`: the user's, written relative to the working
 * folder, made relative to `base`. "**\/…" patterns apply anywhere and stay as written; one that
 * lies outside `base` cannot match there and is left out.
 */
function ignoresFor(base: string, cwd: string, ignore: readonly string[], { isDynamicPattern }: typeof Tinyglobby): string[] {
  const patterns = ["**/node_modules/**"];
  for (const pattern of ignore) {
    const written = posix(pattern).replace(/^\.\//, "").replace(/\/$/, "");
    // A plain folder name leaves out everything in it, as in .gitignore.
    for (const variant of isDynamicPattern(written) ? [written] : [written, `${written}/**`]) {
      if (variant.startsWith("**/")) patterns.push(variant);
      else {
        const below = posix(relative(base, resolve(cwd, variant)));
        if (below !== ".." && !below.startsWith("../")) patterns.push(below === "" ? "**" : below);
      }
    }
  }
  return patterns;
}

/**
 * The update files a search finds, absolute and sorted: `below` is the pattern inside `root`, a
 * folder relative to `cwd`. The search runs inside `root` itself: tinyglobby given a pattern that
 * starts with "../" crawls far beyond the folder (about 90 ms for a two-file folder).
 */
async function search(below: string, root: string, cwd: string, ignore: readonly string[], globs: typeof Tinyglobby): Promise<string[]> {
  const base = resolve(cwd, root);
  const found = await globs.glob([below], { cwd: base, dot: false, followSymbolicLinks: false, onlyFiles: true, expandDirectories: false, ignore: ignoresFor(base, cwd, ignore, globs) });
  return found
    .filter((path) => isCandidate(path) && !inSkippedFolder(path))
    .map((path) => resolve(base, path))
    .sort();
}

/**
 * Where an input's search starts: the input itself, or for a glob that names no existing path its
 * folder part ("reports/**\/*.docx" → "reports"), so that convert keeps its output out of it.
 */
export async function searchRoot(input: string, cwd: string): Promise<string> {
  if (input === "-" || existsSync(resolve(cwd, input))) return input;
  const globs = await tinyglobby();
  if (!globs.isDynamicPattern(posix(input))) return input;
  return staticBase(posix(input).replace(/^\.\//, ""), globs) || ".";
}

export async function expandInputs(inputs: string[], cwd: string, options: ExpandOptions = {}): Promise<ExpandedInputs> {
  const ignore = options.ignore ?? [];
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
  const found = (paths: string[]) => {
    for (const path of paths) file({ display: relative(cwd, path) || path, path });
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
      // Not a path: a glob the shell left quoted (or cannot expand, as on Windows).
      const globs = code === "ENOENT" || code === "ENOTDIR" ? await tinyglobby() : undefined;
      if (globs?.isDynamicPattern(posix(input))) {
        const pattern = posix(isAbsolute(input) ? relative(cwd, input) : input).replace(/^\.\//, "");
        const root = staticBase(pattern, globs);
        const matches = await search(root === "" ? pattern : pattern.slice(root.length + 1), root, cwd, ignore, globs);
        if (matches.length === 0) problem({ display: input, reason: `no ${KINDS} file matches this pattern` });
        found(matches);
        continue;
      }
      problem({ display: input, reason: code === "ENOENT" ? "no such file or folder" : `cannot read (${code ?? "error"})` });
      continue;
    }
    if (info.isDirectory()) {
      const root = posix(relative(cwd, absolute));
      const globs = await tinyglobby();
      const matches = await search("**/*", root, cwd, ignore, globs);
      if (matches.length === 0) problem({ display: input, reason: `folder holds no ${KINDS} files` });
      found(matches);
    } else {
      file({ display: input, path: absolute });
    }
  }
  return { files, problems, order };
}
