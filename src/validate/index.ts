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
import type { Draft, Judge } from "./rule.js";
import { findRule, RULES } from "./rules/index.js";
import { locate } from "./locate.js";

export { RULES, RULE_IDS, findRule } from "./rules/index.js";
export { resolveConfig, DEFAULT_TOLERANCE_PERCENT, type ResolvedConfig } from "./config.js";
export { judge, type Judgement } from "./judge.js";
export { polarityOf, type PolarityVerdict } from "./polarity.js";
export type { Rule } from "./rule.js";

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

function toFinding(ruleId: string, severity: Severity, report: Report, priority: Priority | undefined, draft: Draft, config: ResolvedConfig): Finding {
  const about = draft.priority ?? priority;
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
  if (about) updateOrder.set(finding, report.priorities.indexOf(about));
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
 * Check the reports together (duplicates and quarter-to-quarter checks see them all). Returns
 * every finding, grouped by input in the order given, each input's in reading order.
 */
export function validate(reports: Report[], config: Config | ResolvedConfig = {}, options: ValidateOptions = {}): Finding[] {
  const resolved = asResolved(config);
  const scope = options.scope ?? "all";
  const judgeOnce = memoisedJudge(resolved);
  const byReport = new Map<Report, Finding[]>(reports.map((report) => [report, []]));
  for (const rule of RULES) {
    const severity = severityOf(rule.id, resolved);
    if (severity === "off" || rule.scope === "file") continue;
    if ((rule.scope === "inputs") !== (scope === "across") && scope !== "all") continue;
    if (rule.scope === "priority") {
      for (const report of reports) {
        for (const priority of report.priorities) {
          for (const draft of rule.check({ report, priority, config: resolved, judge: judgeOnce })) byReport.get(report)!.push(toFinding(rule.id, severity, report, priority, draft, resolved));
        }
      }
    } else if (rule.scope === "report") {
      for (const report of reports) for (const draft of rule.check({ report, config: resolved })) byReport.get(report)!.push(toFinding(rule.id, severity, report, undefined, draft, resolved));
    } else if (rule.scope === "inputs") {
      for (const draft of rule.check({ reports, config: resolved, judge: judgeOnce })) byReport.get(draft.report)?.push(toFinding(rule.id, severity, draft.report, undefined, draft, resolved));
    }
  }
  return [...byReport.values()].map(withoutShiftedRows).flatMap(inReadingOrder);
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
