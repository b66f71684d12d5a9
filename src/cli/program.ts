/**
 * The command line as commander reads it: every command, option, help text and usage error.
 * main.ts hands it every argument list that its quick reading of a plain `validate` does not
 * take (src/cli/quick-validate.ts), so help and errors are commander's own. Command modules
 * are imported only when their command runs, so `lsp-report --version` stays quick.
 */
import { Argument, Command, CommanderError, Option } from "commander";
import { createRequire } from "node:module";
import type { ConvertCommandOptions } from "./commands/convert.js";
import type { ParseCommandOptions } from "./commands/parse.js";
import type { ReportCommandOptions } from "./commands/report.js";
import type { ValidateCommandOptions } from "./commands/validate.js";
import { CONFIG_FILE } from "./config-file.js";
import { EXIT_OK, EXIT_USAGE } from "./exit-codes.js";
import type { CliIo } from "./io.js";

// The package's own manifest by its name (a self-reference through "exports"), so that it is
// found from wherever this module is built to: dist/cli/ or the bundle in dist/bin/.
const require = createRequire(import.meta.url);
const { version } = require("lsp-report/package.json") as { version: string };

/** --debug, a global option. */
function debugOf(command: Command): boolean {
  return command.optsWithGlobals<{ debug?: boolean }>().debug === true;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

const READING_COMMANDS = new Set(["parse", "validate", "report", "convert"]);

/**
 * The options of every command that reads documents, declared once so that each takes them,
 * and means the same by them (src/cli/context.ts works them out).
 */
function readingOptions(command: Command): Command {
  return command
    .option("-c, --config <file>", `configuration file (default: ${CONFIG_FILE} in the working folder or the nearest folder above)`)
    .option("--ignore <pattern>", "leave out files and folders matching this glob when searching folders and globs (relative to the working folder; repeatable)", collect, [])
    .option("--max-unzipped-mb <mb>", "refuse a .docx that expands past this many megabytes", "256")
    .addOption(new Option("--docx-reader <reader>", "how to read .docx: native (fast, every cell located) or mammoth (the reference it is tested against)").choices(["native", "mammoth"]).default("native"));
}

function examples(lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join("\n")}\n`;
}

/** `-v` asks for the version too, as in most CLIs; commander takes one short flag, so -v becomes -V before the command name. */
function versionFlags(argv: string[]): string[] {
  const command = argv.findIndex((arg) => !arg.startsWith("-"));
  return argv.map((arg, index) => (arg === "-v" && (command === -1 || index < command) ? "-V" : arg));
}

export async function runProgram(argv: string[], io: CliIo): Promise<number> {
  let exitCode = EXIT_OK;
  const program = new Command("lsp-report")
    .description("Read Leeds Strategic Plan quarterly performance updates (.docx, .doc, .html, text) into records, validate their RAG ratings, emit JSON or CSV.")
    .version(version, "-V, --version", "print the version (also -v)")
    .option("--debug", "show stack traces of internal errors")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(text.replace(/^error: /, "lsp-report: ")),
    });

  program
    .command("parse")
    .description("Read updates into records and print them as JSON (default) or CSV")
    .argument("<inputs...>", "files, folders (searched recursively), quoted globs or - for standard input")
    .addOption(new Option("-f, --format <format>", "output format (xlsx: a workbook with a sheet per record kind, needs -o)").choices(["json", "csv", "xlsx"]).default("json"))
    .addOption(
      new Option("-r, --records <kind>", "with --format csv: which records, one row each").choices(["priorities", "indicators", "actions", "contributors"]).default("indicators"),
    )
    .option("-o, --output <file>", "write to a file instead of standard output")
    .option("--bom", "start CSV with a byte order mark (for Excel)")
    .addHelpText(
      "after",
      examples([
        "lsp-report parse fixtures/seeds/000_ebda395ebee889b1.txt",
        "lsp-report parse archive/ --format csv --records actions -o actions.csv",
        "cat update.txt | lsp-report parse - --format csv --records priorities",
        "lsp-report parse fixtures/seeds --format xlsx -o lsp-2008-09.xlsx",
      ]),
    )
    .action(async (inputs: string[], options: Omit<ParseCommandOptions, "debug">, command: Command) => {
      const { runParse } = await import("./commands/parse.js");
      exitCode = await runParse(inputs, { ...options, debug: debugOf(command) }, io);
    });

  program
    .command("validate")
    .description("Check the updates: RAG ratings against targets and results, completeness, references, periods, timescales; exit 1 on errors")
    .argument("<inputs...>", "files, folders (searched recursively), quoted globs or - for standard input")
    .addOption(new Option("-f, --format <format>", "stylish (for people), json, github (workflow annotations), junit (XML) or sarif (SARIF 2.1.0, for code scanning)").choices(["stylish", "json", "github", "junit", "sarif"]).default("stylish"))
    .option("-o, --output <file>", "write to a file instead of standard output")
    .option("-t, --tolerance <percent>", "how far short of target is still Amber, in percent of the target (default 10)")
    .option("--max-warnings <n>", "exit 1 when there are more warnings than this")
    .option("-q, --quiet", "show errors only (warnings still count for --max-warnings)")
    .option("--annotate <dir>", "write a copy of each .docx input into DIR with every finding as a Word comment on its cell")
    .option("--no-color", "no colour (also NO_COLOR=1; FORCE_COLOR=1 forces it)")
    .option("-j, --jobs <n>", "worker threads for many inputs (default: the number of CPUs)")
    .addHelpText(
      "after",
      examples([
        "lsp-report validate fixtures/seeds/000_ebda395ebee889b1.txt",
        "lsp-report validate reports/ --format github --max-warnings 0",
        "lsp-report validate reports/2008-09 --format junit -o test-results/lsp.xml",
        "lsp-report validate q2.docx --annotate checked/",
        "lsp-report validate q2.docx --tolerance 5 --format json | jq '.summary'",
      ]) + "\nExit codes: 0 clean or warnings only, 1 errors (or too many warnings), 2 unreadable inputs or usage errors.\n",
    )
    .action(async (inputs: string[], options: Omit<ValidateCommandOptions, "debug">, command: Command) => {
      const { runValidate } = await import("./commands/validate.js");
      exitCode = await runValidate(inputs, { ...options, debug: debugOf(command) }, io);
    });

  program
    .command("rules")
    .description("List the validation rules, or explain one")
    .argument("[id]", "a rule id, e.g. rag-mismatch")
    .option("--json", "as JSON")
    .addHelpText("after", examples(["lsp-report rules", "lsp-report rules rag-mismatch"]))
    .action(async (id: string | undefined, options: { json?: boolean }) => {
      const { runRules } = await import("./commands/rules.js");
      exitCode = runRules(id, options, io);
    });

  program
    .command("report")
    .description("Draw a dashboard of the updates: one self-contained HTML file with the RAG matrix, indicators and their charts, and the findings")
    .argument("<inputs...>", "files, folders (searched recursively), quoted globs or - for standard input")
    .option("-o, --output <file>", "write to a file instead of standard output")
    .option("--title <text>", "the page's title")
    .option("--no-validate", "leave out the validation findings")
    .addHelpText(
      "after",
      examples([
        "lsp-report report fixtures/seeds -o report.html",
        'lsp-report report archive/2008-09/Q4 --title "Thriving Places: Q4 2008/09" -o board-paper.html',
      ]),
    )
    .action(async (inputs: string[], options: Omit<ReportCommandOptions, "debug">, command: Command) => {
      const { runReport } = await import("./commands/report.js");
      exitCode = await runReport(inputs, { ...options, debug: debugOf(command) }, io);
    });

  program
    .command("convert")
    .description("Convert many updates at once, in parallel: a CSV file per record kind, or a JSON file per input, in a folder outside the inputs")
    .argument("<inputs...>", "files, folders (searched recursively) and quoted globs")
    .requiredOption("-d, --out-dir <dir>", "folder to write into (created if missing; never inside an input folder)")
    .addOption(new Option("-f, --format <format>", "csv: priorities.csv, indicators.csv, actions.csv, contributors.csv; json: one file per input, mirroring the input tree; xlsx: workbook.xlsx, a sheet per record kind (and findings with --validate)").choices(["csv", "json", "xlsx"]).default("csv"))
    .option("-j, --jobs <n>", "worker threads (default: the number of CPUs)")
    .option("--validate", "also check the updates (as lsp-report validate) and write findings.csv")
    .option("-q, --quiet", "no progress bar and no summary; failures still listed, one line each")
    .option("--bom", "start CSV files with a byte order mark (for Excel)")
    .addHelpText(
      "after",
      examples([
        "lsp-report convert archive/ --out-dir converted/",
        "lsp-report convert archive/2008-09 archive/2009-10 --out-dir out --format json --jobs 2",
        "lsp-report convert archive/ --out-dir out --validate --bom --quiet",
      ]),
    )
    .action(async (inputs: string[], options: Omit<ConvertCommandOptions, "debug">, command: Command) => {
      const { runConvert } = await import("./commands/convert.js");
      exitCode = await runConvert(inputs, { ...options, debug: debugOf(command) }, io);
    });

  program
    .command("config")
    .description(`Print the configuration the other commands use here (${CONFIG_FILE} in the working folder or the nearest folder above, or --config), with every default filled in; the file it came from goes to standard error`)
    .option("-c, --config <file>", "this configuration file instead of searching for one")
    .addHelpText("after", examples(["lsp-report config", `lsp-report config > ${CONFIG_FILE}   # start from the defaults`, "lsp-report config --config reports/strict.json"]))
    .action(async (options: { config?: string }) => {
      const { runConfig } = await import("./commands/config.js");
      exitCode = await runConfig(options, io);
    });

  program
    .command("schema")
    .description("Print a JSON Schema: of the parse output (default), the validate output, or the configuration file")
    .addArgument(new Argument("[which]", "which schema").choices(["output", "findings", "config"]).default("output"))
    .addHelpText("after", examples(["lsp-report schema > lsp-report.schema.json", "lsp-report schema config > lsp-report.config.schema.json"]))
    .action(async (which: "output" | "findings" | "config") => {
      const { jsonSchemaText } = await import("../schema/json-schema.js");
      io.stdout(jsonSchemaText(which));
    });

  for (const command of program.commands) if (READING_COMMANDS.has(command.name())) readingOptions(command);

  program.addHelpText(
    "after",
    examples(["lsp-report parse fixtures/seeds --format csv --records indicators", "lsp-report validate fixtures/seeds", "lsp-report rules rag-mismatch", "lsp-report schema"]),
  );

  try {
    await program.parseAsync(versionFlags(argv), { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help asked for is a success; help shown because no command was given is a usage error.
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return EXIT_OK;
      return EXIT_USAGE;
    }
    throw error;
  }
  return exitCode;
}
