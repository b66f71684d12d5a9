/** The validate formatters, pure functions from the output to text, in one registry. */
import type { ValidateOutput } from "../../schema/findings.js";
import { formatGithub } from "./github.js";
import { formatJunit } from "./junit.js";
import { formatSarif, type SarifTool } from "./sarif.js";
import { formatStylish } from "./stylish.js";

export { validateOutput, type CheckedInput } from "./summary.js";

export interface FormatOptions {
  colourLevel?: 0 | 1 | 2 | 3;
  /** stylish: what --quiet left out, to say so under the summary. */
  notShown?: { warnings: number; infos: number };
  /** Every update checked, per input path, for formats that list clean updates too (junit). */
  updates?: Map<string, string[]>;
  /** sarif: the tool's version and home page, and the folder artifact URIs are relative to. */
  tool?: SarifTool;
  cwd?: string;
}

export const FORMATTERS = {
  stylish: (output: ValidateOutput, options: FormatOptions) => formatStylish(output, options),
  json: (output: ValidateOutput) => `${JSON.stringify(output, null, 2)}\n`,
  github: (output: ValidateOutput) => formatGithub(output),
  junit: (output: ValidateOutput, options: FormatOptions) => formatJunit(output, options.updates),
  sarif: (output: ValidateOutput, options: FormatOptions) =>
    formatSarif(output, { tool: options.tool ?? { version: "0.0.0", informationUri: "https://www.npmjs.com/package/lsp-report" }, cwd: options.cwd ?? process.cwd() }),
} as const;

export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
