/**
 * Read and parse one document in one call: the first two stages, without the rest of the
 * library (validation, emitters), so a worker thread or a command loads only what it needs.
 */
import { readDocument, type ReadOptions } from "./read/index.js";
import { parseReport, type ParseOptions } from "./parse/index.js";
import type { Report } from "./schema/records.js";

/**
 * How to read and parse a document: one plain object (it crosses to worker threads) that a
 * command builds once from its options and the configuration, and every path hands on whole.
 */
export type DocumentOptions = ReadOptions & ParseOptions;

/** Read and parse one document. */
export async function parseBytes(bytes: Uint8Array, path: string, options: DocumentOptions = {}): Promise<Report> {
  const document = await readDocument(bytes, options);
  return parseReport(document, path, options);
}
