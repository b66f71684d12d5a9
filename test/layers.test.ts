// The layers point one way (read → parse → validate → emit; batch; cli on top): a module never
// imports from a layer above its own, so the library can be used without the command line and a
// worker thread never loads the CLI. Read from the source, so a new import that breaks this fails here.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "../src");

/** The top-level folders of src/ each layer must not import from. */
const FORBIDDEN: Record<string, string[]> = {
  model: ["read", "parse", "validate", "emit", "batch", "cli"],
  schema: ["read", "parse", "validate", "emit", "batch", "cli"],
  read: ["parse", "validate", "emit", "batch", "cli"],
  parse: ["validate", "emit", "batch", "cli"],
  validate: ["emit", "batch", "cli"],
  emit: ["batch", "cli"],
  batch: ["cli"],
};

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every relative module a file imports (static, dynamic and type-only), as src-relative paths. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*)["'](\.{1,2}\/[^"']+)["']/g)].map((match) => match[1]);
  return specifiers.map((specifier) => relative(SRC, resolve(dirname(file), specifier!)));
}

const files = sourceFiles(SRC).map((file) => ({ file: relative(SRC, file), imports: importsOf(file) }));

describe("layers", () => {
  it("reads the imports of the source (the check below is not vacuous)", () => {
    const batchConvert = files.find((entry) => entry.file === join("batch", "convert.ts"));
    expect(batchConvert?.imports).toContain(join("batch", "pool.js"));
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(Object.entries(FORBIDDEN))("%s/ imports nothing from the layers above it", (layer, above) => {
    const breaches = files
      .filter((entry) => entry.file.startsWith(`${layer}/`))
      .flatMap((entry) => entry.imports.filter((target) => above.includes(target.split("/")[0]!)).map((target) => `${entry.file} → ${target}`));
    expect(breaches).toEqual([]);
  });

  it("commands take the exit codes from their own module, not from the program that runs them", () => {
    const breaches = files.filter((entry) => entry.file.startsWith(join("cli", "commands")) && [join("cli", "main.js"), join("cli", "program.js")].some((program) => entry.imports.includes(program)));
    expect(breaches.map((entry) => entry.file)).toEqual([]);
  });
});
