/**
 * RAG ratings and directions of travel as people write (or colour) them.
 */
import type { Rating } from "../schema/records.js";

const RATING_WORDS: Record<string, Rating> = {
  red: "Red",
  r: "Red",
  amber: "Amber",
  a: "Amber",
  orange: "Amber",
  yellow: "Amber",
  green: "Green",
  g: "Green",
};

/** "Amber", " AMBER ", "amber.", "G" → a rating; anything else (blank, numbers, "Amber/Green") → null. */
export function parseRating(raw: string): Rating | null {
  const word = raw.toLowerCase().replace(/[\s\u00a0.:*!]+/g, "");
  return RATING_WORDS[word] ?? null;
}

/**
 * A rating and a figure in one cell, either way round: "Green (72.7%)", "72.7% Green",
 * "Amber - 1448". The figure is the year-end forecast beside the rating.
 */
export function splitRatingAndFigure(raw: string): { rating: Rating; figure: string } | null {
  const text = raw.trim();
  const first = /^(red|amber|green)\b[\s:;,\-–]*\(?\s*([-\d][^()]*?)\s*\)?$/i.exec(text);
  const last = /^\(?\s*([-\d][^()]*?)\s*\)?[\s:;,\-–]*\b(red|amber|green)$/i.exec(text);
  // Both patterns' groups always take part, and name one of the three ratings.
  if (first) return { rating: parseRating(first[1]!)!, figure: first[2]! };
  if (last) return { rating: parseRating(last[2]!)!, figure: last[1]! };
  return null;
}

type Direction = "improving" | "no change" | "worsening";

/** Arrows as Unicode, as Wingdings letters in plain extractions (é up, ê down, è sideways), and words. */
const DIRECTION_SYMBOLS: Record<string, Direction> = {
  "↑": "improving", "⇧": "improving", "▲": "improving", "⬆": "improving", "↗": "improving", "é": "improving",
  "↓": "worsening", "⇩": "worsening", "▼": "worsening", "⬇": "worsening", "↘": "worsening", "ê": "worsening",
  "↔": "no change", "→": "no change", "←": "no change", "⇔": "no change", "►": "no change", "◄": "no change", "➔": "no change", "è": "no change", "=": "no change",
};

const DIRECTION_WORDS: [RegExp, Direction][] = [
  [/^(?:improv(?:ing|ed|ement)|up(?:ward)?|better|increas(?:ing|ed))$/, "improving"],
  [/^(?:worsen(?:ing|ed)|declin(?:ing|ed)|deteriorat(?:ing|ed)|down(?:ward)?|worse|decreas(?:ing|ed))$/, "worsening"],
  [/^(?:no change|unchanged|same|stable|static|steady|level|maintained|sideways)$/, "no change"],
];

export function parseDirection(raw: string): Direction | null {
  const text = raw.trim().replace(/\s+/g, " ");
  if (!text) return null;
  const symbol = DIRECTION_SYMBOLS[text.replace(/\s/g, "")];
  if (symbol) return symbol;
  const word = text.toLowerCase().replace(/[.!]+$/, "");
  for (const [pattern, direction] of DIRECTION_WORDS) if (pattern.test(word)) return direction;
  return null;
}

/** Hex (FF0000, #f00, "auto") to hue 0–360, saturation and lightness 0–1. */
function hsl(hex: string): { hue: number; saturation: number; lightness: number } | null {
  let digits = hex.trim().replace(/^#/, "");
  if (/^[0-9a-f]{3}$/i.test(digits)) digits = [...digits].map((digit) => digit + digit).join("");
  if (!/^[0-9a-f]{6}$/i.test(digits)) return null;
  const channel = (start: number) => parseInt(digits.slice(start, start + 2), 16) / 255;
  const [r, g, b] = [channel(0), channel(2), channel(4)];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const delta = max - min;
  if (delta === 0) return { hue: 0, saturation: 0, lightness };
  const saturation = delta / (1 - Math.abs(2 * lightness - 1));
  let hue: number;
  if (max === r) hue = 60 * (((g - b) / delta) % 6);
  else if (max === g) hue = 60 * ((b - r) / delta + 2);
  else hue = 60 * ((r - g) / delta + 4);
  return { hue: (hue + 360) % 360, saturation, lightness };
}

/**
 * A cell's shading as a rating, by hue rather than exact hex, since people pick any red, amber or
 * green: reds 0–15° (and 345–360°), ambers/oranges/yellows 15–65°, greens 65–170°. Greys, near
 * white, near black, blues and purples are no rating.
 */
export function ratingFromFill(hex: string): Rating | null {
  const colour = hsl(hex);
  if (!colour || colour.saturation < 0.25 || colour.lightness < 0.12 || colour.lightness > 0.93) return null;
  const { hue } = colour;
  if (hue < 15 || hue >= 345) return "Red";
  if (hue < 65) return "Amber";
  if (hue < 170) return "Green";
  return null;
}
