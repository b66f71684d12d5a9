/**
 * RAG ratings, directions of travel and cell fills (docs/domain.md "RAG ratings, and when one is right"), including every
 * RAG-column, overall-rating and direction cell of the two seed documents.
 */
import { describe, expect, it } from "vitest";
import { parseDirection, parseRating, ratingFromFill, splitRatingAndFigure } from "../src/parse/rag.js";

describe("parseRating", () => {
  it.each([
    // Seed cells: overall ratings and the PI RAG column.
    ["Amber", "Amber"],
    ["Red", "Red"],
    ["", null],
    // Numbers in the RAG column are year-end forecasts, not ratings.
    ["72.7%", null],
    ["1448", null],
    ["1800", null],
    ["15.00", null],
    // Case, spacing and single letters.
    ["Green", "Green"],
    ["AMBER", "Amber"],
    ["  red ", "Red"],
    ["\u00a0Green\u00a0", "Green"],
    ["G r e e n", "Green"],
    ["Amber.", "Amber"],
    ["R", "Red"],
    ["a", "Amber"],
    ["G", "Green"],
    // A combination is no one rating: which of the two is meant is not certain.
    ["Amber/Green", null],
    ["Red / Amber", null],
    ["Amber-Green", null],
    ["Not rated", null],
    ["N/A", null],
  ])("%j → %s", (raw, expected) => {
    expect(parseRating(raw)).toBe(expected);
  });
});

describe("splitRatingAndFigure: a rating and its forecast in one cell", () => {
  it.each([
    ["Green (72.7%)", "Green", "72.7%"],
    ["72.7% Green", "Green", "72.7%"],
    ["AMBER - 1448", "Amber", "1448"],
    ["(1,800) red", "Red", "1,800"],
  ])("%s", (text, rating, figure) => {
    expect(splitRatingAndFigure(text)).toEqual({ rating, figure });
  });

  it.each(["Amber/Green", "On track", "72.7%", "Green", "Amber (improving)"])("not %s", (text) => {
    expect(splitRatingAndFigure(text)).toBeNull();
  });
});

describe("parseDirection", () => {
  it.each([
    // Seed cells.
    ["↑", "improving"],
    ["↔", "no change"],
    ["↓", "worsening"],
    ["", null],
    // Other arrows.
    ["→", "no change"],
    ["←", "no change"],
    ["▲", "improving"],
    ["▼", "worsening"],
    ["►", "no change"],
    ["⇧", "improving"],
    ["⇩", "worsening"],
    [" ↑ ", "improving"],
    // Wingdings arrows as plain extractions show them.
    ["é", "improving"],
    ["ê", "worsening"],
    ["è", "no change"],
    // Words.
    ["Improving", "improving"],
    ["improving", "improving"],
    ["Worsening", "worsening"],
    ["Declining", "worsening"],
    ["No change", "no change"],
    ["no  change", "no change"],
    ["Same", "no change"],
    ["Stable", "no change"],
    ["Static", "no change"],
    ["Up", "improving"],
    ["Down", "worsening"],
    ["Amber", null],
    ["n/a", null],
  ])("%j → %s", (raw, expected) => {
    expect(parseDirection(raw)).toBe(expected);
  });
});

describe("ratingFromFill", () => {
  it.each([
    // Word's standard fills.
    ["FF0000", "Red"],
    ["C00000", "Red"],
    ["FFC000", "Amber"],
    ["FFFF00", "Amber"],
    ["00B050", "Green"],
    ["92D050", "Green"],
    // Any red, amber or green, by hue.
    ["C0504D", "Red"],
    ["E36C09", "Amber"],
    ["F79646", "Amber"],
    ["FF9900", "Amber"],
    ["9BBB59", "Green"],
    ["008000", "Green"],
    ["00FF00", "Green"],
    // Other spellings.
    ["#FF0000", "Red"],
    ["ff0000", "Red"],
    ["f00", "Red"],
    ["#0f0", "Green"],
    [" #FFC000 ", "Amber"],
    // No rating: automatic, white, black, greys, blues, purples, nonsense.
    ["auto", null],
    ["FFFFFF", null],
    ["000000", null],
    ["808080", null],
    ["D9D9D9", null],
    ["C0C0C0", null],
    ["0070C0", null],
    ["00B0F0", null],
    ["7030A0", null],
    ["FF00FF", null],
    ["", null],
    ["red", null],
    ["12345", null],
  ])("%j → %s", (hex, expected) => {
    expect(ratingFromFill(hex)).toBe(expected);
  });
});
