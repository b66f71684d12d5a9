/**
 * The package as a user gets it: `npm pack` of a copy of the sources (prepack builds it, so a
 * tree without dist/ gets one), the tarball installed into an empty project, and the README's
 * CI commands run there through npx. The project holds only what the tarball and its
 * dependencies bring, nothing of the checkout. npm installs from its cache first
 * (--prefer-offline), so this runs offline on a machine where `npm ci` has run once.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const SEEDS = join(ROOT, "fixtures/seeds");
const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };

/** The environment without what `npm test` sets for its own package (npm_package_*, npm_config_prefix, …). */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
}

function npm(args: string[], cwd: string): string {
  return execFileSync("npm", args, { cwd, env: cleanEnv(), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function npx(args: string[], cwd: string) {
  const run = spawnSync("npx", ["--no-install", ...args], { cwd, env: { ...cleanEnv(), NO_COLOR: "1" }, encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

let tarball: string;
let packed: string[];
let project: string;

/**
 * The package's sources in a temporary folder, sharing the checkout's node_modules: packing
 * builds (prepack), and building here would rewrite dist/ under the quick project's worker
 * threads, which run at the same time. The fixtures come too: the build runs validate of two of
 * them to make the command's code cache.
 */
function sourceCopy(): string {
  const copy = mkdtempSync(join(tmpdir(), "lsp-report-source-"));
  for (const entry of ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json", "README.md", "LICENSE", "bin", "src", "schemas", "scripts", "fixtures"]) {
    cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
  }
  symlinkSync(join(ROOT, "node_modules"), join(copy, "node_modules"), "dir");
  return copy;
}

beforeAll(() => {
  const destination = mkdtempSync(join(tmpdir(), "lsp-report-pack-"));
  const source = sourceCopy();
  expect(existsSync(join(source, "dist"))).toBe(false);
  const output = npm(["pack", "--json", "--pack-destination", destination], source);
  // Lifecycle scripts may print before the JSON: it is the last top-level array.
  const report = JSON.parse(output.slice(output.lastIndexOf("\n[") + 1)) as { filename: string; files: { path: string }[] }[];
  tarball = join(destination, report[0]!.filename);
  packed = report[0]!.files.map((file) => file.path);

  project = mkdtempSync(join(tmpdir(), "lsp-report-consumer-"));
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true }, null, 2));
  npm(["install", tarball, "--prefer-offline", "--no-audit", "--no-fund"], project);
  mkdirSync(join(project, "reports"));
  copyFileSync(join(SEEDS, "000_ebda395ebee889b1.txt"), join(project, "reports", "q2-2008-09.txt"));
  copyFileSync(join(SEEDS, "001_6f959b4cb1bc6ca1.txt"), join(project, "reports", "q4-2008-09.txt"));
});

describe("the packed tarball", () => {
  it("holds the licence, the readme, the built command and the schemas, and no tests or TypeScript sources", () => {
    expect(packed).toEqual(expect.arrayContaining(["LICENSE", "README.md", "package.json", "bin/lsp-report.js", "bin/compiled-cli.js", "dist/bin/lsp-report.cjs", "dist/bin/lsp-report.v8cache", "dist/bin/worker.js", "dist/cli/main.js", "dist/index.d.ts", "schemas/lsp-report-config.schema.json"]));
    expect(packed.filter((path) => path.startsWith("test/") || path.startsWith("fixtures/") || (path.startsWith("src/") && path.endsWith(".ts")))).toEqual([]);
  });

  it("installs the command: npx lsp-report -v prints the package's version", () => {
    expect(existsSync(join(project, "node_modules", "lsp-report", "LICENSE"))).toBe(true);
    const run = npx(["lsp-report", "-v"], project);
    expect(run).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it("runs the README's CI step: findings as workflow annotations, exit 1 on the Q2 seed's error", () => {
    const run = npx(["lsp-report", "validate", "reports/", "--format", "github", "--max-warnings", "50"], project);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const errors = run.stdout.split("\n").filter((line) => line.startsWith("::error "));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error file=reports\/q2-2008-09\.txt,line=\d+(,\w+=\d+)*,title=rag-mismatch \(TP-1d\b[^)]*\)::NI 187: /);
  });

  it("runs the README's second CI step: a JUnit report written even though the first step failed", () => {
    const run = npx(["lsp-report", "validate", "reports/", "--format", "junit", "-o", "test-results/lsp-report.xml"], project);
    expect(run.code).toBe(1);
    const xml = readFileSync(join(project, "test-results", "lsp-report.xml"), "utf8");
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain("reports/q2-2008-09.txt");
    expect(xml).toContain("reports/q4-2008-09.txt");
  });

  it("converts through its worker threads, whose script the bundled command finds beside it", () => {
    const run = npx(["lsp-report", "convert", "reports/", "--out-dir", "converted", "--jobs", "2", "--quiet"], project);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    const indicators = readFileSync(join(project, "converted", "indicators.csv"), "utf8");
    expect(indicators).toContain("reports/q2-2008-09.txt");
    expect(indicators).toContain("reports/q4-2008-09.txt");
  });

  it("works as a library: the package's entry reads and validates an update", () => {
    const script = [
      'import { readFileSync } from "node:fs";',
      'import { parseBytes, validate } from "lsp-report";',
      'const report = await parseBytes(readFileSync("reports/q2-2008-09.txt"), "q2.txt");',
      'console.log(report.priorities.length, validate([report]).some((finding) => finding.rule === "rag-mismatch"));',
    ].join("\n");
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], { cwd: project, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("10 true\n");
  });

  it("exits 0 on an update without errors, and 2 on a file that is not there", () => {
    expect(npx(["lsp-report", "validate", "reports/q4-2008-09.txt"], project).code).toBe(0);
    const missing = npx(["lsp-report", "validate", "reports/q3.docx"], project);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("lsp-report: reports/q3.docx: no such file or folder");
  });
});
