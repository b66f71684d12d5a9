/**
 * Figures as people write them in baseline, target, result and RAG cells. The raw text is
 * always kept; a value is parsed only where it is certain (docs/domain.md "Values as people write them").
 */
import type { Change, EarlierFigure, Result, Target, Unit, Value, ValueStatus } from "../schema/records.js";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/** Texts that hold no figure yet, and what they say instead. First match wins. */
const NO_VALUE: [RegExp, ValueStatus][] = [
  [/^(?:n\/?a|not applicable|none)\.?$/i, "not-applicable"],
  [/^(?:to be (?:determined|confirmed)|tbd|tbc)\b/i, "to-be-determined"],
  [/^new (?:indicator|measure|pi)\b/i, "new-indicator"],
  [/^(?:annual(?:ly)? report(?:ing|ed)?|reported annually|annual (?:indicator|measure|figure))\b/i, "annual"],
  [/^(?:due to be reported|to be reported|will be reported|not yet (?:reported|available)|available (?:from|in))\b/i, "not-yet-reported"],
  [/^awaiting\b/i, "awaiting-data"],
  [/^(?:baseline|targets?)\b.*\bto be (?:set|taken|established|agreed|confirmed)\b|^to be (?:set|taken|established|agreed)\b/i, "to-be-set"],
  [/\b(?:deleted|withdrawn|discontinued|no longer (?:collected|reported))\b/i, "withdrawn"],
];

function emptyValue(raw: string, status: ValueStatus): Value {
  return {
    raw, value: null, unit: null, ratePer: null, status, comparator: null, qualifier: null, period: null,
    latestQuarter: null, provisional: false, expected: null, change: null, earlier: [], note: null,
  };
}

const DIGIT = /\d/;
const MONTH_AND_YEAR = new RegExp(`\\b(${MONTH})\\s+(\\d{4})\\b`, "i");

/** "January 2009" → "2009-01": when a figure is promised. */
function expectedMonth(text: string): string | null {
  const match = MONTH_AND_YEAR.exec(text);
  if (!match) return null;
  const [, name = "", year = ""] = match;
  const month = MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
  return `${year}-${String(month).padStart(2, "0")}`;
}

const toNumber = (digits: string) => Number(digits.replace(/,/g, ""));

/** "2007/08" and "07/08", but not "03/2009": the second year follows the first. */
function isFinancialYear(first: string, second: string): boolean {
  return (Number(first) + 1) % 100 === Number(second) % 100;
}

/** "2007/08", "Q2 2007/08": a financial year standing loose beside a figure (checked by isFinancialYear). */
const FINANCIAL_YEAR = /\b(?:Q[1-4]\s+)?((?:19|20)?\d{2})\s*\/\s*(\d{2}|\d{4})\b/i;
/** "2007", "March 2008", "Q2 2007/08", "Autumn 2008": a bracketed group that only says when. */
const PERIOD_ONLY = new RegExp(`^(?:(?:Q[1-4]|Qtr\\s*[1-4]|quarter\\s*[1-4]|${MONTH}|spring|summer|autumn|winter|end of ${MONTH})\\s+)?(?:(?:19|20)\\d{2}(?:\\s*[/-]\\s*\\d{2,4})?|\\d{2}\\s*/\\s*\\d{2})$`, "i");
/** A day in the text (31/03/2009, 1 July 2009): a cell naming a date outside brackets holds no certain figure. */
const DATE = new RegExp(`\\b\\d{1,2}\\s*[/.]\\s*\\d{1,2}\\s*[/.]\\s*\\d{2,4}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?[\\s-]+${MONTH}\\b`, "i");
const AT_LEAST = /^(?:at least|no less than|not less than|minimum of|>=|≥)\s*/i;
const AT_MOST = /^(?:no more than|not more than|at most|maximum of|up to|<=|≤|fewer than|less than)\s*/i;
const LATEST_QUARTER = /^(?:q|qtr|quarter)\s*([1-4])$/i;

/** A figure at the start of a text: number, then %, or a rate "per 1,000 population". */
const FIGURE = /^(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?![\d/]|[.,]\d)\s*(%|percent\b|per ?cent\b)?(\s*(?:rate\s+)?per\s+((?:\d{1,3}(?:,\d{3})+|\d+))(?:\s+(?:population|pop\.?|people|residents|households|dwellings|adults|children))?)?/i;

interface Figure {
  digits: string;
  value: number;
  unit: Unit | null;
  ratePer: number | null;
  length: number;
}

function figureAt(text: string): Figure | null {
  const match = FIGURE.exec(text);
  if (!match) return null;
  const [whole, digits = "", percent, rate, per = ""] = match; // per takes part whenever rate does
  // "rate" may also come as a word before "per": "26.4 rate per 1,000 population".
  const unit: Unit | null = percent ? "percent" : rate ? "rate" : digits.includes(".") ? null : "number";
  return { digits, value: toNumber(digits), unit, ratePer: rate ? toNumber(per) : null, length: whole.length };
}

/** A whole number written like a year ("2008", not "2,008") is not a certain figure. */
const looksLikeYear = (figure: Figure) => figure.unit === "number" && /^(?:199\d|20[0-3]\d)$/.test(figure.digits);

const unitOf = (word: string | undefined): Change["unit"] =>
  !word ? "number" : /percentage|pp/i.test(word) ? "percentage points" : "percent";
const directionOf = (word: string) => (/increase|rise/i.test(word) ? "increase" : "reduction");
/** "Increase of 4.1 percentage points on baseline by 2010/11": the change before its amount. */
const CHANGE_BEFORE = /\b(increase|reduction|decrease|reduce|fall|rise)\s+(?:of\s+|by\s+)?(\d+(?:\.\d+)?)\s*(%|percentage points?|pp|per ?cent)?\s*(?:(?:on|from|against|over)\s+(?:the\s+)?(baseline|[a-z0-9/ ]+?))?(?:\s+by\s+(\d{4}\s*\/\s*\d{2,4}))?(?=\s*\(|$|[.,;])/i;
/** "8% reduction on baseline": the change after its amount. */
const CHANGE_AFTER = /\b(\d+(?:\.\d+)?)\s*(%|percentage points?|pp|per ?cent)\s+(increase|reduction|decrease|rise|fall)\s*(?:(?:on|from|against)\s+(?:the\s+)?(baseline))?(?:\s+by\s+(\d{4}\s*\/\s*\d{2,4}))?/i;

/** A target written as a change on the baseline: "Increase of 4.1 percentage points on baseline by 2010/11", "8% reduction on baseline". */
function takeChange(text: string): { change: Change | null; rest: string } {
  let match = CHANGE_BEFORE.exec(text);
  if (match) {
    const [whole, word = "", amount, unit, relativeTo, by] = match;
    return {
      change: { direction: directionOf(word), amount: Number(amount), unit: unitOf(unit), relativeTo: relativeTo?.trim() ?? null, by: by?.replace(/\s/g, "") ?? null },
      rest: text.replace(whole, " "),
    };
  }
  match = CHANGE_AFTER.exec(text);
  if (match) {
    const [whole, amount, unit, word = "", relativeTo, by] = match;
    return {
      change: { direction: directionOf(word), amount: Number(amount), unit: unitOf(unit), relativeTo: relativeTo ?? null, by: by?.replace(/\s/g, "") ?? null },
      rest: text.replace(whole, " "),
    };
  }
  return { change: null, rest: text };
}

/** Trim spaces and stray punctuation, but keep a minus sign: "-2.5%". */
const tidy = (text: string) => text.replace(/\s+/g, " ").replace(/^(?:[\s,;:]|-(?!\d))+|[\s,;:-]+$/g, "").trim();

/** Spaces to tidy (any but a single space) or dashes to make hyphens: most cells have none. */
const UNTIDY = /[^\S ]|\s\s|[–—]/;

/** Runs of spaces (non-breaking ones too) as one space, en and em dashes as hyphens; a tidy text as it is, without two passes over it. */
export function tidySpacesAndDashes(raw: string): string {
  return UNTIDY.test(raw) ? raw.replace(/[\u00a0\s]+/g, " ").replace(/[–—]/g, "-") : raw;
}
/** "258 (2006/07) 440 (2007/08)": a figure with its period in brackets. */
const FIGURE_WITH_PERIOD = /(?<![£$€\d.,])(-?[\d,]+(?:\.\d+)?)\s*(%)?\s*\(((?:19|20)\d{2}\s*\/\s*\d{2,4})\)/g;
const BRACKETED = /\(([^()]*)\)/g;

export function parseValue(input: string): Value {
  const raw = input.trim();
  if (!raw) return emptyValue("", "blank");
  const text = tidySpacesAndDashes(raw);

  for (const [pattern, status] of NO_VALUE) {
    if (pattern.test(text) && !FIGURE.test(text)) {
      return { ...emptyValue(raw, status), expected: status === "not-yet-reported" || status === "to-be-set" ? expectedMonth(text) : null };
    }
  }

  // Every figure, change, period and date below has a digit: a text without one is words only.
  if (!DIGIT.test(text)) return emptyValue(raw, "unparsed");

  const value = emptyValue(raw, "unparsed");
  const { change, rest: withoutChange } = takeChange(text);
  value.change = change;

  // Bracketed groups say when, how certain, or where from; a group that starts with a figure is the figure.
  const groups: string[] = [];
  // (Without a bracket there is no group, nor a series below: the patterns are not run.)
  let outside = !withoutChange.includes("(")
    ? withoutChange
    : withoutChange.replace(BRACKETED, (_, group: string) => {
        groups.push(group.trim());
        return " ";
      });
  const notes: string[] = [];
  let figureText: string | null = null;
  for (const group of groups) {
    const quarter = LATEST_QUARTER.exec(group);
    if (quarter) value.latestQuarter = Number(quarter[1]);
    else if (/^provisional$/i.test(group)) value.provisional = true;
    else if (PERIOD_ONLY.test(group)) value.period ??= group;
    else if (figureAt(group) && figureText === null) figureText = group;
    else notes.push(group);
  }
  if (/\bprovisional\b/i.test(outside)) {
    value.provisional = true;
    outside = outside.replace(/\bprovisional\b/i, " ");
  }

  // A series of figures with their periods: "258 (2006/07) 440 (2007/08)": the latest is the value.
  // (Money is never a figure here: "£2,000 (2006/07)" is left alone.)
  const series = text.includes("(") ? [...text.matchAll(FIGURE_WITH_PERIOD)] : [];
  if (series.length >= 2 && !change) {
    const figures: EarlierFigure[] = series.map(([, digits = "", percent, period = ""]) => ({
      value: toNumber(digits), unit: percent ? "percent" : digits.includes(".") ? null : "number", period: period.replace(/\s/g, ""),
    }));
    const latest = figures.pop()!;
    return { ...value, status: "reported", value: latest.value, unit: latest.unit, period: latest.period, earlier: figures, note: null };
  }

  // A financial year standing loose beside the figure: "1,142 2007/08".
  const loosePeriod = FINANCIAL_YEAR.exec(outside);
  if (loosePeriod && isFinancialYear(loosePeriod[1] ?? "", loosePeriod[2] ?? "") && !/\bby\s*$/i.test(outside.slice(0, loosePeriod.index))) {
    value.period ??= loosePeriod[0].replace(/\s/g, "");
    outside = outside.replace(loosePeriod[0], " ");
  }

  outside = tidy(outside);
  if (DATE.test(outside)) return emptyValue(raw, "unparsed");
  const atLeast = AT_LEAST.exec(outside);
  const atMost = atLeast ? null : AT_MOST.exec(outside);
  if (atLeast || atMost) {
    value.comparator = atLeast ? "at-least" : "at-most";
    outside = outside.slice((atLeast ?? atMost)![0].length);
  }

  // The figure is the first thing written, or else the first bracketed group that is one;
  // a number deep in a sentence is not a certain value.
  let figure = figureAt(outside);
  if (figure && looksLikeYear(figure)) return emptyValue(raw, "unparsed");
  if (figure) {
    value.qualifier = tidy(outside.slice(figure.length)) || null;
  } else if (figureText !== null && !/\d/.test(outside)) {
    figure = figureAt(figureText);
    value.qualifier = tidy(outside) || null;
    const after = tidy(figureText.slice(figure!.length));
    if (after && !/^(?:rate\s+)?per\b/i.test(after)) notes.push(after);
  } else if (figureText !== null) {
    notes.push(figureText);
  }
  if (figure) {
    value.value = figure.value;
    value.unit = figure.unit;
    value.ratePer = figure.ratePer;
    value.status = "reported";
    if (value.qualifier && /^(?:rate )?per\b/i.test(value.qualifier)) value.qualifier = null;
    if (value.qualifier && /^rate$/i.test(value.qualifier)) {
      value.unit = "rate";
      value.qualifier = null;
    }
  } else if (change) {
    value.qualifier = outside || null;
    value.status = "described";
  } else {
    // Words with no certain figure: nothing parsed is kept, the raw text says it all.
    return emptyValue(raw, "unparsed");
  }
  value.note = notes.length > 0 ? notes.join("; ") : null;
  return value;
}

export function parseTarget(raw: string, year: string): Target {
  return { year, ...parseValue(raw) };
}

export function parseResult(raw: string, kind: Result["kind"]): Result {
  return { kind, ...parseValue(raw) };
}
