/**
 * What a rule is: a stable id (a public contract), a default severity, a one-line description,
 * a longer explanation with an example, and a check. A check returns drafts (the message and
 * what it concerns); the engine turns them into findings with the severity in force.
 *
 * Scopes: "priority" checks one update at a time; "report" one input file; "inputs" sees every
 * input at once (duplicates, quarter-to-quarter checks); "file" rules are raised by the command
 * line for inputs that could not be read, and are here for their documentation and severity.
 */
import type { FindingData, Severity } from "../schema/findings.js";
import type { Action, Contributor, Indicator, Location, Priority, Report } from "../schema/records.js";
import type { ResolvedConfig } from "./config.js";
import type { Judgement } from "./judge.js";

/**
 * What the rules that look beyond one update (report and inputs scope) see of each update: all
 * of it but its actions and contributors, which only the update's own rules read. The engine
 * keeps no more than this of an update once its own rules have run, so that checking a long
 * file does not hold every update whole (10,000 updates of a 62 MB text file: ~250 MB of heap
 * as whole updates).
 */
export type UpdateSummary = Omit<Priority, "actions" | "contributors">;

/** A report as those rules see it: its updates as summaries. */
export interface ReportSummary extends Omit<Report, "priorities"> {
  priorities: UpdateSummary[];
}

export interface Draft {
  message: string;
  /** The indicator the finding concerns: gives the finding its PI Ref, measure and location. */
  indicator?: Indicator;
  /** The action or contributor the finding concerns (its row gives the location). */
  action?: Action;
  contributor?: Contributor;
  /**
   * The field of that record (or, with none, of the update: leadOfficer, overallRating, heading…)
   * the finding is about: its cell becomes the finding's location (see locate.ts).
   */
  field?: string;
  /** A place of its own, without a field: rows kept aside, a tracked change (`inserted "…"`). */
  placeWords?: string;
  location?: Location | null;
  data?: FindingData;
  /** For report and inputs rules: the update the finding concerns (priority rules: their own). */
  priority?: UpdateSummary;
  /** A lesser severity for a lesser case of the rule (a reference readable but not in the standard form); the configuration's setting for the rule still wins. */
  severity?: Severity;
}

/** A draft from a rule that sees all inputs: it says which input it concerns. */
export interface InputsDraft extends Draft {
  report: ReportSummary;
}

export interface Judge {
  (indicator: Indicator, priority: Priority): Judgement;
}

export interface PriorityContext {
  report: Report;
  priority: Priority;
  config: ResolvedConfig;
  judge: Judge;
}

export interface ReportContext {
  report: ReportSummary;
  config: ResolvedConfig;
}

export interface InputsContext {
  reports: ReportSummary[];
  config: ResolvedConfig;
  judge: Judge;
}

interface RuleMeta {
  id: string;
  severity: Severity;
  /** One line: what the rule reports. */
  description: string;
  /** Why it matters and what to do, with an example message. */
  docs: string;
}

export type Rule = RuleMeta &
  (
    | { scope: "priority"; check: (context: PriorityContext) => Draft[] }
    | { scope: "report"; check: (context: ReportContext) => Draft[] }
    | { scope: "inputs"; check: (context: InputsContext) => InputsDraft[] }
    | { scope: "file" }
  );

export function defineRule<R extends Rule>(rule: R): R {
  return rule;
}

/** "NI 187" or, when one PI Ref has several rows, "NI 187 (SAP > 65)". */
export function label(indicator: Pick<Indicator, "ref" | "measure">): string {
  return indicator.measure ? `${indicator.ref} (${indicator.measure})` : indicator.ref || "unnamed PI";
}

/**
 * An update of which nothing but the heading was read: no Improvement Priority table, no
 * indicators, actions or contributors. tables-missing reports it once; the rules about blank
 * fields stay quiet about it.
 */
export function nothingRead(priority: Priority): boolean {
  const table = [priority.title, priority.leadOfficer, priority.organisation, priority.overallRatingRaw, priority.directionRaw].some((text) => text.trim());
  return !table && priority.indicators.length === 0 && priority.actions.length === 0 && priority.contributors.length === 0;
}

/** A text cut to a readable length for a message. */
export function quote(text: string, length = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return `"${flat.length > length ? `${flat.slice(0, length - 1)}…` : flat}"`;
}
