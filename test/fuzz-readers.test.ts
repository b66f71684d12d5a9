/**
 * Property-based tests: random and mutated inputs to the readers and parser. Whatever the bytes,
 * the outcome is records or a clear refusal (InputError), never an uncaught exception or a hang.
 * Seeded through test/helpers/fast-check.ts: a failure names its seed; FC_SEED=<seed> replays it.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkProperty } from "./helpers/fast-check.js";
import { InputError } from "../src/errors.js";
import { parseBytes } from "../src/index.js";

const FIXTURES = [
  "fixtures/seeds/000_ebda395ebee889b1.txt",
  "fixtures/docx/q4-2008-09.docx",
  "fixtures/html/q4-2008-09.html",
].map((path) => ({ path, bytes: new Uint8Array(readFileSync(path)) }));

async function outcome(bytes: Uint8Array): Promise<"records" | "refused"> {
  try {
    const report = await parseBytes(bytes, "fuzz");
    expect(Array.isArray(report.priorities)).toBe(true);
    return "records";
  } catch (error) {
    if (error instanceof InputError) {
      expect(error.message).not.toMatch(/\n/);
      return "refused";
    }
    throw error;
  }
}

/** Flip, overwrite, delete or duplicate a few byte ranges of a real fixture. */
const mutation = fc.record({
  fixture: fc.integer({ min: 0, max: FIXTURES.length - 1 }),
  edits: fc.array(
    fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 64 }), kind: fc.constantFrom("flip", "zero", "cut", "repeat"), byte: fc.integer({ min: 0, max: 255 }) }),
    { minLength: 1, maxLength: 4 },
  ),
});

function mutate(bytes: Uint8Array, edits: { at: number; length: number; kind: string; byte: number }[]): Uint8Array {
  let result = Buffer.from(bytes);
  for (const edit of edits) {
    const at = Math.floor(edit.at * result.length);
    const end = Math.min(result.length, at + edit.length);
    if (edit.kind === "flip") for (let i = at; i < end; i++) result[i]! ^= edit.byte || 1;
    else if (edit.kind === "zero") result.fill(0, at, end);
    else if (edit.kind === "cut") result = Buffer.concat([result.subarray(0, at), result.subarray(end)]);
    else result = Buffer.concat([result.subarray(0, end), result.subarray(at, end), result.subarray(end)]);
  }
  return result;
}

describe("readers under random input", () => {
  it("random bytes give records or a clear refusal", async () => {
    await checkProperty(fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => void (await outcome(bytes))), { numRuns: 200 });
  });

  it("random text with tabs, markup and headings gives records or a clear refusal", async () => {
    const pieces = fc.constantFrom("\t", "\n", "\r\n", "<p>", "</p>", "<ul>", "<table><tr><td>", "PI Ref", "Definition", "2008/09 Target", "RAG Rating", "Amber", "72.7%", "Thriving Places 2008/09 Quarter 2 Performance Update", "Reference", "TP-1b", "Improvement Priority", "Lead Officer", "Progress as at 31st March 2009", "Timescale", "Q4", "--");
    await checkProperty(
      fc.asyncProperty(fc.array(fc.oneof(pieces, fc.string({ maxLength: 12 })), { maxLength: 200 }), async (parts) => void (await outcome(new TextEncoder().encode(parts.join(""))))),
      { numRuns: 200 },
    );
  });

  it("mutated real fixtures (.txt, .docx, .html) give records or a clear refusal", async () => {
    await checkProperty(
      fc.asyncProperty(mutation, async ({ fixture, edits }) => void (await outcome(mutate(FIXTURES[fixture]!.bytes, edits)))),
      { numRuns: 60 },
    );
  }, 60_000);
});
