/**
 * lsp-report as a library: read (bytes → blocks) → parse (blocks → records) → validate
 * (records → findings) → emit (JSON, CSV). Every stage is pure: no console, no process, no disk.
 */

export * from "./schema/records.js";
export * from "./schema/findings.js";
export type { Block, Cell, CellLine, ParagraphBlock, ReadDocument, ReaderNotice, Row, SourceLocation, TableBlock } from "./model/blocks.js";
export { InputError, isInputError } from "./errors.js";
export { parseBytes } from "./pipeline.js";
export { readDocument, type ReadOptions } from "./read/index.js";
export { parseReport, type ParseOptions } from "./parse/index.js";
export { parseValue, parseTarget, parseResult } from "./parse/values.js";
export { parseTimescale, quarterStart, quarterEnd } from "./parse/timescale.js";
export { parseRating, parseDirection, ratingFromFill } from "./parse/rag.js";
export { validate, fileFinding, RULES, RULE_IDS, findRule, judge, polarityOf, resolveConfig, type ValidateOptions, type Rule } from "./validate/index.js";
// The configuration schema (zod) straight from its module: the validate engine does not load zod.
export { checkConfig, Config } from "./schema/config.js";
export { FORMATTERS, FORMAT_NAMES, validateOutput, type FormatName } from "./emit/findings/index.js";
