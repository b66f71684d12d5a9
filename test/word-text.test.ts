/**
 * src/read/word-text.ts replaces word-extractor's text cleaning (its field-removing regex takes
 * time with the square of a damaged file's text, or worse): the same output on any text, checked
 * against the original on random strings dense in field marks, except \x1f, which the original
 * turns into the word "undefined".
 */
import { createRequire } from "node:module";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkProperty } from "./helpers/fast-check.js";
import { cleanWordText, removeFields } from "../src/read/word-text.js";

const original = (createRequire(import.meta.url)("word-extractor/lib/filters.js") as { clean: (text: string) => string }).clean;

/** Text made of field marks, Word's special characters and letters, mostly short. */
const wordText = fc.array(fc.constantFrom("\x13", "\x14", "\x15", "\x13", "\x15", "a", "b", " ", "\x07", "\x0d", "\x02", "\x00", "\x1e"), { maxLength: 40 }).map((parts) => parts.join(""));

describe("cleaning a .doc's text (word-extractor's clean, in linear time)", () => {
  it("gives what word-extractor's clean gives, on random text full of fields, nested, broken and unended", async () => {
    await checkProperty(
      fc.property(wordText, (text) => {
        expect(cleanWordText(text)).toBe(original(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("replaces a field by its result, inner fields first, and drops a field without one", () => {
    expect(removeFields("see \x13 HYPERLINK \"x\" \x14the page\x15 now")).toBe("see the page now");
    expect(removeFields("a\x13 PAGE \x15b")).toBe("ab");
    expect(removeFields("\x13 IF \x13 REF x \x14 1\x15 = 1 \x14yes \x13 REF y \x14two\x15\x15")).toBe("yes two");
  });

  it("keeps fields it cannot match as written, and the fields around them", () => {
    expect(removeFields("\x13a\x14b\x14c\x15")).toBe("\x13a\x14b\x14c\x15");
    expect(removeFields("\x13 outer \x14\x13a\x14b\x14c\x15\x15")).toBe("\x13 outer \x14\x13a\x14b\x14c\x15\x15");
    expect(removeFields("x\x13 never ended \x14 y")).toBe("x\x13 never ended \x14 y");
  });

  it("makes Word's optional hyphen a soft hyphen, where word-extractor writes 'undefined'", () => {
    expect(original("co\x1fordinate")).toBe("coundefinedordinate");
    expect(cleanWordText("co\x1fordinate")).toBe("co\u00adordinate");
  });

  it("cleans a long run after thousands of unended fields in one pass (the shape that took seconds)", () => {
    const damaged = `${"\x13".repeat(5000)}${"text ".repeat(20_000)}`;
    expect(cleanWordText(damaged)).toBe(damaged);
  });
});
