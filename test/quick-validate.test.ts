/**
 * `lsp-report validate …` read without commander (src/cli/quick-validate.ts) must hand the command
 * what commander hands it, and leave to commander every line it does not read the same way. The
 * command itself is replaced by a spy here: both readings run, and what reached it is compared.
 */
import fc from "fast-check";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CliIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { runProgram } from "../src/cli/program.js";
import { quickValidate } from "../src/cli/quick-validate.js";
import { checkProperty } from "./helpers/fast-check.js";

const { runValidate } = vi.hoisted(() => ({ runValidate: vi.fn((..._args: unknown[]) => Promise.resolve(0)) }));
vi.mock("../src/cli/commands/validate.js", () => ({ runValidate }));

function silentIo(): CliIo {
  return { stdout: () => {}, stderr: () => {}, readStdin: () => Promise.resolve(new Uint8Array()), cwd: process.cwd(), env: {}, stdoutIsTTY: false, stderrIsTTY: false };
}

/** What commander hands validate for this line: its inputs and options, or null when validate does not run. */
async function commanderReading(argv: string[]): Promise<{ inputs: unknown; options: unknown } | null> {
  runValidate.mockClear();
  await runProgram(argv, silentIo());
  if (runValidate.mock.calls.length === 0) return null;
  const [inputs, options] = runValidate.mock.calls[0]!;
  return { inputs, options };
}

/** Words of validate's command lines: inputs, every option in each spelling, and near misses. */
const WORDS = [
  "q2.docx", "reports/", "-", "Q4 2008-09.txt", "json",
  "--quiet", "-q", "--no-color", "--debug",
  "--format", "json", "-f", "sarif", "--format=github", "--format=junit", "--format=bogus", "-f", "stylish",
  "--output", "out.json", "-o", "--output=findings.xml", "--output=",
  "--tolerance", "5", "-t", "10%", "--tolerance=2.5", "--tolerance=-5",
  "--max-warnings", "0", "--max-warnings=3", "--jobs", "2", "-j", "1", "--jobs=4",
  "--config", "strict.json", "-c", "--config=lsp.json",
  "--ignore", "old/**", "--ignore=drafts", "--max-unzipped-mb", "64", "--max-unzipped-mb=1",
  "--docx-reader", "mammoth", "--docx-reader=native", "--docx-reader", "word",
  "--annotate", "checked/", "--annotate=annotated",
  "-qf", "-fjson", "--", "-v", "-V", "--help", "-h", "--color", "--colour", "-x", "--bogus", "-5", "--QUIET", "--format=",
];

/** Whole pieces of a valid line: an input, a flag, or an option with its value, in each spelling. */
const UNITS: string[][] = [
  ["q2.docx"], ["reports/"], ["-"], ["--quiet"], ["-q"], ["--no-color"], ["--debug"],
  ...["stylish", "json", "github", "junit", "sarif"].flatMap((format) => [["--format", format], ["-f", format], [`--format=${format}`]]),
  ["-o", "out.json"], ["--output", "findings.xml"], ["--output=f.json"], ["-t", "5"], ["--tolerance", "10%"], ["--tolerance=2.5"],
  ["--max-warnings", "0"], ["--max-warnings=3"], ["--jobs", "2"], ["-j", "1"], ["--jobs=4"], ["-c", "strict.json"], ["--config", "c.json"], ["--config=lsp.json"],
  ["--ignore", "old/**"], ["--ignore=drafts"], ["--max-unzipped-mb", "64"], ["--max-unzipped-mb=1"],
  ["--docx-reader", "mammoth"], ["--docx-reader", "native"], ["--docx-reader=mammoth"], ["--annotate", "checked/"], ["--annotate=annotated"],
];

beforeEach(() => runValidate.mockClear());

describe("validate read without commander", () => {
  it("hands validate what commander hands it, for every line it reads", async () => {
    const units = fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...UNITS) }, { weight: 1, arbitrary: fc.constantFrom(...WORDS).map((word) => [word]) });
    const lines = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.array(units, { maxLength: 8 }), fc.nat()).map(([pieces, at]) => ["validate", ...[...pieces.slice(0, at % (pieces.length + 1)), ["q2.docx"], ...pieces.slice(at % (pieces.length + 1))].flat()]) },
      fc.array(fc.constantFrom(...WORDS), { maxLength: 10 }).map((words) => ["validate", ...words]),
      fc.array(fc.constantFrom(...WORDS), { maxLength: 6 }).map((words) => [...words.slice(0, 1), "validate", ...words.slice(1)]),
    );
    let read = 0;
    await checkProperty(
      fc.asyncProperty(lines, async (argv) => {
        const quick = quickValidate(argv);
        if (quick === undefined) return;
        read++;
        expect(await commanderReading(argv)).toStrictEqual({ inputs: quick.inputs, options: quick.options });
      }),
      { numRuns: 1500 },
    );
    expect(read).toBeGreaterThan(300); // the property was not met by reading nothing
  });

  it("reads the usual forms", async () => {
    const usual = [
      ["validate", "q2.docx"],
      ["validate", "reports/", "--format", "github", "--max-warnings", "0"],
      ["validate", "reports/2008-09", "--format", "junit", "-o", "test-results/lsp.xml"],
      ["validate", "q2.docx", "--annotate", "checked/"],
      ["validate", "q2.docx", "--tolerance", "5", "--format", "json"],
      ["validate", "a.txt", "b.docx", "--quiet", "--no-color", "-j", "2", "--ignore", "old/**", "--ignore", "drafts/**"],
      ["validate", "-", "--format=sarif", "--config=strict.json", "--docx-reader", "mammoth", "--max-unzipped-mb", "64", "--debug"],
    ];
    for (const argv of usual) {
      const quick = quickValidate(argv);
      expect(quick, argv.join(" ")).toBeDefined();
      expect(await commanderReading(argv)).toStrictEqual({ inputs: quick!.inputs, options: quick!.options });
    }
  });

  it("leaves help, the version, other commands and usage errors to commander", () => {
    for (const argv of [[], ["--help"], ["-v"], ["validate"], ["validate", "--help"], ["validate", "a.txt", "-h"], ["parse", "a.txt"], ["--debug", "validate", "a.txt"], ["validate", "a.txt", "--format", "pdf"], ["validate", "a.txt", "--bogus"], ["validate", "a.txt", "-o"], ["validate", "a.txt", "-qf", "json"], ["validate", "--", "-a.txt"]]) {
      expect(quickValidate(argv), argv.join(" ")).toBeUndefined();
    }
  });

  it("main runs validate through the quick reading, and anything else through commander", async () => {
    const io = silentIo();
    expect(await main(["validate", "a.txt", "-q"], io)).toBe(0);
    expect(runValidate).toHaveBeenCalledWith(["a.txt"], { format: "stylish", color: true, ignore: [], maxUnzippedMb: "256", docxReader: "native", debug: false, quiet: true }, io);
    const errors: string[] = [];
    expect(await main(["validate", "a.txt", "--format", "pdf"], { ...io, stderr: (text) => void errors.push(text) })).toBe(2);
    expect(errors.join("")).toMatch(/^lsp-report: option '-f, --format <format>' argument 'pdf' is invalid/);
  });
});
