/**
 * Records → what the dashboard shows: themes of priorities, each priority's updates by quarter,
 * its indicators merged across quarters, and every finding placed beside what it concerns.
 * Kept apart from the HTML so the grouping can be tested without reading markup.
 */
import type { Indicator, Priority, Rating, Report, Result, Target, Value } from "../../schema/records.js";
import { bySeverity, indicatorKey, type ReportFinding } from "./findings.js";
import { placeFinding } from "./placement.js";

export interface Period {
  year: string;
  quarter: number;
  /** "2008/09 Q2": stable, sortable, used in ids. */
  key: string;
  /** "Q2 2008/09", as the council writes it. */
  label: string;
}

export interface Update {
  report: Report;
  priority: Priority;
  period: Period;
}

export interface PeriodResult {
  result: Result;
  forecast: Value | null;
  rag: Rating | null;
  ragRaw: string;
}

export interface PlacedFinding {
  finding: ReportFinding;
  /** The quarter the finding was made on, when it can be told. */
  period: Period | null;
}

export interface IndicatorView {
  key: string;
  ref: string;
  measure: string | null;
  definition: string;
  baseline: Value;
  /** One per year, the latest written. */
  targets: Target[];
  results: Map<string, PeriodResult>;
  findings: PlacedFinding[];
}

export interface PriorityView {
  reference: string;
  title: string;
  leadOfficer: string;
  organisation: string;
  updates: Map<string, Update>;
  indicators: IndicatorView[];
  /** Findings about the update as a whole, errors first. */
  findings: PlacedFinding[];
}

export interface ThemeView {
  name: string;
  priorities: PriorityView[];
}

export interface DashboardModel {
  periods: Period[];
  themes: ThemeView[];
  updates: number;
  sources: string[];
  /**
   * Updates given more than once for the same reference and quarter (the same file in two
   * formats, say): the first is shown; one line per repeating file, plus one per disagreement.
   */
  duplicates: string[];
  /** Findings that concern no update shown (a whole file, an unknown reference). */
  otherFindings: PlacedFinding[];
  findings: ReportFinding[];
}

export const UNKNOWN_THEME = "Theme not known";

export function periodOf(year: string, quarter: number): Period {
  return { year, quarter, key: `${year} Q${quarter}`, label: `Q${quarter} ${year}` };
}

/** HM-1a < HM-1b < HM-2a < HM-10a: numbers compared as numbers. */
export function compareReferences(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true, sensitivity: "base" });
}


function written(value: Value): boolean {
  return value.status !== "blank";
}

function addIndicator(view: PriorityView, indicator: Indicator, period: Period): void {
  const key = indicatorKey(indicator.ref, indicator.measure);
  let entry = view.indicators.find((candidate) => candidate.key === key);
  if (!entry) {
    entry = { key, ref: indicator.ref, measure: indicator.measure, definition: indicator.definition, baseline: indicator.baseline, targets: [], results: new Map(), findings: [] };
    view.indicators.push(entry);
  }
  // Updates arrive in period order, so a later quarter's wording and figures win where written.
  if (indicator.definition) entry.definition = indicator.definition;
  if (written(indicator.baseline) || !written(entry.baseline)) entry.baseline = indicator.baseline;
  for (const target of indicator.targets) {
    const index = entry.targets.findIndex((known) => known.year === target.year);
    const known = entry.targets[index];
    if (!known) entry.targets.push(target);
    else if (written(target) || !written(known)) entry.targets[index] = target;
  }
  entry.targets.sort((a, b) => a.year.localeCompare(b.year));
  if (!entry.results.has(period.key)) {
    entry.results.set(period.key, { result: indicator.result, forecast: indicator.forecast, rag: indicator.rag, ragRaw: indicator.ragRaw });
  }
}

function themeName(priority: Priority): string {
  return priority.theme ?? UNKNOWN_THEME;
}

function describeRepeats(repeats: { update: Update; first: Update }[]): string[] {
  const bySource = new Map<string, { update: Update; first: Update }[]>();
  for (const repeat of repeats) {
    const key = `${repeat.update.report.source.path}\u0000${repeat.first.report.source.path}`;
    bySource.set(key, [...(bySource.get(key) ?? []), repeat]);
  }
  const lines = [...bySource.values()].map((group) => {
    const names = group.map(({ update }) => `${update.priority.reference} ${update.period.label}`);
    const { update, first } = group[0]!; // each group holds the repeat that made it
    return `${update.report.source.path} repeats ${names.length === 1 ? "an update" : `${names.length} updates`} shown from ${first.report.source.path}: ${names.join(", ")}`;
  });
  for (const { update, first } of repeats) {
    const [a, b] = [first.priority.overallRating, update.priority.overallRating];
    if (a !== b) lines.push(`${update.priority.reference} ${update.period.label} is rated ${a ?? "blank"} in ${first.report.source.path} but ${b ?? "blank"} in ${update.report.source.path}`);
  }
  return lines;
}

export function buildModel(reports: Report[], findings: ReportFinding[] = []): DashboardModel {
  const all: Update[] = reports.flatMap((report) =>
    report.priorities.map((priority) => ({ report, priority, period: periodOf(priority.year, priority.quarter) })),
  );
  const periods = [...new Map(all.map((update) => [update.period.key, update.period])).values()].sort(
    (a, b) => a.year.localeCompare(b.year) || a.quarter - b.quarter,
  );
  const rank = new Map(periods.map((period, index) => [period.key, index]));
  // A stable sort: within a quarter, inputs keep the order they were given in.
  const ordered = [...all].sort((a, b) => rank.get(a.period.key)! - rank.get(b.period.key)!);

  const model: DashboardModel = { periods, themes: [], updates: 0, sources: [...new Set(reports.map((report) => report.source.path))], duplicates: [], otherFindings: [], findings };
  const views = new Map<string, PriorityView>();
  const themeOf = new Map<string, string>();
  const shown: Update[] = [];
  const repeats: { update: Update; first: Update }[] = [];
  for (const update of ordered) {
    const { priority, period } = update;
    let view = views.get(priority.reference);
    if (!view) {
      view = { reference: priority.reference, title: priority.title, leadOfficer: priority.leadOfficer, organisation: priority.organisation, updates: new Map(), indicators: [], findings: [] };
      views.set(priority.reference, view);
    }
    const first = view.updates.get(period.key);
    if (first) {
      repeats.push({ update, first });
      continue;
    }
    view.updates.set(period.key, update);
    shown.push(update);
    // The latest quarter names the priority: titles and officers change over a year.
    view.title = priority.title || view.title;
    view.leadOfficer = priority.leadOfficer || view.leadOfficer;
    view.organisation = priority.organisation || view.organisation;
    if (priority.theme || !themeOf.has(priority.reference)) themeOf.set(priority.reference, themeName(priority));
    for (const indicator of priority.indicators) addIndicator(view, indicator, period);
  }
  model.updates = shown.length;
  model.duplicates = describeRepeats(repeats);

  const themes = new Map<string, PriorityView[]>();
  for (const view of views.values()) {
    const name = themeOf.get(view.reference) ?? UNKNOWN_THEME;
    themes.set(name, [...(themes.get(name) ?? []), view]);
  }
  model.themes = [...themes.entries()]
    .sort(([a], [b]) => (a === UNKNOWN_THEME ? 1 : b === UNKNOWN_THEME ? -1 : a.localeCompare(b)))
    .map(([name, priorities]) => ({ name, priorities: priorities.sort((a, b) => compareReferences(a.reference, b.reference)) }));

  for (const finding of bySeverity(findings, (item) => item.severity)) placeFinding(model, views, shown, finding);
  return model;
}

/** The overall ratings of a theme in one quarter. */
export function ratingCounts(theme: ThemeView, period: Period): Record<Rating | "none", number> {
  const counts = { Red: 0, Amber: 0, Green: 0, none: 0 };
  for (const priority of theme.priorities) {
    const update = priority.updates.get(period.key);
    if (update) counts[update.priority.overallRating ?? "none"] += 1;
  }
  return counts;
}

/** Every finding about a priority (its own and its indicators'), errors first. */
export function priorityFindings(view: PriorityView): PlacedFinding[] {
  const all = [...view.findings, ...view.indicators.flatMap((indicator) => indicator.findings)];
  return bySeverity(all, (placed) => placed.finding.severity);
}
