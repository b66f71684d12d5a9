/**
 * Read and parse one document in one call: the first two stages, without the rest of the
 * library (validation, emitters), so a worker thread or a command loads only what it needs.
 */
import { streamDocument, type ReadOptions } from "./read/index.js";
import { parseReport, parseUpdates, type ParsedUpdates, type ParseOptions } from "./parse/index.js";
import type { Report } from "./schema/records.js";

/**
 * How to read and parse a document: one plain object (it crosses to worker threads) that a
 * command builds once from its options and the configuration, and every path hands on whole.
 */
export type DocumentOptions = ReadOptions & ParseOptions;

/** Read and parse one document (a text file's blocks parsed as they are read, never all held at once). */
export async function parseBytes(bytes: Uint8Array, path: string, options: DocumentOptions = {}): Promise<Report> {
  const document = await streamDocument(bytes, options);
  return parseReport(document, path, options);
}

/**
 * Read and parse one document an update at a time: a large text file is parsed as it is read,
 * and each update can be written out and let go before the next is parsed. A reader's errors
 * are thrown here, before the first update.
 */
export async function parseBytesByUpdate(bytes: Uint8Array, path: string, options: DocumentOptions = {}): Promise<ParsedUpdates> {
  const document = await streamDocument(bytes, options);
  return parseUpdates(document, path, options);
}
