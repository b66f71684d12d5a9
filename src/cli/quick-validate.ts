/**
 * The officer's usual command, `lsp-report validate <inputs…> [options]`, read without commander.
 * Loading commander and declaring every command and option is about a tenth of a short
 * validate's time (docs/benchmarks.md, "Start-up"); this reads the plain forms of validate's
 * options and gives exactly what commander would give the command (the same inputs, the same
 * option values and defaults).
 *
 * Anything else, or anything in doubt, gives undefined and commander reads the whole line as
 * before: help, the version, other commands, unknown or repeated-looking options, grouped short
 * flags (`-qf json`), values glued to short flags (`-fjson`), a value that starts with '-', an
 * option's missing value, a value outside its choices, `--`, no input. So every message, and
 * every usage error, is still commander's. test/quick-validate.test.ts holds the two to the same
 * result on generated argument lists.
 */
import type { ValidateCommandOptions } from "./commands/validate.js";

type ValueKey = "format" | "output" | "tolerance" | "maxWarnings" | "annotate" | "jobs" | "config" | "maxUnzippedMb" | "docxReader";

/** validate's options that take a value, by long name, as src/cli/program.ts declares them. */
const VALUE_OPTIONS: ReadonlyMap<string, { key: ValueKey | "ignore"; choices?: readonly string[] }> = new Map([
  ["--format", { key: "format", choices: ["stylish", "json", "github", "junit", "sarif"] }],
  ["--output", { key: "output" }],
  ["--tolerance", { key: "tolerance" }],
  ["--max-warnings", { key: "maxWarnings" }],
  ["--annotate", { key: "annotate" }],
  ["--jobs", { key: "jobs" }],
  ["--config", { key: "config" }],
  ["--ignore", { key: "ignore" }],
  ["--max-unzipped-mb", { key: "maxUnzippedMb" }],
  ["--docx-reader", { key: "docxReader", choices: ["native", "mammoth"] }],
]);

const SHORT_NAMES: ReadonlyMap<string, string> = new Map([
  ["-f", "--format"],
  ["-o", "--output"],
  ["-t", "--tolerance"],
  ["-j", "--jobs"],
  ["-c", "--config"],
  ["-q", "--quiet"],
]);

export interface QuickValidate {
  inputs: string[];
  options: ValidateCommandOptions;
}

/** validate's inputs and options as commander would hand them to the command, or undefined. */
export function quickValidate(argv: readonly string[]): QuickValidate | undefined {
  if (argv[0] !== "validate") return undefined;
  // commander's defaults for validate, and the global --debug as false unless given.
  const options: ValidateCommandOptions = { format: "stylish", color: true, ignore: [], maxUnzippedMb: "256", docxReader: "native", debug: false };
  const inputs: string[] = [];
  for (let at = 1; at < argv.length; at++) {
    const arg = argv[at]!;
    if (arg === "-" || !arg.startsWith("-")) {
      inputs.push(arg);
      continue;
    }
    const equals = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = equals > 0 ? arg.slice(0, equals) : (SHORT_NAMES.get(arg) ?? arg);
    if (equals < 0 && name === "--quiet") options.quiet = true;
    else if (equals < 0 && name === "--no-color") options.color = false;
    else if (equals < 0 && name === "--debug") options.debug = true;
    else {
      const option = VALUE_OPTIONS.get(name);
      if (!option) return undefined;
      const value = equals > 0 ? arg.slice(equals + 1) : argv[++at];
      if (value === undefined || value === "" || value.startsWith("-")) return undefined;
      if (option.choices && !option.choices.includes(value)) return undefined;
      if (option.key === "ignore") options.ignore = [...(options.ignore ?? []), value];
      else (options as unknown as Record<ValueKey, string>)[option.key] = value;
    }
  }
  return inputs.length > 0 ? { inputs, options } : undefined;
}
