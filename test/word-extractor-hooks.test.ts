/**
 * src/read/doc.ts subclasses word-extractor's internal Word extractor (lib/word-ole-extractor.js).
 * Those are not its public API, so word-extractor is pinned to one exact version, and this test
 * fails loudly, naming the internal, when an upgrade changes any of them.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { TableBlock } from "../src/model/blocks.js";
import { readDocument } from "../src/read/index.js";

const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> };
const lock = JSON.parse(readFileSync("package-lock.json", "utf8")) as { packages: Record<string, { version?: string; dependencies?: Record<string, string> }> };

describe("word-extractor internals hooked by the .doc reader", () => {
  it("is pinned to one exact version, the one installed", () => {
    const pinned = manifest.dependencies["word-extractor"];
    expect(pinned, "package.json must pin word-extractor exactly (no ^ or ~)").toMatch(/^\d+\.\d+\.\d+$/);
    expect(lock.packages[""]!.dependencies?.["word-extractor"]).toBe(pinned);
    expect(lock.packages["node_modules/word-extractor"]!.version).toBe(pinned);
    expect((require("word-extractor/package.json") as { version: string }).version).toBe(pinned);
  });

  it("lib/filters.js exports the clean that lib/word-ole-extractor.js takes from it as it loads (the reader swaps it)", () => {
    expect(typeof (require("word-extractor/lib/filters.js") as { clean?: unknown }).clean).toBe("function");
    const source = readFileSync(require.resolve("word-extractor/lib/word-ole-extractor.js"), "utf8");
    expect(source).toMatch(/const \{[^}]*\bclean\b[^}]*\} = require\('\.\/filters'\);/);
  });

  it("lib/word-ole-extractor.js is a class with the methods the reader overrides or calls", () => {
    const WordOleExtractor = require("word-extractor/lib/word-ole-extractor.js") as new () => Record<string, unknown>;
    const prototype = WordOleExtractor.prototype as Record<string, unknown>;
    for (const method of ["extractWordDocument", "documentStream", "streamBuffer", "writeParagraphProperties", "buildDocument"]) {
      expect(typeof prototype[method], `WordOleExtractor.prototype.${method}`).toBe("function");
    }
    expect(Array.isArray(new WordOleExtractor()._pieces), "WordOleExtractor#_pieces").toBe(true);
    // extractWordDocument gets its streams through the two methods the reader overrides, and
    // calls the paragraph-properties pass the reader replaces.
    const extract = String(prototype.extractWordDocument);
    for (const call of ["this.documentStream(", "this.streamBuffer(", "this.writeParagraphProperties(", "this.buildDocument("]) expect(extract, call).toContain(call);
    // Pieces carry the fields the row marks are placed by.
    const pieces = String(prototype.writePieces);
    for (const field of ["startFilePos", "size", "bpc", "text"]) expect(pieces, `piece.${field}`).toMatch(new RegExp(`\\b${field}\\b`));
  });

  it("with the hooks in place, a real .doc comes out as tables with rows ended where Word says, spans and fills", async () => {
    const document = await readDocument(readFileSync("fixtures/doc/q4-2008-09.doc"));
    const tables = document.blocks.filter((block): block is TableBlock => block.kind === "table");
    expect(tables.length).toBeGreaterThan(5);
    const cells = tables.flatMap((table) => table.rows.flatMap((row) => row.cells));
    expect(cells.some((cell) => cell.fill)).toBe(true);
    expect(cells.some((cell) => (cell.colSpan ?? 1) > 1)).toBe(true);
  });
});
