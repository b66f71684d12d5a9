/**
 * Finding and reading lsp-report.config.json: the file named with --config, else the first one
 * found from the working folder upward. A bad configuration is one line naming the key and the
 * problem; the command then stops with exit code 2 rather than check with settings the user did
 * not mean.
 */
import { readFile } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import type { Config } from "../schema/config.js";
import { RULE_IDS } from "../validate/rules/index.js";

export const CONFIG_FILE = "lsp-report.config.json";

export type LoadedConfig = { ok: true; config: Config; path: string | null } | { ok: false; display: string; problem: string };

async function readIfThere(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw error;
  }
}

async function findUpward(cwd: string): Promise<{ path: string; text: string } | null> {
  for (let folder = resolve(cwd); ; folder = dirname(folder)) {
    const path = join(folder, CONFIG_FILE);
    const text = await readIfThere(path);
    if (text !== null) return { path, text };
    if (dirname(folder) === folder) return null;
  }
}

export async function loadConfig(cwd: string, explicit: string | undefined): Promise<LoadedConfig> {
  let found: { path: string; text: string } | null;
  // As the user wrote it with --config; a file found upward, relative to the working folder.
  const display = (path: string) => explicit ?? (relative(cwd, path) || path);
  try {
    if (explicit) {
      const path = resolve(cwd, explicit);
      const text = await readIfThere(path);
      if (text === null) return { ok: false, display: explicit, problem: "no such configuration file" };
      found = { path, text };
    } else {
      found = await findUpward(cwd);
    }
  } catch (error) {
    return { ok: false, display: explicit ?? CONFIG_FILE, problem: `cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})` };
  }
  if (!found) return { ok: true, config: {}, path: null };
  let value: unknown;
  try {
    value = JSON.parse(found.text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { ok: false, display: display(found.path), problem: `not valid JSON (${(error as Error).message})` };
  }
  // zod (the schema) is loaded only when there is a file to check: it costs start-up time.
  const { checkConfig } = await import("../schema/config.js");
  const checked = checkConfig(value, RULE_IDS);
  if (!checked.ok) return { ok: false, display: display(found.path), problem: checked.problem };
  return { ok: true, config: checked.config, path: found.path };
}
