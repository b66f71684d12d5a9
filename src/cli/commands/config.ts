/**
 * `lsp-report config`: the configuration the reading commands would use here, with every default
 * filled in (tolerance, all theme codes, every rule's severity in force), as JSON on standard
 * output, and the file it came from on standard error. The JSON is itself a valid configuration:
 * saved as lsp-report.config.json it gives the same results.
 */
import { relative } from "node:path";
import { themeCodes } from "../../parse/heading.js";
import type { Config } from "../../schema/config.js";
import { DEFAULT_TOLERANCE_PERCENT } from "../../validate/config.js";
import { RULES } from "../../validate/rules/index.js";
import { CONFIG_FILE, loadConfig } from "../config-file.js";
import { EXIT_OK, EXIT_USAGE } from "../exit-codes.js";
import type { CliIo } from "../io.js";

/** The configuration with its defaults written out; settings it does not default are kept as written. */
export function resolvedConfig(written: Config): Config {
  const settings: Config = { ...written };
  delete settings.$schema;
  return {
    ...settings,
    tolerance: written.tolerance ?? DEFAULT_TOLERANCE_PERCENT,
    themes: themeCodes(written.themes),
    rules: Object.fromEntries(RULES.map((rule) => [rule.id, written.rules?.[rule.id] ?? rule.severity])),
    indicators: written.indicators ?? {},
  };
}

export async function runConfig(options: { config?: string }, io: CliIo): Promise<number> {
  const loaded = await loadConfig(io.cwd, options.config);
  if (!loaded.ok) {
    io.stderr(`lsp-report: ${loaded.display}: ${loaded.problem}\n`);
    return EXIT_USAGE;
  }
  io.stderr(
    loaded.path
      ? `lsp-report: configuration from ${relative(io.cwd, loaded.path) || loaded.path}\n`
      : `lsp-report: no ${CONFIG_FILE} in ${io.cwd} or any folder above: the defaults apply\n`,
  );
  io.stdout(`${JSON.stringify(resolvedConfig(loaded.config), null, 2)}\n`);
  return EXIT_OK;
}
