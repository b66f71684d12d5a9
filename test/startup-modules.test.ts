/**
 * What `lsp-report validate` loads for one file, as the officer runs it (bin/lsp-report.js in a
 * child process): only the packages the input's format and the command need. Start-up time is
 * mostly loading code (docs/benchmarks.md, "Start-up"), so a static import that pulls zod, the
 * HTML parser or mammoth back into every run would cost every run that time; this catches it
 * without timing anything.
 *
 * test/helpers/module-probe.mjs lists every file the process loads as a module. A file of
 * node_modules names its package. The command's bundle (dist/bin/lsp-report.cjs, compiled by
 * bin/compiled-cli.js, not loaded as a module) holds only the packages every run needs (chalk,
 * fflate): each of the heavy ones is required from node_modules when needed, so the probe sees
 * it. A file of the worker's bundle (dist/bin/) names the packages bundled into it by esbuild's
 * `// node_modules/<package>/…` comment before each module's code. Each package that a run must
 * not load is shown loading in a run that needs it, so the probe is known to see it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "bin/lsp-report.js");
const PROBE = join(ROOT, "test/helpers/module-probe.mjs");
const Q2_TEXT = join(ROOT, "fixtures/seeds/000_ebda395ebee889b1.txt");
const Q2_DOCX = join(ROOT, "fixtures/docx/q2-2008-09.docx");
const Q2_HTML = join(ROOT, "fixtures/html/q2-2008-09.html");

/** Packages too big to load unless the input or the command needs them. */
const HEAVY = ["zod", "htmlparser2", "cheerio", "parse5", "undici", "mammoth", "word-extractor", "tinyglobby", "piscina", "exceljs"];

/** The package of a path inside node_modules (the innermost one, scoped or not). */
function packageOf(path: string): string | null {
  const parts = path.split(sep);
  const at = parts.lastIndexOf("node_modules");
  if (at < 0 || at + 1 >= parts.length) return null;
  const name = parts[at + 1]!;
  return name.startsWith("@") ? `${name}/${parts[at + 2] ?? ""}` : name;
}

/** The packages esbuild bundled into a file of dist/bin/, from its module comments. */
function bundledPackages(file: string): string[] {
  const names = [...readFileSync(file, "utf8").matchAll(/^\/\/ (node_modules\/\S+)$/gm)].map((match) => packageOf(match[1]!.split("/").join(sep)));
  return names.filter((name): name is string => name !== null);
}

interface Run {
  code: number | null;
  stderr: string;
  /** Every package the run loaded, sorted. */
  packages: string[];
  /** The files of this project the run loaded, relative to it. */
  own: string[];
}

function validate(args: string[], cwd = ROOT): Run {
  const log = join(mkdtempSync(join(tmpdir(), "lsp-modules-")), "loaded.txt");
  writeFileSync(log, "");
  const run = spawnSync(process.execPath, ["--import", PROBE, BIN, "validate", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, LSP_MODULE_LOG: log, NO_COLOR: "1" },
  });
  const loaded = [...new Set(readFileSync(log, "utf8").split("\n").filter((line) => line !== ""))];
  const packages = new Set<string>();
  const own: string[] = [];
  for (const path of loaded) {
    const name = packageOf(path);
    if (name) {
      packages.add(name);
      continue;
    }
    if (!path.startsWith(ROOT + sep)) continue;
    own.push(relative(ROOT, path));
    if (path.startsWith(join(ROOT, "dist", "bin") + sep)) for (const bundled of bundledPackages(path)) packages.add(bundled);
  }
  return { code: run.status, stderr: run.stderr, packages: [...packages].sort(), own };
}

/** A text update without markup: the Q2 seed with its HTML residue and entities taken out. */
function plainText(): string {
  const text = readFileSync(Q2_TEXT, "utf8").replace(/<[^<>]*>/g, " ").replace(/&[a-z]+;|&#\d+;/gi, " ").replace(/&/g, "and").replace(/</g, "under ");
  const path = join(mkdtempSync(join(tmpdir(), "lsp-plain-")), "q2-2008-09.txt");
  writeFileSync(path, text);
  return path;
}

describe("what validate loads for one file", () => {
  it("runs the command's bundle, not the ~90 modules of dist/", () => {
    const run = validate([Q2_DOCX]);
    expect(run.stderr).toBe("");
    expect(run.own.filter((path) => path.startsWith(`dist${sep}`) && !path.startsWith(join("dist", "bin")))).toEqual([]);
    expect(run.own.length).toBeLessThan(40);
  });

  it("a text file without markup: none of the heavy packages, not even the HTML parser", () => {
    const plain = plainText();
    expect(readFileSync(plain, "utf8")).not.toMatch(/[<&]/);
    const run = validate([plain]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1); // the Q2 seed's known error (NI 187) is still found
    expect(run.packages.filter((name) => HEAVY.includes(name))).toEqual([]);
  });

  it("a text file with the usual HTML residue (<p>, <ul>): none of the heavy packages either, its markup read without the HTML parser", () => {
    expect(readFileSync(Q2_TEXT, "utf8")).toMatch(/<p>/);
    const run = validate([Q2_TEXT]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    expect(run.packages.filter((name) => HEAVY.includes(name))).toEqual([]);
  });

  it("a text file with other markup: the HTML parser, and still no other heavy package", () => {
    const bold = join(mkdtempSync(join(tmpdir(), "lsp-bold-")), "q2-2008-09.txt");
    writeFileSync(bold, readFileSync(Q2_TEXT, "utf8").replace("<p>Transformation", "<p><b>Transformation</b>"));
    const run = validate([bold]);
    expect(run.code).toBe(1);
    expect(run.packages).toContain("htmlparser2");
    expect(run.packages.filter((name) => HEAVY.includes(name) && name !== "htmlparser2")).toEqual([]);
  });

  it("a .docx: neither mammoth nor the HTML parser", () => {
    const run = validate([Q2_DOCX]);
    expect(run.code).toBe(1); // read, and the Q2 seed's known error found in it
    expect(run.packages.filter((name) => HEAVY.includes(name))).toEqual([]);
  });

  it("the usual validate line is read without commander; help, and any line the quick reading leaves, load it", () => {
    const plain = validate([Q2_TEXT, "--format", "json", "-q", "--max-warnings", "5"]);
    expect(plain.code).toBe(1);
    expect(plain.packages).not.toContain("commander");
    const help = validate(["--help"]);
    expect(help.code).toBe(0);
    expect(help.packages).toContain("commander");
    expect(validate([Q2_TEXT, "-qf", "json"]).packages).toContain("commander");
  });

  it("loads what an input or an option does need: zod for a configuration file, tinyglobby for a folder, mammoth when asked for, the HTML parser for HTML", () => {
    const project = mkdtempSync(join(tmpdir(), "lsp-config-"));
    writeFileSync(join(project, "lsp-report.config.json"), JSON.stringify({ tolerance: 10 }));
    expect(validate([Q2_TEXT], project).packages).toContain("zod");
    expect(validate([join(ROOT, "fixtures", "seeds")]).packages).toContain("tinyglobby");
    expect(validate([Q2_DOCX, "--docx-reader", "mammoth"]).packages).toEqual(expect.arrayContaining(["mammoth"]));
    expect(validate([Q2_HTML]).packages).toEqual(expect.arrayContaining(["htmlparser2"]));
  });
});
