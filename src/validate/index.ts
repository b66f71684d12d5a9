/**
 * The validate engine: records → findings. Pure: it reads no files and prints nothing. Every
 * rule runs with the severity in force (its default, or the configuration's; "off" skips it),
 * and its drafts become findings stamped with the input, the update and the place they concern.
 */
import type { Finding, FindingData, Severity } from "../schema/findings.js";
import type { Indicator, Priority, Report } from "../schema/records.js";
import type { Config } from "../schema/config.js";
import { resolveConfig, type ResolvedConfig } from "./config.js";
import { judge, type Judgement } from "./judge.js";
import type { Draft, Judge, ReportSummary, Rule, UpdateSummary } from "./rule.js";
import { findRule, RULES } from "./rules/index.js";
import { locate } from "./locate.js";

export { RULES, RULE_IDS, findRule } from "./rules/index.js";
export { resolveConfig, DEFAULT_TOLERANCE_PERCENT, type ResolvedConfig } from "./config.js";
export { judge, type Judgement } from "./judge.js";
export { polarityOf, type PolarityVerdict } from "./polarity.js";
export type { Rule, ReportSummary, UpdateSummary } from "./rule.js";

/** The engine takes the configuration as written (plain JSON, fit for a worker) or resolved. */
function asResolved(config: Config | ResolvedConfig): ResolvedConfig {
  return config.indicators instanceof Map ? (config as ResolvedConfig) : resolveConfig(config as Config);
}

function memoisedJudge(config: ResolvedConfig): Judge {
  const cache = new WeakMap<Indicator, Judgement>();
  return (indicator, priority) => {
    let judgement = cache.get(indicator);
    if (!judgement) cache.set(indicator, (judgement = judge(indicator, priority, config)));
    return judgement;
  };
}

export function severityOf(ruleId: string, config: ResolvedConfig): Severity | "off" {
  return config.rules[ruleId] ?? findRule(ruleId)?.severity ?? "error";
}

/** A draft → a finding of `report`; `update` is the index of the update it concerns in the report, if any. */
function toFinding(ruleId: string, severity: Severity, report: ReportSummary, about: UpdateSummary | undefined, update: number | undefined, draft: Draft, config: ResolvedConfig): Finding {
  const finding: Finding = {
    rule: ruleId,
    // A draft's lesser severity stands unless the configuration sets the rule's.
    severity: draft.severity && config.rules[ruleId] === undefined ? draft.severity : severity,
    message: draft.message,
    source: report.source.path,
    reference: about?.reference ?? null,
    indicator: draft.indicator?.ref ?? null,
    measure: draft.indicator?.measure ?? null,
    year: about?.year ?? null,
    quarter: about?.quarter ?? null,
    location: null,
  };
  const { location, place } = locate(draft, about);
  finding.location = location;
  if (place) finding.place = place;
  if (draft.data) finding.data = draft.data;
  if (update !== undefined) updateOrder.set(finding, update);
  return finding;
}

/** Each finding's update, as its index in the input, so that a file's findings are listed update by update. */
const updateOrder = new WeakMap<Finding, number>();

/** Findings of one input in reading order: by place in the file, then by rule. */
function inReadingOrder(findings: Finding[]): Finding[] {
  const position = (finding: Finding) => {
    const location = finding.location;
    const update = updateOrder.get(finding) ?? -1;
    return (update + 1) * 1e12 + (location ? (location.line ?? 0) * 1e6 + (location.table ?? 0) * 1e3 + (location.row ?? 0) + (location.paragraph ?? 0) : -1);
  };
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort((a, b) => position(a.finding) - position(b.finding) || ruleIndex.get(a.finding.rule)! - ruleIndex.get(b.finding.rule)! || a.index - b.index)
    .map(({ finding }) => finding);
}

export interface ValidateOptions {
  /**
   * Which rules run: "single", those that look at one update or one input; "across", those that
   * compare inputs (a batch runs "single" per file in its workers and "across" once); "all".
   */
  scope?: "all" | "single" | "across";
}

/**
 * Validation as the updates come: each update's own rules run as soon as it is parsed, and what
 * the rules that compare updates need of it (its summary: all but its actions and contributors)
 * is all that is kept of it. The file's rules run once its last update is in, the rules across
 * inputs once every input is. So a long file is checked without holding its updates whole
 * (10,000 updates of a 62 MB text file: ~250 MB of heap as whole updates). validate() below
 * runs it over whole reports; `lsp-report validate` feeds it updates as it parses them.
 */
export class Validation {
  private readonly config: ResolvedConfig;
  private readonly scope: NonNullable<ValidateOptions["scope"]>;
  /** Each input's summary, in the order its first update (or its end) came. */
  private readonly summaries = new Map<Report, ReportSummary>();
  private readonly found = new Map<ReportSummary, Finding[]>();

  constructor(config: Config | ResolvedConfig = {}, options: ValidateOptions = {}) {
    this.config = asResolved(config);
    this.scope = options.scope ?? "all";
  }

  /** The rules of one scope that run, with the severity in force. */
  private *rules<S extends Rule["scope"]>(scope: S): Generator<[Extract<Rule, { scope: S }>, Severity]> {
    for (const rule of RULES) {
      if (rule.scope !== scope) continue;
      const severity = severityOf(rule.id, this.config);
      if (severity === "off") continue;
      if ((rule.scope === "inputs") !== (this.scope === "across") && this.scope !== "all") continue;
      yield [rule as Extract<Rule, { scope: S }>, severity];
    }
  }

  private summaryOf(report: Report): ReportSummary {
    let summary = this.summaries.get(report);
    if (!summary) {
      // The same arrays as the report's: its loose content and notices are complete once its updates are.
      summary = { source: report.source, priorities: [], unrecognised: report.unrecognised, notices: report.notices };
      this.summaries.set(report, summary);
      this.found.set(summary, []);
    }
    return summary;
  }

  /** Check one update of `report` as soon as it is parsed; only its summary is kept. */
  update(report: Report, priority: Priority): void {
    const summary = this.summaryOf(report);
    const index = summary.priorities.length;
    const { actions: _actions, contributors: _contributors, ...kept } = priority;
    summary.priorities.push(kept);
    const findings = this.found.get(summary)!;
    // Judgements are shared by the update's rules, and let go with it.
    const judgeOnce = memoisedJudge(this.config);
    for (const [rule, severity] of this.rules("priority")) {
      for (const draft of rule.check({ report, priority, config: this.config, judge: judgeOnce })) findings.push(toFinding(rule.id, severity, summary, draft.priority ?? kept, index, draft, this.config));
    }
  }

  /** After the last update of `report` (or none, for validate() of a report without any): its file's rules. */
  endReport(report: Report): void {
    const summary = this.summaryOf(report);
    const findings = this.found.get(summary)!;
    for (const [rule, severity] of this.rules("report")) {
      for (const draft of rule.check({ report: summary, config: this.config })) findings.push(toFinding(rule.id, severity, summary, draft.priority, updateIndex(summary, draft.priority), draft, this.config));
    }
  }

  /** Forget an input whose reading failed after some of its updates were checked. */
  forget(report: Report): void {
    const summary = this.summaries.get(report);
    if (!summary) return;
    this.summaries.delete(report);
    this.found.delete(summary);
  }

  /** The inputs checked, as summaries, in order. */
  reports(): ReportSummary[] {
    return [...this.found.keys()];
  }

  /** Every finding, the rules across inputs run now: grouped by input in order, each input's in reading order. */
  findings(): Finding[] {
    const reports = this.reports();
    const judgeOnce = memoisedJudge(this.config);
    for (const [rule, severity] of this.rules("inputs")) {
      for (const draft of rule.check({ reports, config: this.config, judge: judgeOnce })) this.found.get(draft.report)?.push(toFinding(rule.id, severity, draft.report, draft.priority, updateIndex(draft.report, draft.priority), draft, this.config));
    }
    return [...this.found.values()].map(withoutShiftedRows).flatMap(inReadingOrder);
  }
}

function updateIndex(report: ReportSummary, update: UpdateSummary | undefined): number | undefined {
  return update ? report.priorities.indexOf(update) : undefined;
}

/**
 * Check the reports together (duplicates and quarter-to-quarter checks see them all). Returns
 * every finding, grouped by input in the order given, each input's in reading order.
 */
export function validate(reports: Report[], config: Config | ResolvedConfig = {}, options: ValidateOptions = {}): Finding[] {
  const validation = new Validation(config, options);
  for (const report of reports) {
    for (const priority of report.priorities) validation.update(report, priority);
    validation.endReport(report);
  }
  return validation.findings();
}

/** A row as a key: its line, or its table and row. */
function rowKey(location: Finding["location"]): string | null {
  if (!location) return null;
  if (location.line !== undefined) return `line ${location.line}`;
  if (location.table !== undefined && location.row !== undefined) return `table ${location.table} row ${location.row}`;
  return null;
}

/**
 * One fact, one finding: a row whose cells stand under the wrong headers makes every other
 * reading of it wrong (a target judged as a baseline, a paragraph as a timescale), so row-shifted
 * stands alone on its row.
 */
function withoutShiftedRows(findings: Finding[]): Finding[] {
  const shifted = new Set(findings.filter((finding) => finding.rule === "row-shifted").map((finding) => rowKey(finding.location)));
  if (shifted.size === 0) return findings;
  return findings.filter((finding) => finding.rule === "row-shifted" || !shifted.has(rowKey(finding.location)));
}

/** A finding about a whole input that could not be checked: input-unreadable or no-report-found. */
export function fileFinding(ruleId: "input-unreadable" | "no-report-found", source: string, reason: string, config: Config | ResolvedConfig = {}): Finding | null {
  const severity = severityOf(ruleId, asResolved(config));
  if (severity === "off") return null;
  const data: FindingData = { reason };
  return { rule: ruleId, severity, message: reason, source, reference: null, indicator: null, measure: null, year: null, quarter: null, location: null, data };
}
