/**
 * Timescales as people write them, into the last day an action is due, where that is certain.
 * UK day/month order. The financial year 2008/09 runs 1 April 2008 – 31 March 2009.
 */
import type { Timescale } from "../schema/records.js";
import { tidySpacesAndDashes } from "./values.js";

export interface ReportPeriod {
  year: string;
  quarter: number;
}

const MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const fullYear = (text: string) => (text.length === 2 ? 2000 + Number(text) : Number(text));
const monthNumber = (name: string) => MONTH_NAMES.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** The calendar year a financial year starts in: "2008/09" → 2008, "08/09" → 2008. */
function startYear(financialYear: string): number {
  return fullYear(financialYear.split(/\s*[/-]\s*/, 1)[0] ?? "");
}

export function quarterStart(year: string, quarter: number): string {
  const start = startYear(year);
  return quarter === 4 ? iso(start + 1, 1, 1) : iso(start, 3 * quarter + 1, 1);
}

export function quarterEnd(year: string, quarter: number): string {
  const start = startYear(year);
  return quarter === 4 ? iso(start + 1, 3, 31) : iso(start, 3 * quarter + 3, lastDay(start, 3 * quarter + 3));
}

const yearEnd = (start: number) => iso(start + 1, 3, 31);

/** A bare quarter is the report's own year, or the next one when it is already past (a Q4 report's "Q2"). */
function bareQuarterEnd(quarter: number, report: ReportPeriod): string {
  const start = startYear(report.year);
  return quarterEnd(`${quarter >= report.quarter ? start : start + 1}`, quarter);
}

function validDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > lastDay(year, month)) return null;
  return iso(year, month, day);
}

/** A date found in the text; `from` marks a span the action runs through ("during 09/10"). */
type Found = { due: string; kind: Timescale["kind"]; from?: string };

/*
 * The date patterns, compiled once (global and case-insensitive; findDates resets lastIndex).
 * Every group in these patterns takes part in a match unless marked optional (?).
 */
/** 01/11/2009, 1.11.09 (UK order) */
const DAY_MONTH_YEAR = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b/gi;
/** 09-Dec-08, 1 July 09, 5th May 2009 */
const DAY_NAMED_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?[\\s-]+${MONTH}[\\s-]+(\\d{4}|\\d{2})\\b`, "gi");
/** Q2 2009/10, Quarter 2 2009/10 */
const QUARTER_OF_YEAR = /\b(?:q|qtr|quarter)\s*([1-4])\s+((?:\d{4}|\d{2})\s*\/\s*\d{2,4})\b/gi;
/** Jan - March 2008/09: months within a financial year */
const MONTHS_OF_YEAR = new RegExp(`\\b${MONTH}\\s*-\\s*${MONTH}\\s+((?:\\d{4}|\\d{2})\\s*/\\s*\\d{2,4})\\b`, "gi");
/** During 08/09, in 2009/10: the end of that financial year */
const FINANCIAL_YEAR = /\b((?:19|20)?\d{2})\s*\/\s*(\d{2})\b/gi;
/** Mar-09, March 2009, End of Jan 09 */
const MONTH_YEAR = new RegExp(`\\b${MONTH}[\\s-]+(\\d{4}|'?\\d{2})\\b`, "gi");
/** Q1-Q2, Q4, Quarter 2: the report's year, or the next when the quarter has passed */
const BARE_QUARTER = /\b(?:q|qtr|quarter)\s*([1-4])(?:\s*(?:-|to|&|and)\s*(?:q|qtr|quarter)?\s*([1-4]))?\b/gi;
/** end of (the) year: the end of the report's financial year */
const END_OF_YEAR = /\bend of (?:the )?(?:financial )?year\b|\byear[- ]end\b/gi;

/** Every date the text names, in order of appearance. */
function findDates(text: string, report: ReportPeriod): Found[] {
  const found: { at: number; found: Found }[] = [];
  const taken: [number, number][] = [];
  const take = (pattern: RegExp, make: (match: RegExpExecArray) => Found | null) => {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const result = make(match);
      if (!result) continue;
      taken.push([start, end]);
      found.push({ at: start, found: result });
    }
  };

  // In this order: a date taken by an earlier pattern is not read again by a later one.
  // Every pattern but the end of the year needs a digit.
  if (DIGIT.test(text)) readDigits(take, text, report);
  take(END_OF_YEAR, () => ({ due: yearEnd(startYear(report.year)), kind: "year" }));

  return found.sort((a, b) => a.at - b.at).map((entry) => entry.found);
}

const DIGIT = /\d/;

type Take = (pattern: RegExp, make: (match: RegExpExecArray) => Found | null) => void;

/** The dates written with figures, in findDates' order. */
function readDigits(take: Take, text: string, report: ReportPeriod): void {
  take(DAY_MONTH_YEAR, ([, day, month, year = ""]) => {
    const due = validDate(fullYear(year), Number(month), Number(day));
    return due ? { due, kind: "date" } : null;
  });
  take(DAY_NAMED_MONTH_YEAR, ([, day, month = "", year = ""]) => {
    const due = validDate(fullYear(year), monthNumber(month), Number(day));
    return due ? { due, kind: "date" } : null;
  });
  take(QUARTER_OF_YEAR, ([, quarter, year = ""]) => ({ due: quarterEnd(year, Number(quarter)), kind: "quarter" }));
  take(MONTHS_OF_YEAR, (m) => {
    const [, , to = "", year = ""] = m;
    const month = monthNumber(to);
    const start = startYear(year);
    return { due: iso(month <= 3 ? start + 1 : start, month, lastDay(month <= 3 ? start + 1 : start, month)), kind: "range" };
  });
  take(FINANCIAL_YEAR, (m) => {
    const [, from = "", to] = m;
    const start = fullYear(from);
    if ((start + 1) % 100 !== Number(to)) return null;
    const during = /\b(?:during|throughout)\s*$/i.test(text.slice(0, m.index));
    return { due: yearEnd(start), kind: "year", ...(during ? { from: iso(start, 4, 1) } : {}) };
  });
  take(MONTH_YEAR, (m) => {
    const [, name = "", digits = ""] = m;
    const year = fullYear(digits.replace("'", ""));
    const month = monthNumber(name);
    return { due: iso(year, month, lastDay(year, month)), kind: "month" };
  });
  take(BARE_QUARTER, (m) => ({
    due: bareQuarterEnd(Number(m[2] ?? m[1]), report),
    kind: m[2] ? "range" : "quarter",
  }));
}

export function parseTimescale(input: string, report: ReportPeriod): Timescale {
  const raw = input.trim();
  const text = tidySpacesAndDashes(raw);
  const base = (kind: Timescale["kind"], ongoing = false): Timescale => ({ raw, due: null, kind, dates: [], ongoing });
  if (!text) return base("blank");
  if (/^see (?:the )?next steps?(?: column)?\.?$/i.test(text)) return base("see-next-steps");
  if (/^as above\.?$/i.test(text)) return base("as-above");

  const ongoing = /\bongoing\b|\bon-going\b|\bcontinuous\b/i.test(text);
  const dates = findDates(text, report);
  const distinct = [...new Set(dates.map((date) => date.due))];
  if (distinct.length === 0) return base(ongoing ? "ongoing" : "unparsed", ongoing);
  // "Project to run during 09/10. … completed by May/June 09": milestones inside the span the
  // action runs through do not make it end sooner; the span's end is the due date.
  const span = dates.find((date) => date.from);
  if (span && dates.every((date) => date.due >= span.from! && date.due <= span.due)) {
    return { raw, due: span.due, kind: span.kind, dates: distinct, ongoing };
  }
  // Several different deadlines in one cell ("TEAS - December 2008 Other action - end of year"):
  // no single due date is certain.
  if (distinct.length > 1) return { raw, due: null, kind: "multiple", dates: distinct, ongoing };
  // One distinct due date (checked above) from one or more dates.
  return { raw, due: distinct[0]!, kind: dates[0]!.kind, dates: distinct, ongoing };
}
