/**
 * What every command that reads documents shares, worked out once and the same way: the
 * configuration (--config, else lsp-report.config.json in the working folder or the nearest one
 * above), and from it and the options, how documents are read and parsed. So parse, validate,
 * convert and report see the same records and the same findings from one configuration, and a
 * bad one stops each of them with one line and exit code 2 before any input is read.
 */
import type { DocumentOptions } from "../pipeline.js";
import type { DocxReader } from "../read/index.js";
import type { Config } from "../schema/config.js";
import { loadConfig } from "./config-file.js";
import type { CliIo } from "./io.js";
import { megabytes } from "./options.js";

/** The options every reading command takes (declared once, in main.ts). */
export interface ReadingOptions {
  config?: string;
  /** --ignore patterns, relative to the working folder. */
  ignore?: string[];
  maxUnzippedMb: string;
  docxReader?: DocxReader;
  debug?: boolean;
}

export interface CommandContext {
  /** The configuration as written, with the command line's overrides (validate --tolerance). */
  config: Config;
  /** The file it came from, absolute; null when there is none and the defaults apply. */
  configPath: string | null;
  /** How each document is read and parsed; crosses to worker threads as it is. */
  document: DocumentOptions;
  /** Globs of files and folders that folder searches and globs leave out. */
  ignore: string[];
  debug?: boolean;
}

/**
 * The part of the configuration that changes how a document is parsed (its theme codes and header mappings).
 * Every path to the parser takes it from here, so no command can parse with less of it.
 */
export function documentOptions(config: Config, maxUncompressedBytes?: number, docxReader?: DocxReader): DocumentOptions {
  return { maxUncompressedBytes, docxReader, themes: config.themes, headers: config.headers };
}

/** The context, or null after one line on standard error saying what is wrong. */
export async function openContext(io: CliIo, options: ReadingOptions, overrides: Partial<Config> = {}): Promise<CommandContext | null> {
  const maxUncompressedBytes = megabytes(options.maxUnzippedMb, io);
  if (maxUncompressedBytes === null) return null;
  const loaded = await loadConfig(io.cwd, options.config);
  if (!loaded.ok) {
    io.stderr(`lsp-report: ${loaded.display}: ${loaded.problem}\n`);
    return null;
  }
  const config = { ...loaded.config, ...withoutUndefined(overrides) };
  return { config, configPath: loaded.path, document: documentOptions(config, maxUncompressedBytes, options.docxReader), ignore: options.ignore ?? [], debug: options.debug };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
